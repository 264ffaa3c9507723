// Small helpers shared by the litmus unit tests.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "litmus/parser.hpp"

namespace memx::litmus::testing {

// Parses `text`; fails the test (with the diagnostics) if it does not parse.
inline Program parseOk(const std::string& text) {
    DiagnosticSink sink;
    std::optional<Program> p = parseLitmus(text, "test.litmus", sink);
    std::string diags;
    for (const Diagnostic& d : sink.diagnostics()) {
        diags += formatDiagnostic(d, text);
    }
    EXPECT_TRUE(p.has_value()) << diags;
    return p ? *p : Program{};
}

// Parses `text`, expects failure, and returns the first diagnostic's message.
inline std::string firstError(const std::string& text) {
    DiagnosticSink sink;
    std::optional<Program> p = parseLitmus(text, "test.litmus", sink);
    EXPECT_FALSE(p.has_value());
    if (sink.diagnostics().empty()) {
        ADD_FAILURE() << "no diagnostic";
        return {};
    }
    return sink.diagnostics().front().message;
}

// A one-thread test around `body`, with x and y as parameters.
inline std::string withBody(const std::string& body, const std::string& cond = "x=0") {
    return "C t\n{}\nP0(int *x, int *y)\n{\n" + body + "\n}\nexists (" + cond + ")\n";
}

}  // namespace memx::litmus::testing
