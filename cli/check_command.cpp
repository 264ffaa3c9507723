// `memx check PATH...`: batch verification for CI. Finds the litmus tests, loads the model once,
// runs each test in its own child process (at most -j at a time, each under a time limit),
// judges every verdict against the test's `Result:` comment or an --expect CSV, and reports
// per test lines, a summary, and optionally JUnit XML, JSON lines and herd7-style .out files.
// Exit codes: see cli/check/check_summary.hpp (2 errors, then 3 timeouts, then 1 failures).
#include <unistd.h>
#include <cstdint>

#include <fmt/format.h>
#include <chrono>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cli/check/check_summary.hpp"
#include "cli/check/console_format.hpp"
#include "cli/check/expectation_table.hpp"
#include "cli/check/junit_writer.hpp"
#include "cli/check/output_files.hpp"
#include "cli/check/parallel_runner.hpp"
#include "cli/check/sharding.hpp"
#include "cli/check/test_discovery.hpp"
#include "cli/check/test_execution.hpp"
#include "cli/commands.hpp"
#include "cli/diagnostics_output.hpp"
#include "cli/memory_option.hpp"
#include "cli/model_options.hpp"
#include "cli/search_option.hpp"
#include "solver/memory_limit.hpp"

namespace memx::cli {

namespace {

using check::TestResult;
using check::TestStatus;

constexpr std::size_t kBarWidth = 30;

struct CheckArgs {
    std::vector<std::string> paths;
    ModelArgs model;
    std::size_t jobs = 0;
    double timeout = 60;
    solver::SearchMode search = solver::SearchMode::Auto;
    std::string expect;
    bool strict = false;
    bool noForgive = false;
    std::string junit;
    std::string json;
    std::string shard;
    std::string herdOut;
    std::uint64_t memoryLimit = 0;  // MiB (--memory-limit)
};

// After the cooperative limit (RunOptions::timeoutSeconds) a child gets this long to report
// before it is killed: enough to unwind, short enough to keep CI moving.
double hardLimit(double timeout) {
    return timeout > 0 ? timeout + 2 + timeout / 10 : 0;
}

// Console output: plain lines for logs, or a live bar on a terminal.
class Console {
public:
    Console(std::size_t total, double timeout)
        : total_(total), timeout_(timeout), terminal_(::isatty(STDERR_FILENO) != 0) {
        if (terminal_) {
            std::cerr << check::progressBar({}, total_, kBarWidth) << std::flush;
        }
    }

    void finished(const TestResult& result, const check::CheckSummary& summary) {
        std::string line = check::resultLine(result, timeout_);
        if (!terminal_) {
            std::cout << line << std::endl;
            return;
        }
        std::cerr << "\r\033[K";
        if (result.status != TestStatus::Pass) {
            std::cerr << line << "\n";
        }
        std::cerr << check::progressBar(summary, total_, kBarWidth) << std::flush;
    }

