// herd7's result block for one test, line for line: Test, States, Ok/No/Undef, Witnesses,
// Positive/Negative (swapped for ~exists, as herd swaps them), one Flag line per raised flag,
// Condition, Observation (raw counts), Time, Hash, and a blank line.
#pragma once

#include <string>

#include "litmus/ast.hpp"
#include "solver/test_outcome.hpp"

namespace memx::solver {

// "Never", "Sometimes" or "Always", from the raw counts.
std::string observationOf(const TestOutcome& outcome);

std::string formatHerdReport(const litmus::Program& program, const TestOutcome& outcome,
                             const std::string& hash);

// What memx prints instead when a time limit stopped the test: no verdict at all.
std::string formatTimeoutReport(const litmus::Program& program, const TestOutcome& outcome,
                                double limitSeconds);

}  // namespace memx::solver
