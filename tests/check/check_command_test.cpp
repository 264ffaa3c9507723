// `memx check` end to end, on the project's own litmus tests in tests/check/data.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tests/check/memx_binary.hpp"
#include "tests/check/temp_folder.hpp"

namespace memx::check {
namespace {

using testing::dataDir;
using testing::memxCheck;
using testing::TempFolder;

std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string mixed(const std::string& name) {
    return dataDir() + "/mixed/" + name;
}

TEST(CheckCommand, BrokenTestsAreErrorsWithTheirMessageAndTheRestStillRun) {
    auto run = memxCheck("-j 2 " + dataDir() + "/mixed");
    EXPECT_EQ(run.exitCode, 2) << run.output;
    EXPECT_TRUE(contains(run.output, "PASS " + mixed("store-buffer.litmus") + " (Sometimes, "))
        << run.output;
    EXPECT_TRUE(contains(run.output, "PASS " + mixed("message-fenced.litmus") + " (Never, "))
        << run.output;
    EXPECT_TRUE(
        contains(run.output, "PASS " + mixed("plain-race.litmus") + " (Sometimes DATARACE, "))
        << run.output;
    EXPECT_TRUE(contains(run.output, "FAIL " + mixed("wrong-expectation.litmus") +
                                         ": expected Never, got Sometimes\n"))
        << run.output;
    EXPECT_TRUE(contains(run.output, "ERROR " + mixed("syntax-error.litmus") + ": " +
                                         mixed("syntax-error.litmus") + ":"))
        << run.output;
    EXPECT_TRUE(contains(run.output, "ERROR " + mixed("unknown-primitive.litmus") + ": " +
                                         mixed("unknown-primitive.litmus") + ":"))
        << run.output;
    EXPECT_TRUE(
        contains(run.output, "\n3 passed, 1 failed, 2 errors, 0 timeouts, 0 without expectation\n"))
        << run.output;
}

TEST(CheckCommand, ExitCodeIsZeroWhenAllMeetTheirExpectationAndOneOnAFailure) {
    auto good = memxCheck(mixed("store-buffer.litmus") + " " + mixed("message-fenced.litmus"));
    EXPECT_EQ(good.exitCode, 0) << good.output;
    auto bad = memxCheck(mixed("store-buffer.litmus") + " " + mixed("wrong-expectation.litmus"));
    EXPECT_EQ(bad.exitCode, 1) << bad.output;
    auto usage = memxCheck("--shard 3/2 " + mixed("store-buffer.litmus"));
    EXPECT_EQ(usage.exitCode, 2) << usage.output;
    auto missing = memxCheck(mixed("no-such-test.litmus"));
    EXPECT_EQ(missing.exitCode, 2) << missing.output;
    TempFolder empty;
    auto nothing = memxCheck(empty.path().string());
    EXPECT_EQ(nothing.exitCode, 2) << nothing.output;
    EXPECT_NE(nothing.output.find("no litmus tests found"), std::string::npos) << nothing.output;
}

TEST(CheckCommand, TimedOutTestIsReportedAndAppearsInValidJUnit) {
    TempFolder dir;
    std::string junit = (dir.path() / "junit.xml").string();
    auto run = memxCheck("--timeout 2 --junit " + junit + " " + dataDir() + "/slow " +
                         mixed("store-buffer.litmus"));
    EXPECT_EQ(run.exitCode, 3) << run.output;
    EXPECT_TRUE(
        contains(run.output, "TIMEOUT " + dataDir() + "/slow/many-threads.litmus after 2 s\n"))
        << run.output;
    EXPECT_TRUE(contains(run.output, "1 passed, 0 failed, 0 errors, 1 timeouts")) << run.output;
    std::string xml = readFile(junit);
    EXPECT_TRUE(contains(xml, "name=\"many-threads.litmus\"")) << xml;
    EXPECT_TRUE(contains(xml, "<error type=\"timeout\"")) << xml;
    if (!testing::haveXmllint()) {
        GTEST_SKIP() << "xmllint is not installed (scripts/install-deps installs libxml2-utils)";
    }
    auto verdict = testing::validateJUnit(junit);
    EXPECT_EQ(verdict.exitCode, 0) << verdict.output;
}

TEST(CheckCommand, JUnitOfAMixedRunValidates) {
    if (!testing::haveXmllint()) {
        GTEST_SKIP() << "xmllint is not installed (scripts/install-deps installs libxml2-utils)";
    }
    TempFolder dir;
    std::string junit = (dir.path() / "junit.xml").string();
    memxCheck("--junit " + junit + " " + dataDir() + "/mixed");
    std::string xml = readFile(junit);
    EXPECT_TRUE(
        contains(xml, "<failure type=\"verdict\" message=\"expected Never, got Sometimes\""))
        << xml;
    auto verdict = testing::validateJUnit(junit);
    EXPECT_EQ(verdict.exitCode, 0) << verdict.output;
}

// judgelitmus.sh's rule: `Result: Never DATARACE`, the run Sometimes with data-race: forgiven
// (its own status everywhere, exit 0); with --no-forgive a failure.
TEST(CheckCommand, AModelledDataRaceForgivesTheObservationUnlessNoForgive) {
    TempFolder dir;
    std::string junit = (dir.path() / "junit.xml").string();
    std::string json = (dir.path() / "r.json").string();
    std::string test = dataDir() + "/forgiven/MP+plain+forgiven.litmus";
    auto run = memxCheck("--junit " + junit + " --json " + json + " " + test);
    EXPECT_EQ(run.exitCode, 0) << run.output;
    EXPECT_TRUE(contains(run.output,
                         "FORGIVEN " + test + ": expected Never DATARACE, got Sometimes DATARACE"))
        << run.output;
    EXPECT_TRUE(contains(run.output,
                         "\n0 passed, 1 forgiven, 0 failed, 0 errors, 0 timeouts, "
                         "0 without expectation\n"))
        << run.output;
    EXPECT_EQ(nlohmann::json::parse(readFile(json)).at("status"), "forgiven");
    std::string xml = readFile(junit);
    EXPECT_TRUE(contains(xml, "status=\"forgiven\"")) << xml;
    EXPECT_FALSE(contains(xml, "<failure")) << xml;
    EXPECT_EQ(testing::validateJUnit(junit).exitCode, 0);

    auto strict = memxCheck("--no-forgive " + test);
    EXPECT_EQ(strict.exitCode, 1) << strict.output;
    EXPECT_TRUE(contains(strict.output,
                         "FAIL " + test + ": expected Never DATARACE, got Sometimes DATARACE\n"))
        << strict.output;
}

TEST(CheckCommand, HerdOutMirrorsRelativePaths) {
    TempFolder dir;
    memxCheck("--timeout 2 --herd-out " + (dir.path() / "out").string() + " " + dataDir());
    std::string block = readFile(dir.path() / "out/mixed/store-buffer.litmus.out");
    EXPECT_TRUE(contains(block, "Test store-buffer Allowed\n")) << block;
    EXPECT_TRUE(contains(block, "Observation store-buffer Sometimes ")) << block;
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "out/slow/many-threads.litmus.out"));
}