    void close(const check::CheckSummary& summary, double wallSeconds) {
        if (terminal_) {
            std::cerr << "\r\033[K" << check::summaryTable(summary, wallSeconds);
        }
        std::cout << summary.line() << std::endl;
    }

private:
    std::size_t total_;
    double timeout_;
    bool terminal_;
};

int runCheck(const CheckArgs& args) {
    auto start = std::chrono::steady_clock::now();
    DiagnosticSink inputSink;
    std::vector<check::DiscoveredTest> tests = check::discoverTests(args.paths, inputSink);
    if (tests.empty()) {
        // Before sharding: a shard may be empty, a whole run that finds nothing is misconfigured.
        printDiagnostics(inputSink);
        std::cerr << "memx check: no litmus tests found\n";
        return 2;
    }
    if (!args.shard.empty()) {
        std::string error;
        auto shard = check::parseShard(args.shard, error);
        if (!shard) {
            std::cerr << "memx check: " << error << "\n";
            return 2;
        }
        tests = check::selectShard(tests, *shard);
    }
    std::optional<check::ExpectationTable> table;
    if (!args.expect.empty()) {
        table = check::ExpectationTable::read(args.expect, inputSink);
        if (!table) {
            printDiagnostics(inputSink);
            return 2;
        }
    }
    auto model = solver::loadModelSelection(toModelSelection(args.model), inputSink);
    printDiagnostics(inputSink);
    if (!model) {
        return 2;
    }

    check::ExecutionSettings settings;
    if (args.timeout > 0) {
        settings.run.timeoutSeconds = args.timeout;
    }
    settings.run.search = args.search;
    settings.strict = args.strict;
    settings.forgive = !args.noForgive;
    check::RunnerOptions runner;
    runner.jobs = args.jobs > 0 ? args.jobs : std::max(1u, std::thread::hardware_concurrency());
    runner.hardLimitSeconds = hardLimit(args.timeout);

    std::vector<TestResult> results(tests.size());
    check::CheckSummary summary;
    Console console(tests.size(), args.timeout);
    bool outputErrors = false;
    auto work = [&](std::size_t i) {
        std::optional<check::Expectation> expected;
        if (table) {
            expected = table->find(tests[i].path);
        }
        return check::toJson(check::executeTest(tests[i], *model, expected, settings)).dump();
    };
    auto finished = [&](std::size_t i, const check::ChildOutcome& outcome) {
        results[i] = check::resultFromChild(tests[i], outcome, args.timeout);
        summary.add(results[i]);
        console.finished(results[i], summary);
        std::string error;
        if (!args.herdOut.empty() && !check::writeHerdOut(args.herdOut, results[i], error)) {
            std::cerr << "memx check: " << error << "\n";
            outputErrors = true;
        }
    };
    check::runInChildren(tests.size(), runner, work, finished);

    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    console.close(summary, wall);
    std::string error;
    if (!args.junit.empty() &&
        !check::writeTextFile(
            args.junit, check::formatJUnit("memx check", results, wall, args.timeout), error)) {
        std::cerr << "memx check: " << error << "\n";
        outputErrors = true;
    }
    if (!args.json.empty()) {
        std::string lines;
        for (const TestResult& r : results) {
            lines += check::toJson(r).dump() + "\n";
        }
        if (!check::writeTextFile(args.json, lines, error)) {
            std::cerr << "memx check: " << error << "\n";
            outputErrors = true;
        }
    }
    return summary.exitCode(inputSink.hasErrors() || outputErrors);
}

}  // namespace

void addCheckCommand(CLI::App& app, int& exitCode) {
    CLI::App* cmd =
        app.add_subcommand("check", "Run litmus tests in parallel and judge their verdicts (CI)");
    auto args = std::make_shared<CheckArgs>();
    cmd->add_option("paths", args->paths, "Litmus files, folders (searched for *.litmus), globs")
        ->required();
    addModelOptions(*cmd, args->model);
    cmd->add_option("-j,--jobs", args->jobs, "Tests run at the same time (default: all cores)");
    cmd->add_option("--timeout", args->timeout, "Time limit per test in seconds (0: none)")
        ->capture_default_str();
    addSearchOption(*cmd, args->search);
    cmd->add_option("--expect", args->expect,
                    "CSV of expectations (test,observation,data_race; paths relative to it)");
    cmd->add_flag("--strict", args->strict, "A test without expectation fails");
    cmd->add_flag("--no-forgive", args->noForgive,
                  "Judge DATARACE tests strictly: a modelled data race does not forgive a "
                  "different Always/Sometimes/Never (judgelitmus.sh forgives it)");
    cmd->add_option("--junit", args->junit, "Write JUnit XML to this file");
    cmd->add_option("--json", args->json, "Write one JSON record per test (JSON lines)");
    cmd->add_option("--shard", args->shard, "Run only shard K of N (K/N, 1-based)");
    cmd->add_option("--herd-out", args->herdOut,
                    "Write herd7-style <test>.litmus.out files under this folder");
    addMemoryLimitOption(*cmd, args->memoryLimit);
    cmd->callback([args, &exitCode] {
        solver::applyMemoryLimit(args->memoryLimit);
        exitCode = runCheck(*args);
    });
}

}  // namespace memx::cli
