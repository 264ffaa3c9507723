// herd's observed locations: those of the condition, the filter and `locations [...]`. They
// decide which final writes a candidate chooses (herd's observed_finals_only), so every search
// over a test's candidates must agree on them.
#pragma once

#include <vector>

#include "litmus/ast.hpp"
#include "model/events/event_structure.hpp"

namespace memx::solver {

// observed[l] for each location of `events`.
std::vector<bool> observedLocations(const litmus::Program& program,
                                    const model::EventStructure& events);

}  // namespace memx::solver
