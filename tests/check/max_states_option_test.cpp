// `memx run --max-states N`: the States list holds at most N states and the report says how
// many it left out; a bad N is a usage error.
#include <gtest/gtest.h>

#include <string>

#include "tests/check/memx_binary.hpp"

namespace memx::check::testing {
namespace {

// Four final states (kbuf's two bytes, each old or new).
const std::string kCopyFromUser =
    std::string(MEMX_SOURCE_DIR) + "/litmus/library/usercopy/copy_from_user+external-writer.litmus";

TEST(MaxStatesOption, ListsTheFirstStatesAndCountsTheOthers) {
    auto r = runProcess(memxBinary() + " run --search exhaustive --max-states 2 " + kCopyFromUser +
                        " 2>&1");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("States 2\n[kbuf]=0;\n[kbuf]=1;\nOk\n"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("States omitted: 2 of 4\n"), std::string::npos) << r.output;
    // The verdict and counts are those of every execution.
    EXPECT_NE(r.output.find("Observation copy_from_user+external-writer Sometimes 1 3"),
              std::string::npos)
        << r.output;
}

TEST(MaxStatesOption, ZeroListsEveryState) {
    auto r = runProcess(memxBinary() + " run --max-states 0 " + kCopyFromUser + " 2>&1");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("States 4\n"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("States omitted"), std::string::npos) << r.output;
}

TEST(MaxStatesOption, JsonCountsTheOmittedStates) {
    auto r = runProcess(memxBinary() + " run --json --search verdict --max-states 1 " +
                        kCopyFromUser + " 2>&1");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("\"statesExact\": false"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("\"statesOmitted\": 1"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("\"flagsExact\": true"), std::string::npos) << r.output;
}

TEST(MaxStatesOption, ANonNumberIsAUsageError) {
    auto r = runProcess(memxBinary() + " run --max-states many " + kCopyFromUser + " 2>&1");
    EXPECT_EQ(r.exitCode, 2) << r.output;
    EXPECT_NE(r.output.find("--max-states"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace memx::check::testing
