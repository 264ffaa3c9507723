#include "solver/test_pipeline.hpp"

#include <fstream>
#include <sstream>

#include "litmus/parser.hpp"
#include "model/events/def_reader.hpp"
#include "model/events/event_builder.hpp"
#include "solver/model_locator.hpp"
#include "solver/text_digest.hpp"

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
    auto events = model::buildEvents(program, model.primitives, file, sink);
    if (!events) {
        return std::nullopt;
    }
    TestRun run;
    run.outcome = runTest(program, *events, *model.model, options);
    run.program = std::move(program);
    run.hash = textDigest(text);
    run.source = std::move(text);
    return run;
}

}  // namespace

std::optional<LoadedModel> loadModelSelection(const ModelSelection& selection,
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
        bell = cfg->bell;
        loaded.primitivesFile = cfg->macros;
        if (cfg->model) {
            loaded.catFile = *cfg->model;
        }
    }
    options.variants.insert(options.variants.end(), selection.variants.begin(),
                            selection.variants.end());
    if (selection.catFile) {
        loaded.catFile = *selection.catFile;
    }
    if (loaded.catFile.empty()) {
        auto builtin = builtinModelPath(selection.builtin);
        if (!builtin) {
            sink.error(selection.builtin, {},
                       "no built-in model named '" + selection.builtin +
                           "' (looked for <memx>/../share/memx/models/" + selection.builtin +
                           ".cat)");
            return std::nullopt;
        }
        loaded.catFile = *builtin;
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
    } else {
        loaded.primitives = model::lkmmPrimitives();
    }
    loaded.model = cat::loadModel(loaded.catFile, bell, options, sink);
    if (!loaded.model) {
        return std::nullopt;
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
    return program && model::buildEvents(*program, model.primitives, fileName, sink).has_value();
}

}  // namespace memx::solver
