#include "cli/check/junit_writer.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "cli/check/check_summary.hpp"

namespace memx::check {

namespace {

std::string className(const TestResult& result) {
    std::string folder = std::filesystem::path(result.relativePath).parent_path().string();
    for (char& c : folder) {
        if (c == '/') {
            c = '.';
        }
    }
    return folder.empty() ? "memx" : folder;
}

std::string testName(const TestResult& result) {
    return std::filesystem::path(result.relativePath).filename().string();
}

std::string element(const char* tag, const std::string& type, const std::string& message,
                    const std::string& body) {
    return fmt::format("      <{} type=\"{}\" message=\"{}\">{}</{}>\n", tag, type,
                       xmlEscape(message), xmlEscape(body), tag);
}

std::string testCase(const TestResult& r, double timeoutSeconds) {
    std::string inner;
    switch (r.status) {
        case TestStatus::Pass:
            break;
        case TestStatus::Forgiven:  // a pass for CI, as for the kernel's judge; see below
            break;
        case TestStatus::Fail:
            inner = element("failure", "verdict", r.message, r.message);
            break;
        case TestStatus::Error:
            inner = element("error", "error", r.message, r.message);
            break;
        case TestStatus::Timeout:
            inner = element("error", "timeout",
                            fmt::format("timed out after {:g} s", timeoutSeconds), r.message);
            break;
        case TestStatus::MemoryLimit:
            inner = element("error", "memory-limit", r.message, r.message);
            break;
        case TestStatus::NoExpectation:
            inner = fmt::format("      <skipped message=\"{}\"/>\n", xmlEscape(r.message));
            break;
    }
    if (!r.herdBlock.empty()) {
        inner += "      <system-out>" + xmlEscape(r.herdBlock) + "</system-out>\n";
    }
    if (r.status == TestStatus::Forgiven) {
        inner += "      <system-err>" + xmlEscape("forgiven: " + r.message) + "</system-err>\n";
    }
    std::string open = fmt::format("    <testcase classname=\"{}\" name=\"{}\" time=\"{:.3f}\"",
                                   xmlEscape(className(r)), xmlEscape(testName(r)), r.seconds);
    if (r.status == TestStatus::Forgiven) {
        open += " status=\"forgiven\"";
    }
    return inner.empty() ? open + "/>\n" : open + ">\n" + inner + "    </testcase>\n";
}

}  // namespace

std::string xmlEscape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            default:
                if (u < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                    out += "\xEF\xBF\xBD";  // U+FFFD: XML 1.0 forbids these characters
                } else {
                    out += c;
                }
        }
    }
    return out;
}

std::string formatJUnit(const std::string& suiteName, const std::vector<TestResult>& results,
                        double wallSeconds, double timeoutSeconds) {
    CheckSummary summary;
    for (const TestResult& r : results) {
        summary.add(r);
    }
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += fmt::format(
        "<testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" "
        "time=\"{:.3f}\">\n",
        xmlEscape(suiteName), results.size(), summary.failed,
        summary.errors + summary.timeouts + summary.memoryLimits, summary.withoutExpectation,
        wallSeconds);
    for (const TestResult& r : results) {
        out += testCase(r, timeoutSeconds);
    }
    out += "</testsuite>\n";
    return out;
}

}  // namespace memx::check
