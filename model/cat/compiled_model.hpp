// The loaded, resolved model that loadModel returns and evaluate runs: the flattened statement
// list of stdlib + bell + cat (includes spliced in, variant `if`s decided), every name resolved
// to a slot, and the table of primitive slots the evaluator fills from each execution graph.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/cat/ast.hpp"
#include "model/cat/model.hpp"
#include "model/cat/value.hpp"

namespace memx::cat {

// How a primitive slot gets its value for one execution.
enum class PrimitiveKind {
    GraphSet,       // union of the graph's sets whose herd name (capitalised) is `name`
    GraphRelation,  // graph.relations[name]; empty when absent (id, loc, int, ext computed)
    Builtin,        // a native function
    Coherence,      // co, or fr/coe/coi/fre/fri derived from it; native enumeration if absent
    Optional,       // referenced only under `try`: a graph set or relation if present
};

struct Primitive {
    std::string name;
    PrimitiveKind kind;
    std::uint32_t slot;
    Builtin builtin = Builtin::Domain;
};

class Model {
public:
    std::vector<std::string> files;  // file names for diagnostics, indexed by NodeLoc::file
    StmtList statements;
    std::vector<Primitive> primitives;
    std::uint32_t globalCount = 0;
    std::map<std::string, std::uint32_t> finalSlots;  // top-level name -> its last binding
    ModelInterface interface;
    std::string title;
    std::vector<std::string> shown;
    std::set<std::string> variants;     // LoadOptions::variants, for `if "v"` expressions
    bool needsNativeCoherence = false;  // some statement reads co (or fr, ...) unbound
    // Per statement: evaluated once per candidate rather than once per `with` choice and
    // coherence order (stability.hpp). Filled by loadModel after resolution.
    std::vector<char> stable;
    // Per statement: the varying global slots it reads (stability.hpp), which decide whether
    // a varying statement can reuse its result from the previous choice.
    std::vector<std::vector<std::uint32_t>> varyingReads;
};

// Herd's name for a tag's event set: the tag with its first letter capitalised ('rmb -> Rmb).
std::string tagSetName(const std::string& tag);

// Resolves every name of `model.statements` to a slot, fills `primitives`, `finalSlots`,
// `interface` and `shown`. Unbound names are reported into `sink`; returns false then.
bool resolveModel(Model& model, DiagnosticSink& sink);

}  // namespace memx::cat
