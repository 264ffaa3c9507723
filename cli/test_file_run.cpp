#include "cli/test_file_run.hpp"

#include <iostream>

#include "cli/diagnostics_output.hpp"
#include "model/cat/model.hpp"
#include "render/figure.hpp"
#include "solver/z3_session.hpp"

namespace memx::cli {

std::optional<solver::LoadedModel> loadModel(const solver::ModelSelection& selection) {
    DiagnosticSink sink;
    auto model = solver::loadModelSelection(selection, sink);
    printDiagnostics(sink);
    return model;
}

std::optional<LoadedTest> loadTestFile(const solver::ModelSelection& selection,
                                       const std::string& file) {
    auto model = loadModel(selection);
    if (!model) {
        return std::nullopt;
    }
    LoadedTest loaded{std::make_unique<solver::LoadedModel>(std::move(*model)), {}, {}};
    DiagnosticSink sink;
    auto test = solver::prepareLitmusFile(file, *loaded.model, sink, &loaded.source);
    printDiagnostics(sink, loaded.source);
    if (!test) {
        return std::nullopt;
    }
    loaded.test = std::move(*test);
    return loaded;
}

int reportingRunErrors(const std::string& file, const std::function<int()>& body) {
    try {
        return body();
    } catch (const cat::EvalError& e) {
        DiagnosticSink sink;
        sink.report(e.diagnostic());
        printDiagnostics(sink);
    } catch (const solver::SolverError& e) {
        std::cerr << file << ": error: " << e.what() << "\n";
    } catch (const render::RenderError& e) {
        std::cerr << file << ": error: cannot draw the figure: " << e.what() << "\n";
    }
    return 2;
}

std::optional<solver::TestRun> runTestFile(const std::string& file,
                                           const solver::LoadedModel& model,
                                           const solver::RunOptions& options) {
    DiagnosticSink sink;
    std::string source;
    std::optional<solver::TestRun> run;
    try {
        run = solver::runLitmusFile(file, model, options, sink, &source);
    } catch (const cat::EvalError& e) {
        sink.report(e.diagnostic());
    } catch (const solver::SolverError& e) {
        sink.error(file, {}, e.what());
    }
    printDiagnostics(sink, source);
    return run;
}

}  // namespace memx::cli
