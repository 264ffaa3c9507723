// Golden diagnostics: each tests/litmus/bad/X.litmus must fail to parse with exactly the
// text in bad/X.expected-failure (formatDiagnostic output, file shown as bad/X.litmus).
//
// To regenerate the golden files after a deliberate change to a message, run
//   MEMX_PROMOTE=1 ctest --test-dir <build> -R BadInputs
// and review the diff with `git diff tests/litmus/bad`.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "litmus/parser.hpp"

namespace memx::litmus {
namespace {

namespace fs = std::filesystem;

fs::path badDir() {
    return fs::path(MEMX_SOURCE_DIR) / "tests" / "litmus" / "bad";
}

std::string readText(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

std::vector<std::string> badInputs() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(badDir())) {
        if (entry.path().extension() == ".litmus") {
            names.push_back(entry.path().stem().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
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
    const char* promote = std::getenv("MEMX_PROMOTE");
    if (promote && std::string(promote) == "1") {
        std::ofstream(golden, std::ios::binary) << actual;
        return;
    }
    ASSERT_TRUE(fs::exists(golden)) << golden << " is missing; run with MEMX_PROMOTE=1";
    EXPECT_EQ(actual, readText(golden));
}

INSTANTIATE_TEST_SUITE_P(Golden, BadInputs, ::testing::ValuesIn(badInputs()), [](const auto& info) {
    std::string name = info.param;
    std::replace_if(
        name.begin(), name.end(),
        [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
    return name;
});

TEST(BadInputsSuite, HasAtLeastTwelveDistinctInputs) {
    EXPECT_GE(badInputs().size(), 12u);
}

}  // namespace
}  // namespace memx::litmus
