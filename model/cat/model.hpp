// The public face of the cat language: load a herd-style model (.cat with its includes, .bell,
// .cfg) into a checked Model, and evaluate it on concrete executions.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "litmus/diagnostic.hpp"
#include "model/execution_graph.hpp"

namespace memx::cat {

struct LoadOptions {
    std::vector<std::filesystem::path> includeDirs;  // searched after the file's own folder
    std::vector<std::string> variants;               // herd's -variant, e.g. "lkmmv2"
};

// What a loaded model declares that the event builder must know: tag names per enum
// (from `.bell` files), and which `instructions` kinds accept which enums.
struct ModelInterface {
    std::map<std::string, std::vector<std::string>> enums;         // enum name -> tags
    std::map<std::string, std::vector<std::string>> instructions;  // "R" -> enum names
};

class Model;  // opaque, compiled

// A runtime error in a model (a set where a relation is needed, applying a non-function, ...),
// located at the offending expression.
class EvalError : public std::runtime_error {
public:
    explicit EvalError(Diagnostic d) : std::runtime_error(d.message), diagnostic_(std::move(d)) {}
    const Diagnostic& diagnostic() const { return diagnostic_; }

private:
    Diagnostic diagnostic_;
};

// The files a herd `-conf` file names (resolved against the .cfg's folder) and its variants.
// Display keys (graph, fontsize, ...) are accepted and ignored.
struct ModelConfig {
    std::optional<std::filesystem::path> model;   // `model F`
    std::optional<std::filesystem::path> bell;    // `bell F`
    std::optional<std::filesystem::path> macros;  // `macros F` (.def, for the event builder)
    std::vector<std::string> variants;            // every `variant V`
};

// Reads a .cfg file; returns nullopt after reporting file:line diagnostics into `sink`.
std::optional<ModelConfig> loadConfig(const std::filesystem::path& cfgFile, DiagnosticSink& sink);

// Loads a .cat file, as herd7 does: memx's own standard library first (built in; see
// model/models/memx-stdlib.cat), then the .bell file, then the .cat file. The .bell is
// `bellFile` if given; otherwise a sibling `X.bell` next to `X.cat` is loaded when it exists.
// `include "f"` is searched in the including file's folder, then in options.includeDirs (as
// herd's -I). `if "v"` parts are decided by options.variants. Names are resolved to slots
// once here, and the model is dry-run on the empty execution so type errors surface now.
// Returns null after reporting file:line:column diagnostics into `sink`.
std::shared_ptr<const Model> loadModel(const std::filesystem::path& catFile,
                                       const std::optional<std::filesystem::path>& bellFile,
                                       const LoadOptions& options, DiagnosticSink& sink);

const ModelInterface& modelInterface(const Model& model);
std::string modelTitle(const Model& model);  // the leading "..." string, or the file name

enum class CheckKind { Acyclic, Irreflexive, Empty };
enum class CheckMode { Axiom, Flag, UndefinedUnless };

// For an Axiom or UndefinedUnless check, `holds` says the test (with its `~`) succeeded.
// For a Flag check, `holds` says the flag's test succeeded, i.e. the flag was raised.
struct CheckResult {
    std::string name;  // the `as` name, or the checked expression's text
    CheckKind kind;
    CheckMode mode;
    SourceRange range;
    bool holds = true;
};

// One complete execution: a candidate plus one choice for every `with x from ...` binding.
struct ExecutionVerdict {
    bool allowed = true;                                  // every Axiom check holds
    std::vector<std::string> flags;                       // Flag checks that fired (in model order)
    std::vector<std::string> undefinedChecks;             // UndefinedUnless checks that failed
    std::vector<CheckResult> checks;                      // every check evaluated, in order
    std::map<std::string, model::Relation> withBindings;  // co, rf-lf, ... as chosen
    std::map<std::string, model::Relation> shown;         // relations named by `show`
    // EvaluateOptions::extraRelations, by name (names bound to non-relations are omitted).
    std::map<std::string, model::Relation> relations;
    // EvaluateOptions::keepGlobals: every top-level relation and event set by its slot (see
    // compiled_model.hpp), as bound when the verdict was emitted. Explanations read a name's
    // value at the binding an expression refers to, even when the model rebinds it later.
    std::map<std::uint32_t, model::Relation> globalRelations;
    std::map<std::uint32_t, model::EventSet> globalSets;
};

struct EvaluateOptions {
    // Stop evaluating an execution at its first failing axiom (the verdict needs no more).
    bool stopAtFirstFailure = true;
    // Evaluate and return these derived relations too (explanations and figures).
    std::vector<std::string> extraRelations;
    // Return every top-level relation and set by slot too (ExecutionVerdict::globalRelations).
    bool keepGlobals = false;
    // Called every few thousand evaluation steps and once per `with` choice and per
    // linearisation: one candidate's evaluation can run for minutes (lock.cat's choices over
    // large value sets), so a time limit or a cancel checked only between executions would go
    // unheard. It may throw to abandon the evaluation; the exception leaves `evaluate` as is.
    std::function<void()> checkpoint;
    // When set, counts every order `linearisations` builds. They are all built before the
    // first of them is checked (a `with` takes a whole set), so for a location with many
    // writes (k writes: k! orders) this count says how far an unfinished evaluation got.
    std::uint64_t* ordersBuilt = nullptr;
    // When set, counts the varying statements (let, let rec and checks that read a `with`
    // choice or the coherence order) that were evaluated, and those whose result from the
    // previous choice was taken again because what they read had not changed.
    struct StatementCounts {
        std::uint64_t evaluated = 0;
        std::uint64_t reused = 0;
    };
    StatementCounts* statementCounts = nullptr;
};

// Runs the model on one candidate execution `graph` and calls `onExecution` once per complete
// execution, i.e. once per combination of choices of the model's `with x from S` statements
// (herd counts each as a separate execution; lock.cat and cos-opt.cat enumerate co and the
// lock rf this way). If the model reads `co` (or fr, coe, coi, fre, fri) without binding it
// and the graph has no "co" relation, coherence orders are enumerated natively: per
// location, every total order of the writes with IW first and FW last, one execution each.
//
// Names the model reads from the graph: graph.relations by name (po rf rmw addr data ctrl
// amo ...; id, loc, int and ext are computed from `events` when absent), and graph.sets under
// herd's names: a set keyed by tag `t` is exposed as t with its first letter capitalised
// ("rmb" -> Rmb, "rcu-lock" -> Rcu-lock, "ONCE" -> ONCE). Every tag of the model's enums
// and herd's standard sets (R W M F IW FW B RMW LKR LKW UL LF RL RU ...) exist even when the
// graph lacks them (empty).
//
// A verdict with allowed == false may be reported before later `with` choices are made
// (with stopAtFirstFailure, evaluation stops at the first failing axiom). Flags are only
// meaningful on allowed executions. Throws cat::EvalError on a runtime type error.
void evaluate(const Model& model, const model::ExecutionGraph& graph,
              const EvaluateOptions& options,
              const std::function<void(const ExecutionVerdict&)>& onExecution);

}  // namespace memx::cat
