// Every location a condition or filter names, in source order: the left side of each atom
// and, for `0:r1=0:r4`, the right side too. Shared by the name checks and the solver, which
// need the same set (what to check, what to display, which finals to observe).
#pragma once

#include <functional>

#include "litmus/ast.hpp"

namespace memx::litmus {

// Calls `visit` on each atom of `prop`, in source order; a null `prop` has none.
void forEachAtom(const PropPtr& prop, const std::function<void(const PropAtom&)>& visit);

// Calls `visit` on each LocationRef of `prop`; a null `prop` names none.
void forEachLocationRef(const PropPtr& prop, const std::function<void(const LocationRef&)>& visit);

}  // namespace memx::litmus
