// "Why not?": the explanation API (solver/explanation.hpp, as `memx explain` uses it) run on the
// editor's test: whether the condition's outcome is allowed, and for a forbidden one the
// rejected executions with the violated axiom and its cycle, in words and as figures.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gui/run_controller.hpp"
#include "solver/explanation.hpp"

namespace memx::gui {

struct WhyNotResult {
    std::shared_ptr<const solver::LoadedModel> model;
    std::optional<solver::TestExplanation> explanation;
    std::string text;  // as `memx explain` prints it
    std::vector<Diagnostic> diagnostics;
    std::string error;
};

// Runs in a worker thread: loads the model, prepares the test and explains it.
std::shared_ptr<const WhyNotResult> explainRequest(const RunRequest& request);

// The execution to draw: the first rejected one satisfying the condition, else the witness.
const solver::ExplainedExecution* executionToDraw(const solver::TestExplanation& why);

}  // namespace memx::gui
