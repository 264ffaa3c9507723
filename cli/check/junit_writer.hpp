// JUnit XML in the common Jenkins/Surefire shape: one <testsuite>, one <testcase> per litmus
// test (classname: its folder with dots, name: its file name, time: seconds), a <failure>
// naming both verdicts, <error> for input errors and crashes, <error type="timeout"> for a
// time limit, <skipped> for a test without expectation, and herd's block as <system-out>.
#pragma once

#include <string>
#include <vector>

#include "cli/check/test_result.hpp"

namespace memx::check {

// Escapes the five XML special characters, and replaces control characters that XML 1.0
// cannot hold by U+FFFD.
std::string xmlEscape(const std::string& text);

std::string formatJUnit(const std::string& suiteName, const std::vector<TestResult>& results,
                        double wallSeconds, double timeoutSeconds);

}  // namespace memx::check
