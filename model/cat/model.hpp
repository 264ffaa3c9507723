// The public face of the cat language: load a herd-style model (.cat with its includes, .bell,
// .cfg) into a checked Model, and evaluate it on concrete executions.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
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
    std::map<std::string, std::vector<std::string>> enums;  // enum name -> tags
    std::map<std::string, std::vector<std::string>> instructions;  // "R" -> enum names
};

class Model;  // opaque, compiled

// Loads a .cat file (and the .bell named by `bell`, if any). Returns null after reporting
// file:line:column diagnostics into `sink`.
std::shared_ptr<const Model> loadModel(const std::filesystem::path& catFile,
                                       const std::optional<std::filesystem::path>& bellFile,
                                       const LoadOptions& options, DiagnosticSink& sink);

const ModelInterface& modelInterface(const Model& model);
std::string modelTitle(const Model& model);  // the leading "..." string, or the file name

enum class CheckKind { Acyclic, Irreflexive, Empty };
enum class CheckMode { Axiom, Flag, UndefinedUnless };

struct CheckResult {
    std::string name;  // the `as` name, or the checked expression's text
    CheckKind kind;
    CheckMode mode;
    SourceRange range;
    bool holds = true;
};

// One complete execution: a candidate plus one choice for every `with x from ...` binding.
struct ExecutionVerdict {
    bool allowed = true;                       // every Axiom check holds
    std::vector<std::string> flags;            // Flag checks that fired (in model order)
    std::vector<std::string> undefinedChecks;  // UndefinedUnless checks that failed
    std::vector<CheckResult> checks;           // every check evaluated, in order
    std::map<std::string, model::Relation> withBindings;  // co, rf-lf, ... as chosen
    std::map<std::string, model::Relation> shown;  // relations named by `show`
};

struct EvaluateOptions {
    // Stop evaluating an execution at its first failing axiom (the verdict needs no more).
    bool stopAtFirstFailure = true;
    // Evaluate and return these derived relations too (explanations and figures).
    std::vector<std::string> extraRelations;
};

// Calls `onExecution` once per complete execution of `graph`. If the model references `co`
// without binding it, coherence orders are enumerated natively (per location, IW first,
// FW last), as herd does. Throws cat::EvalError (a std::runtime_error carrying a Diagnostic)
// on a runtime type error in the model.
void evaluate(const Model& model, const model::ExecutionGraph& graph, const EvaluateOptions& options,
              const std::function<void(const ExecutionVerdict&)>& onExecution);

}  // namespace memx::cat
