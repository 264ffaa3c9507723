// The whole pipeline for one litmus file, in one place for every front end (CLI, GUI, corpus
// harness): choose and load the model and the primitive table, parse, build events, run.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "litmus/ast.hpp"
#include "litmus/diagnostic.hpp"
#include "model/cat/model.hpp"
#include "model/events/byte_types.hpp"
#include "model/events/primitives.hpp"
#include "solver/test_outcome.hpp"
#include "solver/test_runner.hpp"

namespace memx::solver {

// Which model to use, as the command line says it (herd's -cat, -I, -conf, -variant).
struct ModelSelection {
    // Used when neither catFile nor config; empty: automatic, each test gets the built-in
    // model of its dialect (lkmm, or rc11 for C11 tests; solver/model_choice.hpp).
    std::string builtin;
    std::optional<std::filesystem::path> catFile;  // --cat
    std::vector<std::filesystem::path> includeDirs;
    std::optional<std::filesystem::path> config;  // --conf (model, bell, macros, variants)
    // herd7's -bell and -macros: they override the .cfg's `bell` and `macros` lines.
    std::optional<std::filesystem::path> bellFile;
    std::optional<std::filesystem::path> macrosFile;
    std::vector<std::string> variants;
    // How byte-granular tests are built (`--endian`, `--usercopy`; docs/byte-memory.md).
    model::EventOptions events;
    // `--byte-classes on|off`; none (auto): on with a built-in model, off with a user's .cat
    // or .cfg, whose differences and complements the argument for byte classes does not
    // cover. Overrides events.byteClasses.
    std::optional<bool> byteClasses;
};

class LazyModel;

struct LoadedModel {
    std::shared_ptr<const cat::Model> model;
    model::PrimitiveTable primitives;
    std::filesystem::path catFile;
    std::optional<std::filesystem::path> primitivesFile;  // none: a built-in table
    std::string name;  // the built-in model's name ("lkmm", "rc11", "sc"), else the .cat path
    // Set when the model was chosen automatically: the model for C11 tests (rc11), while this
    // one serves every other test (lkmm). Loaded on first use.
    std::shared_ptr<const LazyModel> c11Model;
    model::EventOptions events;  // from ModelSelection::events
    // A built-in model's flags with their necessary conditions (solver/builtin_flags.hpp), for
    // verdict-only runs; null for a user's model.
    const std::vector<FlagCondition>* builtinFlags = nullptr;
};

// A model loaded the first time it is asked for (thread-safe): most runs have no C11 test, and
// loading a model is a good part of a short run's start-up (docs/startup.md).
class LazyModel {
public:
    explicit LazyModel(std::function<std::optional<LoadedModel>(DiagnosticSink&)> load)
        : load_(std::move(load)) {}
    // Throws cat::EvalError with the first diagnostic when the model cannot be loaded.
    const LoadedModel& get() const;

private:
    std::function<std::optional<LoadedModel>(DiagnosticSink&)> load_;
    mutable std::once_flag once_;
    mutable std::shared_ptr<const LoadedModel> model_;
    mutable std::optional<Diagnostic> error_;
};

// The model `program` runs under: `loaded`, or its c11Model for a C11 test.
const LoadedModel& modelFor(const LoadedModel& loaded, const litmus::Program& program);

// Loads the model and its primitive table: the .cfg's `macros` file, else X.def beside
// X.cat, else memx's built-in table (rc11's C++ meaning of the kernel primitives for the
// built-in rc11, the LKMM table otherwise). Errors go to `sink` and give nullopt.
std::optional<LoadedModel> loadModelSelection(const ModelSelection& selection,
                                              DiagnosticSink& sink);

struct TestRun {
    litmus::Program program;
    std::string source;
    std::string hash;   // herdHash(program, source): herd7's Hash= value
    std::string model;  // LoadedModel::name of the model that ran
    TestOutcome outcome;
};

// Parses `file`, builds its events and runs it. Input errors go to `sink` (and `source`, when
// given, receives the text for carets) and give nullopt. Errors of the model at run time
// (cat::EvalError) and of Z3 (SolverError) propagate as exceptions.
std::optional<TestRun> runLitmusFile(const std::string& file, const LoadedModel& model,
                                     const RunOptions& options, DiagnosticSink& sink,
                                     std::string* source = nullptr);

// The same for a test held in memory (the GUI's editor); `fileName` names it in diagnostics.
std::optional<TestRun> runLitmusText(std::string text, const std::string& fileName,
                                     const LoadedModel& model, const RunOptions& options,
                                     DiagnosticSink& sink);

// Parses `text` and builds its events without running it: every input error a run would
// report, in milliseconds (the GUI's check as you type). False after reporting into `sink`.
bool checkLitmusText(std::string_view text, const std::string& fileName, const LoadedModel& model,
                     DiagnosticSink& sink);

}  // namespace memx::solver
