// The plain lines CI logs keep, the progress bar, and the exit-code precedence.
#include <gtest/gtest.h>

#include "cli/check/check_summary.hpp"
#include "cli/check/console_format.hpp"

namespace memx::check {
namespace {

TestResult finished(TestStatus status, std::string got = {}, std::string message = {}) {
    TestResult r;
    r.path = "t/a.litmus";
    r.status = status;
    r.got = std::move(got);
    r.message = std::move(message);
    r.seconds = 0.021;
    return r;
}

TEST(CheckConsole, OneLinePerOutcome) {
    EXPECT_EQ(resultLine(finished(TestStatus::Pass, "Sometimes"), 60),
              "PASS t/a.litmus (Sometimes, 0.02 s)");
    EXPECT_EQ(
        resultLine(finished(TestStatus::Fail, "Sometimes", "expected Never, got Sometimes"), 60),
        "FAIL t/a.litmus: expected Never, got Sometimes");
    EXPECT_EQ(resultLine(finished(TestStatus::Error, "", "t/a.litmus:3:1: bad"), 60),
              "ERROR t/a.litmus: t/a.litmus:3:1: bad");
    EXPECT_EQ(resultLine(finished(TestStatus::Timeout), 60), "TIMEOUT t/a.litmus after 60 s");
    EXPECT_EQ(resultLine(finished(TestStatus::Timeout), 0.5), "TIMEOUT t/a.litmus after 0.5 s");
    EXPECT_EQ(resultLine(finished(TestStatus::NoExpectation, "Never"), 60),
              "NOEXPECT t/a.litmus (Never, 0.02 s)");
}

TEST(CheckConsole, SummaryLineAndProgressBarCount) {
    CheckSummary summary;
    for (auto status : {TestStatus::Pass, TestStatus::Pass, TestStatus::Fail, TestStatus::Error,
                        TestStatus::Timeout, TestStatus::NoExpectation}) {
        summary.add(finished(status));
    }
    EXPECT_EQ(summary.line(), "2 passed, 1 failed, 1 errors, 1 timeouts, 1 without expectation");
    EXPECT_EQ(progressBar(summary, 12, 10),
              "[#####.....]  6/12  passed 2  failed 1  errors 1  timeouts 1");
}

TEST(CheckConsole, ExitCodePrecedenceIsErrorsThenTimeoutsThenFailures) {
    CheckSummary summary;
    EXPECT_EQ(summary.exitCode(false), 0);
    summary.add(finished(TestStatus::NoExpectation));
    EXPECT_EQ(summary.exitCode(false), 0);
    summary.add(finished(TestStatus::Fail));
    EXPECT_EQ(summary.exitCode(false), 1);
    summary.add(finished(TestStatus::Timeout));
    EXPECT_EQ(summary.exitCode(false), 3);
    EXPECT_EQ(summary.exitCode(true), 2);
    summary.add(finished(TestStatus::Error));
    EXPECT_EQ(summary.exitCode(false), 2);
}

}  // namespace
}  // namespace memx::check
