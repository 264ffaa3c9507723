// `memx graph FILE`: draws an execution of a test as a figure (SVG, PNG, PDF, DOT, TikZ, or
// text for email). Which execution: the N-th allowed one (--execution N, default 1, numbered
// as `memx run --json` lists them), an allowed one satisfying the condition (--witness), every
// allowed one (--all, one file each), the rejected execution that would produce the
// condition's outcome, with the cycle its axiom finds highlighted (--explain), or an allowed
// execution in which a thread waits forever, read with --loops await (--blocked).
// Exit codes: 0 drawn; 1 no such execution (e.g. --witness on a forbidden outcome, --blocked
// on a test whose waits always end); 2 usage or input errors; 3 the time limit stopped the
// search.
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/execution_figure.hpp"
#include "cli/figure_output.hpp"
#include "cli/memory_option.hpp"
#include "cli/model_options.hpp"
#include "cli/test_file_run.hpp"
#include "render/figure.hpp"
#include "solver/execution_search.hpp"
#include "solver/explanation.hpp"
#include "solver/kept_execution.hpp"
#include "solver/liveness_search.hpp"
#include "solver/memory_limit.hpp"
#include "solver/prepared_test.hpp"

namespace memx::cli {

namespace {

namespace fs = std::filesystem;

struct GraphArgs {
    std::string file;
    ModelArgs model;
    int execution = 0;  // 0: not given
    bool witness = false;
    bool all = false;
    bool explain = false;
    bool blocked = false;  // implies --loops await
    std::vector<std::string> show;
    bool bytes = false;  // byte-granular tests: one box per byte event
    std::string format;
    std::string output;
    double timeout = 0;
    std::uint64_t memoryLimit = 0;  // MiB (--memory-limit)
};

// The format named by --format, else by the output file's extension, else text.
std::optional<FigureFormat> chosenFormat(const GraphArgs& a) {
    if (!a.format.empty()) {
        return figureFormat(a.format);
    }
    std::string ext = fs::path(a.output).extension().string();
    if (ext == ".tex") {
        return FigureFormat::Tikz;
    }
    if (!ext.empty() && ext != ".txt") {
        if (auto f = figureFormat(ext.substr(1))) {
            return f;
        }
    }
    return FigureFormat::Txt;
}

// --all: <prefix>-<N>.<ext>, where the prefix is -o (inside it when it is a folder) or the
// test's name in the current folder.
std::string numberedPath(const GraphArgs& a, const std::string& test, const std::string& kind,
                         std::size_t n, FigureFormat format) {
    std::string name =
        fileStem(test) + kind + "-" + std::to_string(n) + "." + figureExtension(format);
    if (a.output.empty()) {
        return name;
    }
    if (fs::is_directory(a.output)) {
        return (fs::path(a.output) / name).string();
    }
    return a.output + kind + "-" + std::to_string(n) + "." + figureExtension(format);
}

struct Drawing {
    solver::ExplainedExecution execution;
    std::string title;
};

class GraphRun {
public:
    GraphRun(const GraphArgs& a, const solver::PreparedTest& t, const std::string& source,
             FigureFormat f)
        : args_(a), model_(*t.model), test_(t), source_(source), format_(f), show_(a.show) {
        if (show_.empty()) {
            show_ = defaultShownRelations();
        }
    }

    int run() { return args_.explain ? explain() : args_.blocked ? blocked() : allowed(); }

private:
    bool draw(const Drawing& d, const std::string& path,
              std::vector<render::WaitingThread> waiting = {}) {
        auto bytes = drawExecution(
            *model_.model, d.execution,
            FigureChoice{show_, args_.bytes, &test_.program, source_, std::move(waiting)}, format_,
            d.title);
        if (!writeFigure(path, bytes)) {
            return false;
        }
        if (args_.all) {
            std::cout << path << "\n";
        }
        return true;
    }

    int fail(const std::string& message, int code) {
        std::cerr << args_.file << ": error: " << message << "\n";
        return code;
    }

    solver::SearchOptions searchOptions() const {
        solver::SearchOptions o;
        if (args_.timeout > 0) {
            o.timeoutSeconds = args_.timeout;
        }
        return o;
    }

