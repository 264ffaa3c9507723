// `memx explain FILE`: why the model allows or forbids the test's condition, in words: the
// axiom that rejects each execution producing a forbidden outcome and its cycle as a chain of
// named edges (`a -po-> b -rf-> c ...`), the execution that allows an allowed outcome, and the
// two accesses and the missing ordering of each raised flag (data races). --figure also draws
// what `memx graph --explain` draws. Exit codes: 0 explained, 2 usage or input errors, 3 the
// time limit stopped the search (what was seen is still explained).
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/execution_figure.hpp"
#include "cli/figure_output.hpp"
#include "cli/memory_option.hpp"
#include "cli/model_options.hpp"
#include "cli/test_file_run.hpp"
#include "render/figure.hpp"
#include "solver/explanation.hpp"
#include "solver/explanation_text.hpp"
#include "solver/memory_limit.hpp"
#include "solver/prepared_test.hpp"

namespace memx::cli {

namespace {

struct ExplainArgs {
    std::string file;
    ModelArgs model;
    std::size_t max = 8;
    std::string figure;
    std::string format;
    std::vector<std::string> show;
    bool bytes = false;  // byte-granular tests: one box per byte event
    double timeout = 0;
    std::uint64_t memoryLimit = 0;  // MiB (--memory-limit)
};

// The execution a figure shows: the first rejected one, else the first flagged, else the
// witness (as `memx graph --explain`).
const solver::ExplainedExecution* figureExecution(const solver::TestExplanation& why) {
    if (!why.conditionAllowed && !why.forbidden.empty()) {
        return &why.forbidden.front();
    }
    if (!why.flagged.empty()) {
        return &why.flagged.front();
    }
    return why.witness ? &*why.witness : nullptr;
}

int explainFile(const ExplainArgs& args) {
    std::optional<FigureFormat> format = FigureFormat::Svg;
    if (!args.format.empty()) {
        format = figureFormat(args.format);
    } else if (!args.figure.empty()) {
        auto ext = std::filesystem::path(args.figure).extension().string();
        format =
            ext == ".tex" ? FigureFormat::Tikz : figureFormat(ext.empty() ? "svg" : ext.substr(1));
        if (!format) {
            format = FigureFormat::Txt;
        }
    }
    if (!format) {
        std::cerr << "memx explain: error: unknown --format '" << args.format
                  << "' (svg, png, pdf, dot, tikz, txt, utf8)\n";
        return 2;
    }
    auto loaded = loadTestFile(toModelSelection(args.model), args.file);
    if (!loaded) {
        return 2;
    }
    const std::string& source = loaded->source;
    const solver::PreparedTest& test = loaded->test;
    return reportingRunErrors(args.file, [&] {
        solver::ExplainOptions options;
        options.maxExecutions = args.max;
        if (args.timeout > 0) {
            options.timeoutSeconds = args.timeout;
        }
        auto why = solver::explainTest(test.program, test.events, *test.model->model, options);
        std::cout << solver::formatExplanation(why, figureNaming());
        std::cout.flush();
        if (!args.figure.empty()) {
            if (const auto* x = figureExecution(why)) {
                FigureChoice choice{args.show.empty() ? defaultShownRelations() : args.show,
                                    args.bytes, &test.program, source};
                auto bytes = drawExecution(*test.model->model, *x, choice, *format, why.test);
                if (!writeFigure(args.figure, bytes)) {
                    return 2;
                }
            } else {
                std::cerr << args.file << ": note: no execution to draw\n";
            }
        }
        return why.timedOut ? 3 : 0;
    });
}

}  // namespace

void addExplainCommand(CLI::App& app, int& exitCode) {
    CLI::App* cmd =
        app.add_subcommand("explain", "Say why a model allows or forbids a test's outcome");
    auto args = std::make_shared<ExplainArgs>();
    cmd->add_option("file", args->file, "Litmus test file")->required();
    addModelOptions(*cmd, args->model);
    cmd->add_option("--max", args->max, "Rejected executions explained (default 8)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--figure", args->figure,
                    "Also draw the explained execution into this file (as graph --explain)");
    cmd->add_option("--format", args->format,
                    "Figure format: svg, png, pdf, dot, tikz, txt or utf8 (default: from "
                    "--figure's extension)");
    cmd->add_option("--show", args->show, "Relations the figure draws (default po,rf,co,fr)")
        ->delimiter(',');
    cmd->add_flag("--bytes", args->bytes,
                  "Byte-granular tests: draw one box per byte event, not one per access");
    cmd->add_option("--timeout", args->timeout, "Stop the search after this many seconds");
    addMemoryLimitOption(*cmd, args->memoryLimit);
    cmd->callback([args, &exitCode] {
        solver::applyMemoryLimit(args->memoryLimit);
        exitCode = explainFile(*args);
    });
}

}  // namespace memx::cli
