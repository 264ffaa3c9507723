// One test of `memx check`, as a child process runs it: the shared pipeline (parse, events,
// model), then the verdict judged against the expectation (the CSV's, else the test's own
// `Result:` comment). Never throws for a problem of the test: that becomes an Error result.
#pragma once

#include <optional>

#include "cli/check/expectation.hpp"
#include "cli/check/parallel_runner.hpp"
#include "cli/check/test_discovery.hpp"
#include "cli/check/test_result.hpp"
#include "solver/test_pipeline.hpp"
#include "solver/test_runner.hpp"

namespace memx::check {

struct ExecutionSettings {
    solver::RunOptions run;  // timeoutSeconds: the cooperative limit
    bool strict = false;     // a test without expectation fails
    // judgelitmus.sh's rule (check/expectation.hpp: forgivenByKernelJudge); --no-forgive: off.
    bool forgive = true;
};

TestResult executeTest(const DiscoveredTest& test, const solver::LoadedModel& model,
                       const std::optional<Expectation>& tableExpectation,
                       const ExecutionSettings& settings);

// The record of a finished child: its own report, or a Timeout (killed at the hard limit) or an
// Error (crashed, or an unreadable report) that says why.
TestResult resultFromChild(const DiscoveredTest& test, const ChildOutcome& outcome,
                           double timeoutSeconds);

// "file:line:column: message" (parts that are unknown left out), on one line.
std::string oneLineDiagnostic(const Diagnostic& diagnostic);

}  // namespace memx::check
