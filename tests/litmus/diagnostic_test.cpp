// formatDiagnostic: location line, source line and caret.
#include <gtest/gtest.h>

#include "litmus/diagnostic.hpp"

namespace memx {
namespace {

TEST(Diagnostic, CaretUnderTheRange) {
    Diagnostic d{Severity::Error, "t.litmus", {{2, 5}, {2, 8}}, "bad thing", {}};
    EXPECT_EQ(formatDiagnostic(d, "line one\nabc defg hi\n"),
              "t.litmus:2:5: error: bad thing\nabc defg hi\n    ^~~~\n");
}

TEST(Diagnostic, TabsAreKeptSoTheCaretAligns) {
    Diagnostic d{Severity::Warning, "t.litmus", {{1, 3}, {1, 3}}, "w", {}};
    EXPECT_EQ(formatDiagnostic(d, "\t\tx;\n"), "t.litmus:1:3: warning: w\n\t\tx;\n\t\t^\n");
}

TEST(Diagnostic, WithoutSourceOrPosition) {
    Diagnostic d{Severity::Error, "t.litmus", {}, "cannot open file", {}};
    EXPECT_EQ(formatDiagnostic(d, "text"), "t.litmus: error: cannot open file\n");
    Diagnostic e{Severity::Error, "t.litmus", {{3, 1}, {3, 1}}, "m", {}};
    EXPECT_EQ(formatDiagnostic(e), "t.litmus:3:1: error: m\n");
}

TEST(Diagnostic, NotesFollowTheError) {
    Diagnostic note{Severity::Note, "t.litmus", {{1, 1}, {1, 1}}, "declared here", {}};
    Diagnostic d{Severity::Error, "t.litmus", {{1, 2}, {1, 2}}, "m", {note}};
    EXPECT_EQ(formatDiagnostic(d, "ab"),
              "t.litmus:1:2: error: m\nab\n ^\nt.litmus:1:1: note: declared here\nab\n^\n");
}

TEST(Diagnostic, SinkCountsOnlyErrorsAsErrors) {
    DiagnosticSink sink;
    sink.report({Severity::Warning, "f", {}, "w", {}});
    EXPECT_FALSE(sink.hasErrors());
    sink.error("f", {}, "e");
    EXPECT_TRUE(sink.hasErrors());
}

}  // namespace
}  // namespace memx