    int allowed() {
        const std::string& name = test_.program.name;
        const std::size_t wanted = args_.execution > 0 ? std::size_t(args_.execution) : 1;
        std::size_t seen = 0;
        bool drawn = false, ok = true;
        auto stats = solver::forEachExecution(
            test_.program, test_.events, *model_.model, searchOptions(),
            [&](const solver::JudgedExecution& e) {
                if (!e.verdict.allowed || (args_.witness && !e.conditionHolds)) {
                    return true;
                }
                ++seen;
                if (!args_.all && !args_.witness && seen != wanted) {
                    return true;
                }
                Drawing d{solver::explainExecution(*model_.model, e),
                          name + (args_.witness ? ": witness" : "") + ", execution " +
                              std::to_string(seen) + ", " + e.state.text()};
                std::string path =
                    args_.all ? numberedPath(args_, name, "", seen, format_) : args_.output;
                ok = draw(d, path) && ok;
                drawn = true;
                return args_.all;
            });
        if (!ok) {
            return 2;
        }
        if (stats.timedOut && !drawn) {
            return fail("the time limit stopped the search before the execution was found", 3);
        }
        if (!drawn) {
            if (args_.witness) {
                return fail(
                    "no allowed execution satisfies the condition (it is forbidden; "
                    "`memx graph --explain` shows why)",
                    1);
            }
            return fail("the test has " + std::to_string(seen) + " allowed execution" +
                            (seen == 1 ? "" : "s") + ", so there is no execution " +
                            std::to_string(wanted),
                        seen == 0 ? 1 : 2);
        }
        return stats.timedOut ? 3 : 0;
    }

    // --blocked: the execution the liveness search of `memx run --loops await` finds.
    int blocked() {
        if (test_.events.waits.empty()) {
            return fail(
                "the test has no wait (a loop whose body only reads and orders, exiting on a "
                "value it reads: docs/loops.md), so no thread can wait forever",
                1);
        }
        solver::LivenessResult found = solver::searchBlockedWait(
            test_.program, test_.events, *model_.model,
            solver::deadlineAfter(searchOptions().timeoutSeconds), nullptr);
        switch (found.answer) {
            case solver::LivenessAnswer::Live:
                return fail(
                    "no thread waits forever: every wait ends in every allowed execution (no "
                    "liveness flag)",
                    1);
            case solver::LivenessAnswer::Unknown:
                return fail(
                    "the time limit stopped the search for a thread that waits forever before "
                    "it found one",
                    3);
            case solver::LivenessAnswer::Blocked:
                break;
        }
        const solver::BlockedExecution& b = *found.blocked;
        Drawing d{solver::explainExecution(*model_.model, solver::judgedExecution(b.execution)),
                  test_.program.name + ": blocked execution, " + b.execution.state.text()};
        return draw(d, args_.output, waitingThreads(b)) ? 0 : 2;
    }

    int explain() {
        solver::ExplainOptions options;
        if (args_.timeout > 0) {
            options.timeoutSeconds = args_.timeout;
        }
        if (args_.execution > 0) {
            options.maxExecutions =
                std::max<std::size_t>(options.maxExecutions, std::size_t(args_.execution));
        }
        auto why = solver::explainTest(test_.program, test_.events, *model_.model, options);
        const std::string& name = test_.program.name;
        std::vector<Drawing> drawings;
        std::string kind;
        if (!why.conditionAllowed && !why.forbidden.empty()) {
            kind = "-rejected";
            for (const auto& x : why.forbidden) {
                std::string axiom = x.violation ? x.violation->axiom : "?";
                drawings.push_back(
                    {x, name + ": " + x.execution.state.text() + " rejected by " + axiom});
            }
        } else if (!why.flagged.empty()) {
            kind = "-flagged";
            for (const auto& x : why.flagged) {
                std::string flags;
                for (const auto& f : x.flags) {
                    flags += (flags.empty() ? "" : ", ") + f.flag;
                }
                drawings.push_back({x, name + ": " + flags});
            }
        } else if (why.witness) {
            std::cerr << args_.file << ": note: the condition's outcome is allowed; drawing the "
                      << "execution that allows it\n";
            kind = "-witness";
            drawings.push_back(
                {*why.witness, name + ": witness, " + why.witness->execution.state.text()});
        } else {
            return fail(
                "no candidate execution produces the condition's outcome, so no axiom "
                "rejects one",
                1);
        }
        if (args_.all) {
            for (std::size_t i = 0; i < drawings.size(); ++i) {
                if (!draw(drawings[i], numberedPath(args_, name, kind, i + 1, format_))) {
                    return 2;
                }
            }
            return why.timedOut ? 3 : 0;
        }
        std::size_t index = args_.execution > 0 ? std::size_t(args_.execution) - 1 : 0;
        if (index >= drawings.size()) {
            return fail("there are " + std::to_string(drawings.size()) +
                            " executions to explain, so there is no execution " +
                            std::to_string(index + 1),
                        2);
        }
        if (!draw(drawings[index], args_.output)) {
            return 2;
        }
        return why.timedOut ? 3 : 0;
    }

