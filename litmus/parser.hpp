// The litmus front end: herd7's C litmus dialect (LKMM and C11) to a litmus::Program.
// Errors go to the sink as file:line:column diagnostics; nothing is printed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "litmus/ast.hpp"
#include "litmus/diagnostic.hpp"

namespace memx::litmus {

// Parses and checks one test: syntax, primitive names and arities, registers used but
// never declared nor assigned, and the condition's threads, registers and locations.
// Returns nullopt when an error was reported.
std::optional<Program> parseLitmus(std::string_view text, const std::string& fileName,
                                   DiagnosticSink& sink);

// Reads `path` and parses it. When `source` is given it receives the file's text, so the
// caller can print diagnostics with the offending line.
std::optional<Program> parseLitmusFile(const std::string& path, DiagnosticSink& sink,
                                       std::string* source = nullptr);

}  // namespace memx::litmus
