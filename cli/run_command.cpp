// `memx run FILE...`: decides each test under a model and prints herd7's result block (or,
// with --json, the same facts and every allowed execution). Exit code 2 on input errors, 3
// when a time or memory limit stopped a test (which then prints no verdict), 0 otherwise.
#include <cstddef>
#include <cstdint>
#include <iostream>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/memory_option.hpp"
#include "cli/model_options.hpp"
#include "cli/search_option.hpp"
#include "cli/test_file_run.hpp"
#include "solver/herd_report.hpp"
#include "solver/json_report.hpp"
#include "solver/memory_limit.hpp"
#include "solver/test_pipeline.hpp"
#include "solver/text_digest.hpp"

namespace memx::cli {

namespace {

struct RunArgs {
    std::vector<std::string> files;
    ModelArgs model;
    bool json = false;
    bool memxBlock = false;  // memx's earlier block: no brackets, memx's own text digest
    double timeout = 0;
    solver::SearchMode search = solver::SearchMode::Auto;
    std::optional<std::size_t> maxStates;
    std::uint64_t memoryLimit = 0;  // MiB (--memory-limit)
};

int runFiles(const RunArgs& args) {
    auto model = loadModel(toModelSelection(args.model));
    if (!model) {
        return 2;
    }
    solver::RunOptions options;
    options.keepExecutions = args.json;
    options.search = args.search;
    if (args.maxStates) {
        // 0: no bound, as for word-sized tests by default.
        options.maxStates =
            *args.maxStates == 0 ? std::numeric_limits<std::size_t>::max() : *args.maxStates;
    }
    if (args.timeout > 0) {
        options.timeoutSeconds = args.timeout;
    }
    int rc = 0;
    nlohmann::json results = nlohmann::json::array();
    for (const std::string& file : args.files) {
        std::optional<solver::TestRun> run;
        try {
            run = runTestFile(file, *model, options);
        } catch (const std::exception& e) {
            if (!solver::isMemoryLimit(e)) {
                throw;
            }
            // The memory limit stopped this test; what it held is freed, the next may run.
            std::cout << file << ": " << solver::memoryLimitMessage() << std::endl;
            rc = rc == 0 ? 3 : rc;
            continue;
        }
        if (!run) {
            rc = 2;
            continue;
        }
        if (run->outcome.timedOut) {
            rc = rc == 0 ? 3 : rc;
        }
        if (args.json) {
            auto record = solver::outcomeToJson(run->program, run->outcome, run->hash);
            record["model"] = run->model;  // which model ran: --model, --cat, or by dialect
            results.push_back(std::move(record));
        } else if (run->outcome.timedOut) {
            std::cout << solver::formatTimeoutReport(run->program, run->outcome, args.timeout);
        } else if (args.memxBlock) {
            std::cout << solver::formatHerdReport(run->program, run->outcome,
                                                  solver::textDigest(run->source),
                                                  solver::LocationStyle::Plain);
        } else {
            std::cout << solver::formatHerdReport(run->program, run->outcome, run->hash);
        }
        std::cout.flush();
        if (!args.json && !run->outcome.timedOut && run->outcome.loopCut) {
            std::cerr << solver::loopCutWarning(file);
        }
    }
    if (args.json) {
        std::cout << results.dump(2) << "\n";
    }
    return rc;
}

}  // namespace

void addRunCommand(CLI::App& app, int& exitCode) {
    CLI::App* cmd = app.add_subcommand("run", "Decide litmus tests under a memory model");
    auto args = std::make_shared<RunArgs>();
    cmd->add_option("files", args->files, "Litmus test files")->required();
    addModelOptions(*cmd, args->model);
    cmd->add_flag("--json", args->json, "Print results and every allowed execution as JSON");
    cmd->add_flag("--memx-block", args->memxBlock,
                  "Print memx's own form of the block: locations without brackets, Hash a digest "
                  "of the text (herd7 7.58's form is the default)");
    cmd->add_option("--timeout", args->timeout, "Stop a test after this many seconds");
    addSearchOption(*cmd, args->search);
    cmd->add_option("--max-states", args->maxStates,
                    "List at most N final states and say how many were omitted (default: 64 for "
                    "byte-granular tests, no bound for others; 0: no bound)")
        ->option_text("N");
    addMemoryLimitOption(*cmd, args->memoryLimit);
    cmd->callback([args, &exitCode] {
        solver::applyMemoryLimit(args->memoryLimit);
        exitCode = runFiles(*args);
    });
}

}  // namespace memx::cli
