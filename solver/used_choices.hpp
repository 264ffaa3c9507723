// Which free choices (spin_trylock's outcome, ...) a candidate depends on. Both enumerators
// split a candidate only on these, so they must agree on the rule: a choice counts when it is
// reachable from what the candidate executes (each executed event's guard, and its address
// and value unless it is a fence), from the final registers, or from an assumption whose
// guard holds, following only the taken side of each Ite. A choice in a branch that did not
// run never splits a candidate in two.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "model/events/event_structure.hpp"
#include "solver/candidate.hpp"

namespace memx::solver {

// One entry per choice (EventStructure::choiceCount). `valueOf` gives a node's value in the
// candidate (read from a Z3 model, or computed by the explicit search).
std::vector<bool> usedChoices(const model::EventStructure& events, const Candidate& candidate,
                              const std::function<std::int64_t(model::SymId)>& valueOf);

}  // namespace memx::solver