TEST(CheckCommand, JsonHasOneRecordPerTest) {
    TempFolder dir;
    std::string json = (dir.path() / "r.json").string();
    memxCheck("--json " + json + " " + dataDir() + "/mixed");
    std::istringstream lines(readFile(json));
    std::string line;
    std::map<std::string, std::string> statusByName;
    while (std::getline(lines, line)) {
        auto record = nlohmann::json::parse(line);
        statusByName[record.at("relative_path").get<std::string>()] =
            record.at("status").get<std::string>();
    }
    EXPECT_EQ(statusByName.size(), 6u);
    EXPECT_EQ(statusByName["store-buffer.litmus"], "pass");
    EXPECT_EQ(statusByName["wrong-expectation.litmus"], "fail");
    EXPECT_EQ(statusByName["syntax-error.litmus"], "error");
}

TEST(CheckCommand, ShardsSplitTheRunWithoutOverlap) {
    std::multiset<std::string> seen;
    for (const char* shard : {"1/2", "2/2"}) {
        auto run = memxCheck(std::string("--shard ") + shard + " " + dataDir() + "/mixed");
        std::istringstream lines(run.output);
        std::string line;
        while (std::getline(lines, line)) {
            auto at = line.find(dataDir());
            if (at != std::string::npos) {
                auto end = line.find_first_of(" :", at);
                seen.insert(line.substr(at, end - at));
            }
        }
    }
    EXPECT_EQ(seen.size(), 6u);
    EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 6u);
}

TEST(CheckCommand, CsvExpectationOverridesTheCommentAndStrictFailsTheUnexpected) {
    TempFolder dir;
    std::filesystem::copy_file(mixed("store-buffer.litmus"), dir.path() / "a.litmus");
    std::filesystem::copy_file(mixed("store-buffer.litmus"), dir.path() / "b.litmus");
    std::string text = readFile(mixed("store-buffer.litmus"));
    text.replace(text.find("Result: Sometimes"), 17, "no result comment");
    dir.write("c.litmus", text);
    auto csv = dir.write("expected.csv", "test,observation,data_race\na.litmus,Never,0\n");
    auto run = memxCheck("--expect " + csv.string() + " " + dir.path().string());
    EXPECT_EQ(run.exitCode, 1) << run.output;
    EXPECT_TRUE(contains(run.output, "a.litmus: expected Never, got Sometimes")) << run.output;
    EXPECT_TRUE(contains(run.output,
                         "1 passed, 1 failed, 0 errors, 0 timeouts, 1 without "
                         "expectation"))
        << run.output;
    auto strict = memxCheck("--strict " + (dir.path() / "c.litmus").string());
    EXPECT_EQ(strict.exitCode, 1) << strict.output;
    auto lenient = memxCheck((dir.path() / "c.litmus").string());
    EXPECT_EQ(lenient.exitCode, 0) << lenient.output;
}

}  // namespace
}  // namespace memx::check
