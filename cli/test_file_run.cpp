#include "cli/test_file_run.hpp"

#include "cli/diagnostics_output.hpp"
#include "model/cat/model.hpp"
#include "solver/z3_session.hpp"

namespace memx::cli {

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
