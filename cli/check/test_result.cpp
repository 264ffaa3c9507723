#include "cli/check/test_result.hpp"

#include <array>
#include <stdexcept>

namespace memx::check {

namespace {

constexpr std::array<std::pair<TestStatus, const char*>, 7> kStatusNames{{
    {TestStatus::Pass, "pass"},
    {TestStatus::Forgiven, "forgiven"},
    {TestStatus::Fail, "fail"},
    {TestStatus::Error, "error"},
    {TestStatus::Timeout, "timeout"},
    {TestStatus::MemoryLimit, "memory-limit"},
    {TestStatus::NoExpectation, "none"},
}};

TestStatus statusFromName(const std::string& name) {
    for (const auto& [status, text] : kStatusNames) {
        if (name == text) {
            return status;
        }
    }
    throw std::invalid_argument("unknown test status: " + name);
}

}  // namespace

std::string statusName(TestStatus status) {
    for (const auto& [s, text] : kStatusNames) {
        if (s == status) {
            return text;
        }
    }
    return "error";
}

nlohmann::json toJson(const TestResult& result) {
    return {
        {"path", result.path},
        {"relative_path", result.relativePath},
        {"status", statusName(result.status)},
        {"expected", result.expected},
        {"got", result.got},
        {"flags", result.flags},
        {"message", result.message},
        {"seconds", result.seconds},
        {"herd", result.herdBlock},
        {"model", result.model},
    };
}

TestResult resultFromJson(const nlohmann::json& json) {
    TestResult r;
    r.path = json.at("path").get<std::string>();
    r.relativePath = json.at("relative_path").get<std::string>();
    r.status = statusFromName(json.at("status").get<std::string>());
    r.expected = json.at("expected").get<std::string>();
    r.got = json.at("got").get<std::string>();
    r.flags = json.at("flags").get<std::vector<std::string>>();
    r.message = json.at("message").get<std::string>();
    r.seconds = json.at("seconds").get<double>();
    r.herdBlock = json.at("herd").get<std::string>();
    r.model = json.at("model").get<std::string>();
    return r;
}

}  // namespace memx::check
