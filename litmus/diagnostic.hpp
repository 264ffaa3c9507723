// Diagnostics as data: one type shared by the litmus parser, the cat front end and every
// later stage, so the CLI can print carets and the GUI can underline from the same record.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace memx {

// 1-based line and column; 0 means "unknown" (for example, a diagnostic about a whole file).
struct SourcePos {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

struct SourceRange {
    SourcePos begin;
    SourcePos end;  // inclusive end position; equal to begin for a single character
};

enum class Severity { Error, Warning, Note };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string file;  // path as the user gave it
    SourceRange range;
    std::string message;
    std::vector<Diagnostic> notes;
};

// Collects diagnostics; the library never prints or exits, front ends decide what to do.
class DiagnosticSink {
public:
    void report(Diagnostic d) { diagnostics_.push_back(std::move(d)); }
    void error(std::string file, SourceRange range, std::string message) {
        report({Severity::Error, std::move(file), range, std::move(message), {}});
    }
    bool hasErrors() const;
    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
    void clear() { diagnostics_.clear(); }

private:
    std::vector<Diagnostic> diagnostics_;
};

// "file:line:column: error: message", then the source line and a caret under the column
// when `source` holds the file's text.
std::string formatDiagnostic(const Diagnostic& d, const std::string& source = {});

}  // namespace memx
