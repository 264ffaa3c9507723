// herd7's result block for one test, line for line: Test, States, Ok/No/Undef, Witnesses,
// Positive/Negative (swapped for ~exists, as herd swaps them), one Flag line per raised flag,
// Condition, Observation (raw counts), Time, Hash, and a blank line.
#pragma once

#include <optional>
#include <string>

#include "litmus/ast.hpp"
#include "solver/condition_printer.hpp"
#include "solver/test_outcome.hpp"

namespace memx::solver {

// "Never", "Sometimes" or "Always", from the raw counts.
std::string observationOf(const TestOutcome& outcome);

// Why a verdict-only run left a part unproven: "time limit" or "not searched".
std::string unprovenReason(Completeness completeness);

// The line after the Observation when the States list leaves states out
// (RunOptions::maxStates): how many, exactly or as a lower bound; none when it lists them all.
std::optional<std::string> statesOmittedNote(const TestOutcome& outcome);

// The line after it in a verdict-only run: which parts of the report are exact (always the
// observation; states and flags as the searches proved them), which are not proven and why,
// and which are those of the executions checked.
std::string verdictOnlyNote(const TestOutcome& outcome);

// herd7 7.58's block by default: shared locations in brackets in States and Condition
// (`[x]=2;`). LocationStyle::Plain gives memx's earlier form (`x=2;`), for `run --memx-block`.
std::string formatHerdReport(const litmus::Program& program, const TestOutcome& outcome,
                             const std::string& hash,
                             LocationStyle style = LocationStyle::Bracketed);

// herd7's warning (on stderr, after the block) when a loop was cut at its unrolling bound:
// `Warning: File "<file>": unrolling limit exceeded at While, legal outcomes may be missing.`
std::string loopCutWarning(const std::string& file);

// What memx prints instead when a time limit stopped the test: no verdict at all.
std::string formatTimeoutReport(const litmus::Program& program, const TestOutcome& outcome,
                                double limitSeconds);

}  // namespace memx::solver
