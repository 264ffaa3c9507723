// A litmus test's outcome computed from the brute-force candidate space: the same steps as
// solver::runTest after enumeration (filter, final state, execution graph, cat model, counts),
// fed by enumerateByBruteForce instead of the Z3 enumerator. The model side (graph builder,
// final states, cat evaluator) is shared with the engine on purpose: what is cross-checked is
// the candidate space, not the model.
#pragma once

#include "litmus/ast.hpp"
#include "model/cat/model.hpp"
#include "model/events/event_structure.hpp"
#include "solver/test_outcome.hpp"
#include "tests/bruteforce/brute_force_enumerator.hpp"

namespace memx::bruteforce {

struct BruteForceRun {
    solver::TestOutcome outcome;  // `candidates` and `undetermined` come from `stats`
    BruteForceStats stats;
};

BruteForceRun runByBruteForce(const litmus::Program& program, const model::EventStructure& events,
                              const cat::Model& model, const BruteForceLimits& limits = {});

// herd's observed locations (condition, filter, `locations [...]`), one flag per location.
std::vector<bool> observedLocations(const litmus::Program& program,
                                    const model::EventStructure& events);

}  // namespace memx::bruteforce
