// Internal to the parser: herd's state language, used by the init block
// (`{ x=1; int *p=&x; 0:r1=0; }`), `locations [...]`, `filter` and the final condition.
#pragma once

#include <vector>

#include "litmus/ast.hpp"
#include "litmus/cursor.hpp"

namespace memx::litmus::detail {

// The entries between `{` and `}`; the cursor is after `{` and stops before `}`. memx's
// struct declarations there go to `structs`.
std::vector<InitEntry> parseInitEntries(Cursor& c, std::vector<StructDecl>& structs);

// `locations [...]`, `filter ...` and the condition, up to the end of the file.
void parseConstraints(Cursor& c, Program& program);

}  // namespace memx::litmus::detail
