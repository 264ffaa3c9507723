// One test file run for a verb: loading the model, preparing the test and running it, with
// every error on the way (input errors, the model failing at run time, Z3, a figure Qt cannot
// draw) printed as diagnostics, with carets where the source is known.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "solver/prepared_test.hpp"
#include "solver/test_pipeline.hpp"

namespace memx::cli {

// The model a verb's options select; nullopt after printing why it could not be loaded.
std::optional<solver::LoadedModel> loadModel(const solver::ModelSelection& selection);

// A test file under the model a verb's options select: the model, the file's text (for carets
// later) and the test parsed, checked and turned into events. nullopt after printing why the
// model could not be loaded or the test prepared.
struct LoadedTest {
    std::unique_ptr<solver::LoadedModel> model;  // held apart: `test.model` points into it
    std::string source;
    solver::PreparedTest test;
};
std::optional<LoadedTest> loadTestFile(const solver::ModelSelection& selection,
                                       const std::string& file);

// What `body` returns, or 2 after printing an error the engine throws while it runs: a model
// failing at run time, Z3, or a figure that cannot be drawn, each named against `file`.
int reportingRunErrors(const std::string& file, const std::function<int()>& body);

// nullopt after printing the diagnostics of a test that could not be run.
std::optional<solver::TestRun> runTestFile(const std::string& file,
                                           const solver::LoadedModel& model,
                                           const solver::RunOptions& options);

}  // namespace memx::cli
