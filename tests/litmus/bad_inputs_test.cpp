// Golden diagnostics: each tests/litmus/bad/X.litmus must fail to parse with exactly the
// text in bad/X.expected-failure (formatDiagnostic output, file shown as bad/X.litmus).
//
// To regenerate the golden files after a deliberate change to a message, run
//   MEMX_PROMOTE=1 ctest --test-dir <build> -R BadInputs
// and review the diff with `git diff tests/litmus/bad`.
#include <gtest/gtest.h>

#include <filesystem>

#include "litmus/parser.hpp"
#include "tests/golden_files.hpp"

namespace memx::litmus {
namespace {

namespace fs = std::filesystem;

fs::path badDir() {
    return fs::path(MEMX_SOURCE_DIR) / "tests" / "litmus" / "bad";
}

using memx::testing::readText;

std::vector<std::string> badInputs() {
    return memx::testing::litmusStems(badDir());
}

class BadInputs : public ::testing::TestWithParam<std::string> {};

TEST_P(BadInputs, MatchesExpectedFailure) {
    fs::path input = badDir() / (GetParam() + ".litmus");
    fs::path golden = badDir() / (GetParam() + ".expected-failure");
    std::string text = readText(input);
    DiagnosticSink sink;
    std::optional<Program> program = parseLitmus(text, "bad/" + GetParam() + ".litmus", sink);
    EXPECT_FALSE(program) << "expected a parse failure";
    std::string actual;
    for (const Diagnostic& d : sink.diagnostics()) {
        actual += formatDiagnostic(d, text);
    }
    EXPECT_FALSE(actual.empty());
    memx::testing::expectGolden(actual, golden);
}

INSTANTIATE_TEST_SUITE_P(Golden, BadInputs, ::testing::ValuesIn(badInputs()),
                         [](const auto& info) { return memx::testing::testNameOf(info.param); });

TEST(BadInputsSuite, HasAtLeastTwelveDistinctInputs) {
    EXPECT_GE(badInputs().size(), 12u);
}

}  // namespace
}  // namespace memx::litmus
