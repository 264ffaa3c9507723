// Internal to the parser: the C thread bodies (`P0(int *x) { ... }`), statements,
// expressions and C types. Syntax errors throw detail::SyntaxError.
#pragma once

#include <optional>

#include "litmus/ast.hpp"
#include "litmus/cursor.hpp"

namespace memx::litmus::detail {

// True when the cursor is at the start of a thread: `P<n>`, `void P<n>` or `external P<n>`.
bool atThreadStart(Cursor& c);

Thread parseThread(Cursor& c);
ExprPtr parseExpression(Cursor& c);

// A C type (`volatile int *`, `struct srcu_struct *`, `atomic_t`), or nullopt when the
// cursor is not at one. Pointer stars are included.
std::optional<Type> parseType(Cursor& c);

}  // namespace memx::litmus::detail
