#include "cli/check/check_summary.hpp"

#include <fmt/format.h>

namespace memx::check {

void CheckSummary::add(const TestResult& result) {
    switch (result.status) {
        case TestStatus::Pass:
            ++passed;
            break;
        case TestStatus::Forgiven:
            ++forgiven;
            break;
        case TestStatus::Fail:
            ++failed;
            break;
        case TestStatus::Error:
            ++errors;
            break;
        case TestStatus::Timeout:
            ++timeouts;
            break;
        case TestStatus::MemoryLimit:
            ++memoryLimits;
            break;
        case TestStatus::NoExpectation:
            ++withoutExpectation;
            break;
    }
}

std::string CheckSummary::line() const {
    std::string forgivenPart = forgiven > 0 ? fmt::format(", {} forgiven", forgiven) : "";
    std::string limits =
        memoryLimits > 0 ? fmt::format(", {} over the memory limit", memoryLimits) : "";
    return fmt::format("{} passed{}, {} failed, {} errors, {} timeouts{}, {} without expectation",
                       passed, forgivenPart, failed, errors, timeouts, limits, withoutExpectation);
}

int CheckSummary::exitCode(bool inputErrors) const {
    if (inputErrors || errors > 0) {
        return 2;
    }
    if (timeouts > 0 || memoryLimits > 0) {
        return 3;
    }
    return failed > 0 ? 1 : 0;
}

}  // namespace memx::check
