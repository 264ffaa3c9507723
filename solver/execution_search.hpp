// Every complete execution of a test as the model judges it, allowed AND rejected, for the
// front ends that must show executions rather than count them (memx graph, explain, compare,
// the GUI's "Why not?"). runTest keeps only allowed executions and is tuned for verdicts; this
// walks the same candidates in the same order (so the N-th allowed execution here is the N-th
// of `memx run --json`) and hands each execution over with its full verdict.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "litmus/ast.hpp"
#include "model/cat/model.hpp"
#include "model/events/event_structure.hpp"
#include "model/execution_graph.hpp"
#include "solver/final_state.hpp"

namespace memx::solver {

struct JudgedExecution {
    std::uint64_t candidate = 0;  // 0-based index of the solver's candidate
    std::uint64_t ordinal = 0;    // 0-based index of this execution among its candidate's
    FinalState state;
    bool conditionHolds = false;
    // The candidate's graph. When the model enumerated co itself (LKMM, SC), "co" and "fr" are
    // added here from the model's choice, so figures and explanations see them.
    model::ExecutionGraph graph;
    cat::ExecutionVerdict verdict;  // allowed, checks (the failing axiom last), flags, with
};

struct SearchOptions {
    std::optional<double> timeoutSeconds;     // none: run to completion
    std::vector<std::string> extraRelations;  // also evaluated and returned (cat::evaluate)
    // Rejected executions are reported at their first failing axiom (cat's stopAtFirstFailure).
};

struct SearchStats {
    std::uint64_t candidates = 0;
    std::uint64_t executions = 0;
    bool timedOut = false;
    bool stopped = false;  // the callback asked to stop
};

// Calls `onExecution` for every complete execution in enumeration order, until it returns
// false or the time limit passes. Candidates the test's filter discards are skipped, as herd
// does. Throws cat::EvalError and SolverError as runTest does.
SearchStats forEachExecution(const litmus::Program& program, const model::EventStructure& events,
                             const cat::Model& model, const SearchOptions& options,
                             const std::function<bool(const JudgedExecution&)>& onExecution);

}  // namespace memx::solver
