// memx: the command-line front end. It only wires verbs; each verb calls the core pipeline.
#include <CLI/CLI.hpp>

#include <iostream>
#include <new>

#include "cli/commands.hpp"
#include "solver/memory_limit.hpp"

int main(int argc, char** argv) {
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

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int rc = app.exit(e);
        return rc == 0 ? 0 : 2;
    } catch (const std::exception& e) {
        if (!memx::solver::isMemoryLimit(e)) {
            throw;
        }
        // A verb that does not stop at the memory limit itself: exit as a time limit does.
        std::cout << memx::solver::memoryLimitMessage() << std::endl;
        return 3;
    }
    return exitCode;
}
