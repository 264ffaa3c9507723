// Prints a litmus condition as herd7 prints it on its `Condition` line: `exists (...)`,
// `~exists (...)` or `forall (...)`, with herd's operators (`/\`, `\/`, `=>`, `not (...)`)
// and herd's parenthesisation (only where precedence requires it).
#pragma once

#include <string>

#include "litmus/ast.hpp"

namespace memx::solver {

// How a shared location prints: `x` (memx's form, and herd's in `locations`), or `[x]` as
// herd7 7.58 prints it on its Condition line. Registers and array elements never take brackets.
enum class LocationStyle { Plain, Bracketed };

std::string printProp(const litmus::Prop& prop, LocationStyle style = LocationStyle::Plain);
std::string printCondition(const litmus::Condition& condition,
                           LocationStyle style = LocationStyle::Plain);
// "Allowed", "Forbidden" or "Required", from the quantifier.
std::string conditionKind(litmus::Quantifier quantifier);

}  // namespace memx::solver
