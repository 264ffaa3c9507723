// Checks on a syntactically valid program that herd would also reject or misread: registers
// used but never declared nor assigned, duplicate threads, and conditions naming threads,
// registers or locations that do not exist.
#pragma once

#include <string>

#include "litmus/ast.hpp"
#include "litmus/diagnostic.hpp"

namespace memx::litmus {

// Reports every problem found to `sink`; returns true when there was none.
bool checkProgram(const Program& program, const std::string& fileName, DiagnosticSink& sink);

}  // namespace memx::litmus
