// `--search auto|exhaustive|verdict`: how many executions a deciding verb looks at
// (solver::SearchMode), shared by `memx run` and `memx check`.
#pragma once

#include <CLI/CLI.hpp>

#include "solver/test_runner.hpp"

namespace memx::cli {

void addSearchOption(CLI::App& cmd, solver::SearchMode& mode);

}  // namespace memx::cli
