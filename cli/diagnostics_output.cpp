#include "cli/diagnostics_output.hpp"

#include <iostream>

namespace memx::cli {

void printDiagnostics(const DiagnosticSink& sink, const std::string& source) {
    for (const Diagnostic& d : sink.diagnostics()) {
        std::cerr << formatDiagnostic(d, source);
    }
}

}  // namespace memx::cli
