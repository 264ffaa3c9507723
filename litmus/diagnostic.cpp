// Rendering of diagnostics for terminals: the location line, then the offending source line
// with a caret under the range, in the style of compilers so editors can jump to it.
#include "litmus/diagnostic.hpp"

#include <algorithm>
#include <string_view>

namespace memx {

bool DiagnosticSink::hasErrors() const {
    return std::any_of(diagnostics_.begin(), diagnostics_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

namespace {

std::string_view severityName(Severity s) {
    switch (s) {
        case Severity::Error:
            return "error";
        case Severity::Warning:
            return "warning";
        case Severity::Note:
            return "note";
    }
    return "error";
}

// The 1-based line `line` of `source`, without its newline; empty if out of range.
std::string_view sourceLine(std::string_view source, std::uint32_t line) {
    std::size_t start = 0;
    for (std::uint32_t l = 1; l < line; ++l) {
        std::size_t nl = source.find('\n', start);
        if (nl == std::string_view::npos) {
            return {};
        }
        start = nl + 1;
    }
    std::size_t end = source.find('\n', start);
    std::string_view text =
        source.substr(start, end == std::string_view::npos ? source.size() - start : end - start);
    if (!text.empty() && text.back() == '\r') {
        text.remove_suffix(1);
    }
    return text;
}

void appendOne(std::string& out, const Diagnostic& d, std::string_view source) {
    out += d.file;
    if (d.range.begin.line != 0) {
        out +=
            ':' + std::to_string(d.range.begin.line) + ':' + std::to_string(d.range.begin.column);
    }
    out += ": ";
    out += severityName(d.severity);
    out += ": ";
    out += d.message;
    out += '\n';
    if (source.empty() || d.range.begin.line == 0) {
        return;
    }
    std::string_view text = sourceLine(source, d.range.begin.line);
    // A position one past the end of the line (for "expected X at end of line") is valid.
    if (d.range.begin.column == 0 || d.range.begin.column > text.size() + 1) {
        return;
    }
    out += text;
    out += '\n';
    // Keep tabs so the caret lines up with the source line in any tab width.
    std::size_t caretAt = d.range.begin.column - 1;
    for (std::size_t i = 0; i < caretAt; ++i) {
        out += text[i] == '\t' ? '\t' : ' ';
    }
    out += '^';
    if (d.range.end.line == d.range.begin.line && d.range.end.column > d.range.begin.column) {
        std::size_t last = std::min<std::size_t>(d.range.end.column, text.size());
        if (last > d.range.begin.column) {
            out.append(last - d.range.begin.column, '~');
        }
    }
    out += '\n';
}

}  // namespace

std::string formatDiagnostic(const Diagnostic& d, const std::string& source) {
    std::string out;
    appendOne(out, d, source);
    for (const Diagnostic& note : d.notes) {
        appendOne(out, note, source);
    }
    return out;
}

}  // namespace memx
