// Each verb of `memx` lives in its own file and adds its subcommand here; its callback stores
// the process exit code. Exit codes: 0 success, 1 an expectation was not met, 2 usage or
// input errors, 3 a time limit stopped a test.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace memx::cli {

void addParseCommand(CLI::App& app, int& exitCode);
void addRunCommand(CLI::App& app, int& exitCode);
void addCheckCommand(CLI::App& app, int& exitCode);
void addGraphCommand(CLI::App& app, int& exitCode);
void addExplainCommand(CLI::App& app, int& exitCode);
void addCompareCommand(CLI::App& app, int& exitCode);

// The herd7-compatible command line (`memx herd7 ARGS`, or memx run as `herd7`): herd7's
// single-dash options, parsed by hand since they are no CLI11 options. Returns the exit code.
int runHerd7(const std::vector<std::string>& args);

}  // namespace memx::cli
