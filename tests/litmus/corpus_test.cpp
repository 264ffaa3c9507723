// The whole shared corpus: every test herd7 accepted parses, every test it rejected is
// parsed or rejected with a message, and parse -> print -> parse is the identity.
#include <gtest/gtest.h>

#include <chrono>

#include "corpus_support.hpp"
#include "litmus/parser.hpp"
#include "litmus/printer.hpp"

namespace memx::litmus {
namespace {

using testing::CorpusEntry;

std::vector<CorpusEntry> corpusOrSkip() {
    return testing::loadCorpus();
}

#define SKIP_WITHOUT_CORPUS(entries)                                             \
    if ((entries).empty()) {                                                     \
        GTEST_SKIP() << "shared corpus not found under " << testing::corpusDir() \
                     << " (set MEMX_SHARED_DIR)";                                \
    }

TEST(Corpus, EveryTestHerdAcceptedParses) {
    std::vector<CorpusEntry> entries = corpusOrSkip();
    SKIP_WITHOUT_CORPUS(entries);
    std::size_t accepted = 0;
    std::string failures;
    auto start = std::chrono::steady_clock::now();
    for (const CorpusEntry& e : entries) {
        if (e.status != "ok" && e.status != "timeout") {
            continue;
        }
        ++accepted;
        DiagnosticSink sink;
        std::string source;
        if (!parseLitmusFile(e.path, sink, &source)) {
            for (const Diagnostic& d : sink.diagnostics()) {
                failures += formatDiagnostic(d, source);
            }
        }
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_GT(accepted, 4000u);
    EXPECT_TRUE(failures.empty()) << failures;
    RecordProperty("parse_seconds", std::to_string(seconds));
    std::cout << "parsed " << accepted << " accepted corpus tests in " << seconds << " s\n";
}

TEST(Corpus, EveryTestHerdRejectedIsParsedOrExplained) {
    std::vector<CorpusEntry> entries = corpusOrSkip();
    SKIP_WITHOUT_CORPUS(entries);
    std::size_t rejected = 0;
    for (const CorpusEntry& e : entries) {
        if (e.status != "error") {
            continue;
        }
        ++rejected;
        DiagnosticSink sink;
        std::string source;
        std::optional<Program> program = parseLitmusFile(e.path, sink, &source);
        if (program) {
            continue;
        }
        ASSERT_FALSE(sink.diagnostics().empty()) << e.name;
        const Diagnostic& d = sink.diagnostics().front();
        EXPECT_NE(d.range.begin.line, 0u) << e.name;
        EXPECT_FALSE(d.message.empty()) << e.name;
        std::cout << formatDiagnostic(d, source);
    }
    EXPECT_EQ(rejected, 11u);
}

TEST(Corpus, PrintThenParseGivesAnEqualProgram) {
    std::vector<CorpusEntry> entries = corpusOrSkip();
    SKIP_WITHOUT_CORPUS(entries);
    std::size_t checked = 0;
    for (const CorpusEntry& e : entries) {
        DiagnosticSink sink;
        std::optional<Program> program = parseLitmusFile(e.path, sink);
        if (!program) {
            continue;
        }
        std::string printed = printProgram(*program);
        DiagnosticSink again;
        std::optional<Program> reparsed = parseLitmus(printed, e.name + " (printed)", again);
        ASSERT_TRUE(reparsed) << e.name << "\n"
                              << (again.diagnostics().empty()
                                      ? std::string()
                                      : formatDiagnostic(again.diagnostics().front(), printed))
                              << printed;
        ASSERT_TRUE(*reparsed == *program) << e.name << "\n" << printed;
        // Printing is canonical: a second round gives the same text.
        ASSERT_EQ(printProgram(*reparsed), printed) << e.name;
        ++checked;
    }
    EXPECT_GT(checked, 4000u);
}

}  // namespace
}  // namespace memx::litmus
