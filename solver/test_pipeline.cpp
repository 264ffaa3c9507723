#include "solver/test_pipeline.hpp"

#include <fstream>
#include <sstream>

#include "litmus/parser.hpp"
#include "model/cat/model_image.hpp"
#include "model/events/def_reader.hpp"
#include "model/events/event_builder.hpp"
#include "solver/division_check.hpp"
#include "solver/herd_hash.hpp"
#include "solver/model_choice.hpp"
#include "solver/model_locator.hpp"

namespace memx::solver {

namespace {

std::optional<model::PrimitiveTable> readPrimitives(const std::filesystem::path& def,
                                                    DiagnosticSink& sink) {
    std::ifstream in(def);
    if (!in) {
        sink.error(def.string(), {}, "cannot read primitive definitions file");
        return std::nullopt;
    }
    std::stringstream text;
    text << in.rdbuf();
    return model::readDefFile(text.str(), def.string(), sink);
}

// Builds the events of a parsed test and runs it.
std::optional<TestRun> runProgram(litmus::Program program, std::string text,
                                  const std::string& file, const LoadedModel& model,
                                  const RunOptions& options, DiagnosticSink& sink) {
    const LoadedModel& chosen = modelFor(model, program);
    auto events = model::buildEvents(program, chosen.primitives, file, sink, model.events);
    if (!events || !checkDivisions(program, *events, file, sink)) {
        return std::nullopt;
    }
    TestRun run;
    RunOptions withFlags = options;
    withFlags.builtinFlags = chosen.builtinFlags;
    withFlags.coherentModel = chosen.builtinFlags != nullptr;
    run.outcome = runTest(program, *events, *chosen.model, withFlags);
    run.model = chosen.name;
    run.program = std::move(program);
    run.hash = herdHash(run.program, text);
    run.source = std::move(text);
    return run;
}

// A file a .cfg names: beside the .cfg (as loadConfig resolved it) when it is there, else the
// first -I folder that holds its name, as herd7 looks files up; unchanged when neither has it,
// so the error names the path beside the .cfg.
std::optional<std::filesystem::path> besideOrIncluded(
    const std::optional<std::filesystem::path>& file,
    const std::vector<std::filesystem::path>& includeDirs) {
    std::error_code ec;
    if (!file || std::filesystem::exists(*file, ec)) {
        return file;
    }
    for (const auto& dir : includeDirs) {
        auto candidate = dir / file->filename();
        if (std::filesystem::exists(candidate, ec)) {
            return candidate;
        }
    }
    return file;
}

// Loads one model: the selection's .cat or .cfg, or else the built-in model `builtin`.
std::optional<LoadedModel> loadOneModel(const ModelSelection& selection, const std::string& builtin,
                                        DiagnosticSink& sink) {
    LoadedModel loaded;
    cat::LoadOptions options;
    options.includeDirs = selection.includeDirs;
    std::optional<std::filesystem::path> bell;
    if (selection.config) {
        auto cfg = cat::loadConfig(*selection.config, sink);
        if (!cfg) {
            return std::nullopt;
        }
        options.variants = cfg->variants;
        bell = besideOrIncluded(cfg->bell, selection.includeDirs);
        loaded.primitivesFile = besideOrIncluded(cfg->macros, selection.includeDirs);
        if (cfg->model) {
            loaded.catFile = *besideOrIncluded(cfg->model, selection.includeDirs);
        }
    }
    options.variants.insert(options.variants.end(), selection.variants.begin(),
                            selection.variants.end());
    if (selection.catFile) {
        loaded.catFile = *selection.catFile;
    }
    if (selection.bellFile) {
        bell = selection.bellFile;
    }
    if (selection.macrosFile) {
        loaded.primitivesFile = selection.macrosFile;
    }
    if (loaded.catFile.empty()) {
        auto path = builtinModelPath(builtin);
        if (!path) {
            sink.error(builtin, {},
                       "no built-in model named '" + builtin +
                           "' (looked for <memx>/../share/memx/models/" + builtin + ".cat)");
            return std::nullopt;
        }
        loaded.catFile = *path;
        loaded.name = builtin;
        // The built-in flag list reads the built-in event tables' tags: not with a .cfg's.
        if (!selection.config && !selection.macrosFile) {
            loaded.builtinFlags = builtinFlagConditions(builtin);
        }
    } else {
        loaded.name = loaded.catFile.string();
    }
    if (!loaded.primitivesFile) {
        auto def = std::filesystem::path(loaded.catFile).replace_extension(".def");
        std::error_code ec;
        if (std::filesystem::exists(def, ec)) {
            loaded.primitivesFile = def;
        }
    }
    if (loaded.primitivesFile) {
        auto table = readPrimitives(*loaded.primitivesFile, sink);
        if (!table) {
            return std::nullopt;
        }
        loaded.primitives = std::move(*table);
    } else if (loaded.name == "rc11") {
        loaded.primitives = model::rc11Primitives();
    } else {
        loaded.primitives = model::lkmmPrimitives();
    }
    // A built-in model loads from the image the build saved of it, unless a file it was made
    // from changed since (then, and for every other model, from its text).
    if (loaded.name == builtin && !bell) {
        loaded.model = cat::loadModelImage(loaded.catFile, options);
    }
    if (!loaded.model) {
        loaded.model = cat::loadModel(loaded.catFile, bell, options, sink);
    }
    if (!loaded.model) {
        return std::nullopt;
    }
    return loaded;
}

// How the model's tests are built: the selection's options, with byte classes on for a
// built-in model (the one with its own flag list, not read through a .cfg) unless the
// selection says otherwise.
void setEventOptions(LoadedModel& loaded, const ModelSelection& selection) {
    loaded.events = selection.events;
    loaded.events.byteClasses = selection.byteClasses.value_or(loaded.builtinFlags != nullptr);
}

}  // namespace

std::optional<LoadedModel> loadModelSelection(const ModelSelection& selection,
                                              DiagnosticSink& sink) {
    if (!selection.builtin.empty() || selection.catFile || selection.config) {
        auto loaded = loadOneModel(selection, selection.builtin, sink);
        if (loaded) {
            setEventOptions(*loaded, selection);
        }
        return loaded;
    }
    auto kernel = loadOneModel(selection, builtinModelFor(Dialect::Kernel), sink);
    if (kernel) {
        setEventOptions(*kernel, selection);
    }
    if (!kernel) {
        return std::nullopt;
    }
    kernel->c11Model = std::make_shared<const LazyModel>([selection](DiagnosticSink& lazySink) {
        auto c11 = loadOneModel(selection, builtinModelFor(Dialect::C11), lazySink);
        if (c11) {
            setEventOptions(*c11, selection);
        }
        return c11;
    });
    return kernel;
}

const LoadedModel& LazyModel::get() const {
    std::call_once(once_, [this] {
        DiagnosticSink sink;
        if (auto loaded = load_(sink)) {
            model_ = std::make_shared<const LoadedModel>(std::move(*loaded));
        } else {
            error_ = sink.diagnostics().empty()
                         ? Diagnostic{Severity::Error, "", {}, "the model could not be loaded", {}}
                         : sink.diagnostics().front();
        }
    });
    if (!model_) {
        throw cat::EvalError(*error_);
    }
    return *model_;
}

const LoadedModel& modelFor(const LoadedModel& loaded, const litmus::Program& program) {
    if (loaded.c11Model && testDialect(program) == Dialect::C11) {
        return loaded.c11Model->get();
    }
    return loaded;
}

std::optional<TestRun> runLitmusFile(const std::string& file, const LoadedModel& model,
                                     const RunOptions& options, DiagnosticSink& sink,
                                     std::string* source) {
    std::string text;
    auto program = litmus::parseLitmusFile(file, sink, &text);
    if (source) {
        *source = text;
    }
    if (!program) {
        return std::nullopt;
    }
    return runProgram(std::move(*program), std::move(text), file, model, options, sink);
}

std::optional<TestRun> runLitmusText(std::string text, const std::string& fileName,
                                     const LoadedModel& model, const RunOptions& options,
                                     DiagnosticSink& sink) {
    auto program = litmus::parseLitmus(text, fileName, sink);
    if (!program) {
        return std::nullopt;
    }
    return runProgram(std::move(*program), std::move(text), fileName, model, options, sink);
}

bool checkLitmusText(std::string_view text, const std::string& fileName, const LoadedModel& model,
                     DiagnosticSink& sink) {
    auto program = litmus::parseLitmus(text, fileName, sink);
    return program && model::buildEvents(*program, modelFor(model, *program).primitives, fileName,
                                         sink, model.events)
                          .has_value();
}

}  // namespace memx::solver