    const GraphArgs& args_;
    const solver::LoadedModel& model_;
    const solver::PreparedTest& test_;
    const std::string& source_;
    FigureFormat format_;
    std::vector<std::string> show_;
};

int graphFile(const GraphArgs& args) {
    auto format = chosenFormat(args);
    if (!format) {
        std::cerr << "memx graph: error: unknown --format '" << args.format
                  << "' (svg, png, pdf, dot, tikz, txt, utf8)\n";
        return 2;
    }
    if (isBinary(*format) && args.output.empty() && !args.all) {
        std::cerr << "memx graph: error: --format " << figureExtension(*format)
                  << " needs -o FILE\n";
        return 2;
    }
    auto loaded = loadTestFile(toModelSelection(args.model), args.file);
    if (!loaded) {
        return 2;
    }
    const std::string& source = loaded->source;
    const solver::PreparedTest& test = loaded->test;
    return reportingRunErrors(args.file,
                              [&] { return GraphRun(args, test, source, *format).run(); });
}

}  // namespace

void addGraphCommand(CLI::App& app, int& exitCode) {
    CLI::App* cmd = app.add_subcommand("graph", "Draw an execution of a litmus test");
    auto args = std::make_shared<GraphArgs>();
    cmd->add_option("file", args->file, "Litmus test file")->required();
    addModelOptions(*cmd, args->model);
    auto* execution = cmd->add_option(
        "--execution", args->execution,
        "The N-th allowed execution (1-based, as `memx run --json` lists them); with "
        "--explain, the N-th explained one");
    execution->check(CLI::PositiveNumber);
    auto* witness = cmd->add_flag("--witness", args->witness,
                                  "An allowed execution that satisfies the condition");
    auto* all = cmd->add_flag("--all", args->all,
                              "Every allowed (or, with --explain, explained) execution, one file "
                              "each: <prefix>-<N>.<ext>");
    auto* explain =
        cmd->add_flag("--explain", args->explain,
                      "The rejected execution that would produce the condition's outcome, with the "
                      "rejecting cycle highlighted (else the race, else the witness)");
    auto* blocked = cmd->add_flag(
        "--blocked", args->blocked,
        "An allowed execution in which a thread waits forever (the liveness flag; implies "
        "--loops await): the thread's column and its wait's last reads are marked");
    execution->excludes(witness)->excludes(all);
    witness->excludes(all);
    blocked->excludes(execution)->excludes(witness)->excludes(all)->excludes(explain);
    cmd->add_option("--show", args->show, "Relations to draw (default po,rf,co,fr)")
        ->delimiter(',');
    cmd->add_flag("--bytes", args->bytes,
                  "Byte-granular tests: draw one box per byte event, not one per access");
    cmd->add_option("--format", args->format,
                    "svg, png, pdf, dot, tikz, txt (default) or utf8; else from -o's extension");
    cmd->add_option("-o,--output", args->output,
                    "Output file (text formats default to stdout); with --all, a prefix or a "
                    "folder");
    cmd->add_option("--timeout", args->timeout, "Stop the search after this many seconds");
    addMemoryLimitOption(*cmd, args->memoryLimit);
    cmd->callback([args, cmd, &exitCode] {
        if (args->blocked) {
            // Only the await reading has waits; herd7's reading cuts them instead.
            if (cmd->count("--loops") > 0 && args->model.loops != "await") {
                std::cerr << "memx graph: error: --blocked reads loops as waits (--loops "
                             "await); it cannot be drawn with --loops "
                          << args->model.loops << "\n";
                exitCode = 2;
                return;
            }
            args->model.loops = "await";
        }
        solver::applyMemoryLimit(args->memoryLimit);
        exitCode = graphFile(*args);
    });
}

}  // namespace memx::cli
