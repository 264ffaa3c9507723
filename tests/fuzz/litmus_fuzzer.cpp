// libFuzzer entry point for the litmus front end. Besides crashes, hangs and sanitizer
// reports, it checks two properties on every input: a failed parse reports at least one
// error, and a successful one survives print -> parse -> == unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "litmus/parser.hpp"
#include "litmus/printer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    memx::DiagnosticSink sink;
    std::optional<memx::litmus::Program> program =
        memx::litmus::parseLitmus(text, "fuzz.litmus", sink);
    for (const memx::Diagnostic& d : sink.diagnostics()) {
        (void)memx::formatDiagnostic(d, text);
    }
    if (!program) {
        if (!sink.hasErrors()) {
            std::abort();  // a rejection must say why
        }
        return 0;
    }
    std::string printed = memx::litmus::printProgram(*program);
    memx::DiagnosticSink again;
    std::optional<memx::litmus::Program> reparsed =
        memx::litmus::parseLitmus(printed, "printed.litmus", again);
    if (!reparsed || !(*reparsed == *program)) {
        std::abort();  // the printer must round-trip
    }
    return 0;
}
