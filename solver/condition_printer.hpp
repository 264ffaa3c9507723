// Prints a litmus condition as herd7 prints it on its `Condition` line: `exists (...)`,
// `~exists (...)` or `forall (...)`, with herd's operators (`/\`, `\/`, `=>`, `not (...)`)
// and herd's parenthesisation (only where precedence requires it).
#pragma once

#include <string>

#include "litmus/ast.hpp"

namespace memx::solver {

std::string printProp(const litmus::Prop& prop);
std::string printCondition(const litmus::Condition& condition);
// "Allowed", "Forbidden" or "Required", from the quantifier.
std::string conditionKind(litmus::Quantifier quantifier);

}  // namespace memx::solver
