// The result of one litmus test under one model, as herd computes it: every candidate the
// solver proposes is filtered, checked by the cat model (which enumerates co and the other
// `with` choices), and each allowed execution contributes its final state, its witness count
// (Positive when the condition's proposition holds, Negative otherwise) and its flags.
#pragma once

#include <atomic>
#include <cstddef>
#include <optional>
#include <vector>

#include "litmus/ast.hpp"
#include "model/cat/model.hpp"
#include "model/events/event_structure.hpp"
#include "solver/builtin_flags.hpp"
#include "solver/candidate_enumerator.hpp"
#include "solver/test_outcome.hpp"

namespace memx::solver {

// How many executions a run looks at. Exhaustive: every candidate, for herd's States list and
// witness counts. Verdict: only until the Observation is decided (one allowed execution where
// the condition holds and one where it fails, each found by a solver search restricted to that
// side of the condition); the outcome then says `exhaustive = false`. Auto: exhaustive, unless
// RunOptions::exhaustiveBound candidates have been checked and more remain; then the verdict
// searches decide what those executions did not show.
enum class SearchMode { Auto, Exhaustive, Verdict };

struct RunOptions {
    std::optional<double> timeoutSeconds;  // none: run to completion
    bool keepExecutions = false;           // keep every allowed execution (for --json)
    // Keep the executions the model rejects too, apart from the allowed ones (the GUI lists
    // them): TestOutcome::forbiddenExecutions, at most maxForbidden (a test can have millions),
    // the rest counted in TestOutcome::forbiddenOmitted.
    bool keepForbidden = false;
    std::size_t maxForbidden = 1000;
    // Set by another thread (the GUI's Cancel) to stop the run as the time limit would; the
    // outcome then says timedOut and cancelled. Checked wherever the deadline is checked, and a
    // Z3 check in progress is interrupted.
    const std::atomic<bool>* cancel = nullptr;
    SearchMode search = SearchMode::Auto;
    double exhaustiveBound = 1 << 13;
    // Auto's budget of Z3 work (Z3Session::work) for the exhaustive pass on the solver's
    // path, where candidates cost from 1 to 20 ms each: deterministic, unlike a time share.
    std::uint64_t solverWorkBudget = 4000000;
    // At most this many final states are listed (TestOutcome::statesOmitted counts the rest);
    // a verdict-only run's state search stops after one more. None: 64 for byte-granular tests,
    // whose states can be astronomically many, and no bound for the others (herd7 lists every
    // state, up to 4096 in the corpus).
    std::optional<std::size_t> maxStates;
    // The flags of the built-in model the test runs under (solver/builtin_flags.hpp), for a
    // verdict-only run to find or prove absent; null for a user's model, whose flags stay
    // those of the executions checked.
    const std::vector<FlagCondition>* builtinFlags = nullptr;
    // The model requires SC per location (every built-in model does): a verdict search may
    // then skip the candidates that break it (solver/coherence_pruning.hpp).
    bool coherentModel = false;
};

// Adds an enumeration's counters (candidates, undetermined ones, solver work) to `out`.
void addEnumerationStats(TestOutcome& out, const EnumerationStats& stats);

// The state bound RunOptions::maxStates gives for these events.
std::size_t stateBound(const RunOptions& options, const model::EventStructure& events);

// Thrown through cat::evaluate's callback when the time limit passes (or the run is cancelled)
// mid-candidate.
struct TimeLimitReached {};

TestOutcome runTest(const litmus::Program& program, const model::EventStructure& events,
                    const cat::Model& model, const RunOptions& options = {});

}  // namespace memx::solver
