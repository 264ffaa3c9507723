// How every verb shows diagnostics: on stderr, with a caret line when the source is known.
#pragma once

#include <string>

#include "litmus/diagnostic.hpp"

namespace memx::cli {

void printDiagnostics(const DiagnosticSink& sink, const std::string& source = {});

}  // namespace memx::cli
