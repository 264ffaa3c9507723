// memx: the command-line front end. It only wires verbs; each verb calls the core pipeline.
#include <CLI/CLI.hpp>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"
#include "cli/figure_helper.hpp"
#include "solver/memory_limit.hpp"

namespace {

// A run stopped by the memory limit where no verb stopped it itself: exit as a time limit
// does. Anything else is not ours to hide.
int memoryLimitReached(const std::exception& e) {
    if (!memx::solver::isMemoryLimit(e)) {
        throw;
    }
    std::cout << memx::solver::memoryLimitMessage() << std::endl;
    return 3;
}

// herd7's command line has no --memory-limit: it runs under the default limit.
int runAsHerd7(std::vector<std::string> args) {
    memx::solver::applyMemoryLimit(memx::solver::defaultMemoryLimitMiB());
    try {
        return memx::cli::runHerd7(std::move(args));
    } catch (const std::exception& e) {
        return memoryLimitReached(e);
    }
}

}  // namespace

int main(int argc, char** argv) {
    // Started as `herd7` (the libexec link) or as `memx herd7`: herd7's own option syntax.
    std::string_view self = argc > 0 ? argv[0] : "";
    if (auto slash = self.rfind('/'); slash != std::string_view::npos) {
        self.remove_prefix(slash + 1);
    }
    if (self == "herd7") {
        return runAsHerd7({argv + 1, argv + argc});
    }
    if (argc > 1 && std::string_view(argv[1]) == "herd7") {
        return runAsHerd7({argv + 2, argv + argc});
    }
    // Images need Qt, which only the figure helper loads.
    if (!memx::cli::drawsImages() && memx::cli::asksForImages(argc, argv)) {
        return memx::cli::handOverToFigureHelper(argv);
    }
    CLI::App app{"memx: a memory-model and data-race explorer for litmus tests"};
    app.set_version_flag("--version", std::string(MEMX_VERSION));
    app.require_subcommand(1);

    int exitCode = 0;
    memx::cli::addParseCommand(app, exitCode);
    memx::cli::addRunCommand(app, exitCode);
    memx::cli::addCheckCommand(app, exitCode);
    memx::cli::addGraphCommand(app, exitCode);
    memx::cli::addExplainCommand(app, exitCode);
    memx::cli::addCompareCommand(app, exitCode);
    // Listed for --help only: main() hands `memx herd7 ...` to runHerd7 before CLI11 parses.
    app.add_subcommand("herd7", "Run as herd7: herd7's options (-conf, -model, -I, ...)")
        ->prefix_command();

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int rc = app.exit(e);
        return rc == 0 ? 0 : 2;
    } catch (const std::exception& e) {
        return memoryLimitReached(e);
    }
    return exitCode;
}
