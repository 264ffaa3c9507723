// What `memx check` records for one litmus test: its verdict against the expectation, or why
// it has none. A child process sends this record to the parent as one JSON object, and the
// JUnit, JSON and console writers all read it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace memx::check {

enum class TestStatus {
    Pass,  // met its expectation
    Fail,  // ran to completion and disagreed with its expectation
    // Disagreed only in the Always/Sometimes/Never word of a test that predicts DATARACE and
    // raised data-race: the kernel's judgelitmus.sh forgives that, and so does check by default.
    Forgiven,
    Error,          // input error, model error, or a crashed child
    Timeout,        // stopped by the time limit (cooperatively or killed)
    MemoryLimit,    // stopped by the memory limit (--memory-limit): a resource failure
    NoExpectation,  // ran to completion, but nothing says what it should give
};

// "pass", "forgiven", "fail", "error", "timeout", "memory-limit", "none"
std::string statusName(TestStatus status);

struct TestResult {
    std::string path;          // as discovered (what the console lines print)
    std::string relativePath;  // under the argument it was found in (JUnit, --herd-out)
    TestStatus status = TestStatus::Error;
    std::string expected;  // e.g. "Never DATARACE"; empty without expectation
    std::string got;       // e.g. "Sometimes"; empty when the test gave no verdict
    std::vector<std::string> flags;
    std::string message;    // the diagnostic of an error, or why a test failed
    std::string herdBlock;  // herd7's result block (or memx's timeout block)
    std::string model;      // the model the test ran under (empty when it did not run)
    double seconds = 0;     // wall time of the child
};

nlohmann::json toJson(const TestResult& result);
// Throws std::exception (nlohmann's or std::invalid_argument) on a record toJson did not write.
TestResult resultFromJson(const nlohmann::json& json);

}  // namespace memx::check
