// What a verdict-only run adds once its Observation is decided (issue 4, result 4): the exact
// list of final states, bounded, and the exact flags of the built-in models. Both are Z3
// searches over the same candidates as the verdict searches, restricted to what they still
// need to see, and they share the test's deadline: when it (or a cancel) stops them, the
// verdict stands and the outcome says which part is unproven (TestOutcome::Completeness).
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

#include "litmus/ast.hpp"
#include "model/events/event_structure.hpp"
#include "solver/builtin_flags.hpp"
#include "solver/candidate.hpp"
#include "solver/candidate_enumerator.hpp"
#include "solver/test_outcome.hpp"

namespace memx::solver {

struct CompletionSearch {
    const litmus::Program& program;
    const model::EventStructure& events;
    const std::vector<bool>& observed;
    std::optional<Clock::time_point> deadline;
    const std::atomic<bool>* cancel = nullptr;
    // Checks one candidate against the model, adding what its allowed executions show (states,
    // counts, flags) to the outcome; true when one was allowed. May throw TimeLimitReached.
    std::function<bool(const Candidate&)> judge;
};

// Finds the final states no checked execution has shown: the solver proposes only candidates
// that pass the filter and whose state is none of those found, and each allowed one adds its
// state. Stops once more than `maxStates` are known (Completeness::Capped), at the deadline
// (Stopped), or when no other state exists (Exact).
void completeStates(const CompletionSearch& search, std::size_t maxStates, TestOutcome& out);

// For every flag of `flags` no checked execution raised: proven absent when no candidate can
// meet its necessary condition (solver/flag_needs.hpp), else (with `searchCandidates`)
// searched among the candidates that meet it until an allowed execution raises it or none is
// left; without, left unproven (NotSearched). Sets flagsExact and unprovenFlags.
void completeFlags(const CompletionSearch& search, const std::vector<FlagCondition>& flags,
                   TestOutcome& out, bool searchCandidates = true);

// Keeps the first `maxStates` states (herd's order) and counts the others in statesOmitted.
void capStates(TestOutcome& out, std::size_t maxStates);

}  // namespace memx::solver
