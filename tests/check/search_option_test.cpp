// `--search` on the deciding verbs: a verdict-only run says so in its report, an exhaustive one
// does not, and an unknown mode is a usage error.
#include <gtest/gtest.h>

#include <string>

#include "tests/check/memx_binary.hpp"

namespace memx::check::testing {
namespace {

const std::string kMessagePassing =
    std::string(MEMX_SOURCE_DIR) + "/litmus/library/lkmm/MP+wmb+rmb.litmus";

TEST(SearchOption, VerdictRunSaysItsCountsAreASample) {
    auto verdict = runProcess(memxBinary() + " run --search verdict " + kMessagePassing + " 2>&1");
    EXPECT_EQ(verdict.exitCode, 0) << verdict.output;
    EXPECT_NE(verdict.output.find("Observation MP+wmb+rmb Never 0 1"), std::string::npos)
        << verdict.output;
    EXPECT_NE(verdict.output.find("Verdict-only search"), std::string::npos);

    auto full = runProcess(memxBinary() + " run --search exhaustive " + kMessagePassing + " 2>&1");
    EXPECT_EQ(full.exitCode, 0) << full.output;
    EXPECT_NE(full.output.find("Observation MP+wmb+rmb Never 0 3"), std::string::npos)
        << full.output;
    EXPECT_EQ(full.output.find("Verdict-only search"), std::string::npos);
}

TEST(SearchOption, CheckJudgesVerdictRunsByTheirObservation) {
    auto r =
        memxCheck("-j 1 --search verdict " + std::string(MEMX_SOURCE_DIR) + "/litmus/library/lkmm");
    EXPECT_EQ(r.exitCode, 0) << r.output;
}

TEST(SearchOption, UnknownModeIsAUsageError) {
    auto r = runProcess(memxBinary() + " run --search sometimes " + kMessagePassing + " 2>&1");
    EXPECT_EQ(r.exitCode, 2) << r.output;
    EXPECT_NE(r.output.find("--search"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace memx::check::testing
