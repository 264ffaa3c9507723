// herd7's `Hash=` value for a C litmus test. herd computes it as litmus does (herdtools7's
// lib/CTestHash and TestHash): the MD5 of three MD5s, over
// - the init block, entries sorted by location (registers first), `T x=v` / `x=v` joined by "; ";
// - the threads as `PN(T* a, ...) {\nBODY\n}\n`, BODY being the raw text between the thread's
//   braces, all threads on one line as herd's code columns print them (" P0.. | P1.. ;\n");
// - the observed locations (`locations [...]` and the condition's), sorted, joined by "; ".
// Each part is rebuilt here from memx's AST, except the bodies, which are read from the text.
#pragma once

#include <string>
#include <string_view>

#include "litmus/ast.hpp"

namespace memx::solver {

// The 32 hex digits herd7 prints after `Hash=` for `program`, parsed from `source`.
std::string herdHash(const litmus::Program& program, std::string_view source);

}  // namespace memx::solver
