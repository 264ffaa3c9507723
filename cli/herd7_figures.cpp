#include "cli/herd7_figures.hpp"

#include <fstream>
#include <iostream>

#include "cli/diagnostics_output.hpp"
#include "cli/execution_figure.hpp"
#include "cli/figure_output.hpp"
#include "solver/execution_search.hpp"
#include "solver/explanation.hpp"
#include "solver/prepared_test.hpp"

namespace memx::cli {

std::optional<ShownExecutions> shownExecutions(const std::string& value) {
    if (value == "none") {
        return ShownExecutions::None;
    }
    if (value == "all") {
        return ShownExecutions::All;
    }
    if (value == "prop") {
        return ShownExecutions::Prop;
    }
    if (value == "neg") {
        return ShownExecutions::Neg;
    }
    return std::nullopt;
}

bool writeHerdFigures(const std::string& file, const solver::LoadedModel& model,
                      ShownExecutions show, const std::filesystem::path& dir,
                      std::optional<double> timeoutSeconds) {
    if (show == ShownExecutions::None) {
        return true;
    }
    DiagnosticSink sink;
    std::string source;
    auto test = solver::prepareLitmusFile(file, model, sink, &source);
    printDiagnostics(sink, source);
    if (!test) {
        return false;
    }
    std::string dot;
    std::size_t seen = 0;
    solver::SearchOptions options;
    options.timeoutSeconds = timeoutSeconds;
    const std::string& name = test->program.name;
    solver::forEachExecution(
        test->program, test->events, *test->model->model, options,
        [&](const solver::JudgedExecution& e) {
            if (!e.verdict.allowed) {
                return true;
            }
            ++seen;
            bool wanted = show == ShownExecutions::All ||
                          (show == ShownExecutions::Prop && e.conditionHolds) ||
                          (show == ShownExecutions::Neg && !e.conditionHolds);
            if (wanted) {
                auto bytes = drawExecution(
                    *test->model->model, solver::explainExecution(*test->model->model, e),
                    FigureChoice{defaultShownRelations(), false, &test->program, source},
                    FigureFormat::Dot,
                    name + ", execution " + std::to_string(seen) + ", " + e.state.text());
                dot.append(bytes.begin(), bytes.end());
            }
            return true;
        });
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    auto path = dir / (fileStem(name) + ".dot");
    std::ofstream out(path);
    out << dot;
    if (!out) {
        std::cerr << "herd7 (memx): cannot write " << path.string() << "\n";
        return false;
    }
    return true;
}

}  // namespace memx::cli
