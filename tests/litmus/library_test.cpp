// memx's own example tests in litmus/library/ (one folder per model): each parses, states its
// expected result, and survives a print round trip.
#include <gtest/gtest.h>

#include <filesystem>

#include "litmus/parser.hpp"
#include "litmus/printer.hpp"

namespace memx::litmus {
namespace {

TEST(Library, ExamplesParseAndStateTheirResult) {
    std::filesystem::path dir = std::filesystem::path(MEMX_SOURCE_DIR) / "litmus" / "library";
    std::size_t count = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (entry.path().extension() != ".litmus") {
            continue;
        }
        ++count;
        DiagnosticSink sink;
        std::string source;
        std::optional<Program> p = parseLitmusFile(entry.path().string(), sink, &source);
        ASSERT_TRUE(p) << formatDiagnostic(sink.diagnostics().front(), source);
        EXPECT_TRUE(p->expected) << entry.path() << " has no Result: comment";
        EXPECT_EQ(p->name + ".litmus", entry.path().filename().string());
        DiagnosticSink again;
        std::optional<Program> reparsed = parseLitmus(printProgram(*p), "printed", again);
        ASSERT_TRUE(reparsed);
        EXPECT_TRUE(*reparsed == *p) << entry.path();
    }
    EXPECT_GE(count, 6u);
}

}  // namespace
}  // namespace memx::litmus
