// The executions runTest keeps (TestOutcome::executions, forbiddenExecutions, blocked) as the
// JudgedExecution the explanation API takes (solver/explanation.hpp), so that a front end can
// draw or explain a kept execution without walking the test's executions again.
#pragma once

#include "solver/execution_search.hpp"
#include "solver/test_outcome.hpp"

namespace memx::solver {

// An allowed execution: allowed, with its flags.
JudgedExecution judgedExecution(const AllowedExecution& execution);

// A rejected one, as the explanation API records a rejection: allowed false and the failing
// axiom as the last check (evaluation stops there), which is what identifies the same execution
// when the model is evaluated again (explainExecution, relationsOf).
JudgedExecution judgedExecution(const ForbiddenExecution& execution);

}  // namespace memx::solver
