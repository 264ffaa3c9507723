// A test's condition (or filter) evaluated part-way through the candidate search, in three
// values: registers whose value is already decided are known, everything else (shared
// locations' final values included, since final writes are chosen last) is unknown. A verdict
// search uses it to abandon candidates whose condition is already decided the wrong way.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "litmus/ast.hpp"
#include "model/events/event_structure.hpp"

namespace memx::solver {

enum class Truth { False, True, Unknown };

// `known(node)`: the value of a symbolic node if it is already decided.
Truth partialTruth(const litmus::Prop& prop, const litmus::Program& program,
                   const model::EventStructure& events,
                   const std::function<std::optional<std::int64_t>(model::SymId)>& known);

}  // namespace memx::solver
