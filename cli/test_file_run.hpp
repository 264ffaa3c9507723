// One test file run for a verb that prints its result (run, herd7): the shared pipeline, with
// every error it reports (input errors, the model failing at run time, Z3) printed as
// diagnostics with carets.
#pragma once

#include <optional>
#include <string>

#include "solver/test_pipeline.hpp"

namespace memx::cli {

// nullopt after printing the diagnostics of a test that could not be run.
std::optional<solver::TestRun> runTestFile(const std::string& file,
                                           const solver::LoadedModel& model,
                                           const solver::RunOptions& options);

}  // namespace memx::cli
