// The counts of a `memx check` run, its closing summary line and its exit code.
//
// Exit code precedence (the first that applies): 2 when an input error occurred (a bad
// argument, an unreadable model or CSV, a test that could not be parsed or run, a crashed
// child), else 3 when a test timed out or reached the memory limit, else 1 when a test did not meet
// its expectation (or, with --strict, had none), else 0.
#pragma once

#include <cstddef>
#include <string>

#include "cli/check/test_result.hpp"

namespace memx::check {

struct CheckSummary {
    std::size_t passed = 0;
    std::size_t forgiven = 0;
    std::size_t failed = 0;
    std::size_t errors = 0;
    std::size_t timeouts = 0;
    std::size_t memoryLimits = 0;  // resource failures: stopped by --memory-limit
    std::size_t withoutExpectation = 0;

    void add(const TestResult& result);
    std::size_t total() const {
        return passed + forgiven + failed + errors + timeouts + memoryLimits + withoutExpectation;
    }
    // "N passed, N failed, N errors, N timeouts, N without expectation", with "N forgiven"
    // after the passed ones and ", N over the memory limit" after the timeouts when there
    // are any.
    std::string line() const;
    // `inputErrors`: errors outside any test (arguments, model, CSV).
    int exitCode(bool inputErrors) const;
};

}  // namespace memx::check
