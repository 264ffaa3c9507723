#include "cli/check/console_format.hpp"

#include <fmt/format.h>

namespace memx::check {

std::string resultLine(const TestResult& result, double timeoutSeconds) {
    switch (result.status) {
        case TestStatus::Pass:
            return fmt::format("PASS {} ({}, {:.2f} s)", result.path, result.got, result.seconds);
        case TestStatus::Forgiven:
            return fmt::format("FORGIVEN {}: {}", result.path, result.message);
        case TestStatus::Fail:
            return fmt::format("FAIL {}: {}", result.path, result.message);
        case TestStatus::Error:
            return fmt::format("ERROR {}: {}", result.path, result.message);
        case TestStatus::Timeout:
            return fmt::format("TIMEOUT {} after {:g} s", result.path, timeoutSeconds);
        case TestStatus::MemoryLimit:
            return fmt::format("MEMORY {}: {}", result.path, result.message);
        case TestStatus::NoExpectation:
            return fmt::format("NOEXPECT {} ({}, {:.2f} s)", result.path, result.got,
                               result.seconds);
    }
    return {};
}

std::string progressBar(const CheckSummary& summary, std::size_t total, std::size_t width) {
    std::size_t done = summary.total();
    std::size_t filled = total == 0 ? width : width * done / total;
    return fmt::format("[{}{}] {:>{}}/{}  passed {}  failed {}  errors {}  timeouts {}",
                       std::string(filled, '#'), std::string(width - filled, '.'), done,
                       std::to_string(total).size(), total, summary.passed, summary.failed,
                       summary.errors, summary.timeouts);
}

std::string summaryTable(const CheckSummary& summary, double wallSeconds) {
    std::string out;
    auto row = [&out](const char* label, std::size_t count) {
        out += fmt::format("  {:<22}{:>7}\n", label, count);
    };
    row("passed", summary.passed);
    row("forgiven", summary.forgiven);
    row("failed", summary.failed);
    row("errors", summary.errors);
    row("timeouts", summary.timeouts);
    if (summary.memoryLimits > 0) {
        row("memory limits", summary.memoryLimits);
    }
    row("without expectation", summary.withoutExpectation);
    out += fmt::format("  {:<22}{:>7}  in {:.1f} s\n", "total", summary.total(), wallSeconds);
    return out;
}

}  // namespace memx::check
