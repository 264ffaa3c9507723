// JUnit XML: escaping, the shape of each outcome, and validation against tests/check/junit.xsd
// (with xmllint) including children that crashed or were killed.
#include <gtest/gtest.h>

#include <unistd.h>
#include <csignal>

#include "cli/check/junit_writer.hpp"
#include "cli/check/output_files.hpp"
#include "cli/check/parallel_runner.hpp"
#include "cli/check/test_execution.hpp"
#include "tests/check/run_process.hpp"
#include "tests/check/temp_folder.hpp"

namespace memx::check {
namespace {

using testing::TempFolder;

TestResult result(std::string relative, TestStatus status, std::string message = {}) {
    TestResult r;
    r.path = "suite/" + relative;
    r.relativePath = std::move(relative);
    r.status = status;
    r.message = std::move(message);
    r.seconds = 0.25;
    return r;
}

// Results of real children: one reports, one crashes, one outlives the hard limit.
std::vector<TestResult> childResults() {
    std::vector<DiscoveredTest> tests{{"suite/ok.litmus", "ok.litmus"},
                                      {"suite/crash.litmus", "crash.litmus"},
                                      {"suite/hang.litmus", "hang.litmus"}};
    std::vector<TestResult> results(tests.size());
    runInChildren(
        tests.size(), {3, 0.3},
        [&](std::size_t i) -> std::string {
            if (i == 1) {
                // Under ASan/UBSan the sanitizer's own SIGSEGV handler would turn the
                // crash into "exit status 1"; the default action gives the real signal.
                std::signal(SIGSEGV, SIG_DFL);
                std::raise(SIGSEGV);
            }
            if (i == 2) {
                ::sleep(30);
            }
            TestResult r = result("ok.litmus", TestStatus::Pass);
            r.path = tests[i].path;
            return toJson(r).dump();
        },
        [&](std::size_t i, const ChildOutcome& outcome) {
            results[i] = resultFromChild(tests[i], outcome, 0.3);
        });
    return results;
}

TEST(CheckJUnit, EscapesXmlSpecialAndControlCharacters) {
    EXPECT_EQ(xmlEscape("a<b>&\"c\"'d'"), "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;");
    EXPECT_EQ(xmlEscape("line\nnext\ttab"), "line\nnext\ttab");
    EXPECT_EQ(xmlEscape(std::string("bell\x07")), "bell\xEF\xBF\xBD");
}

TEST(CheckJUnit, FailureNamesBothVerdictsAndTimeoutIsATypedError) {
    std::vector<TestResult> results{
        result("dir/sub/fail.litmus", TestStatus::Fail, "expected Never, got Sometimes"),
        result("slow.litmus", TestStatus::Timeout, "time limit of 2 s reached"),
        result("bad.litmus", TestStatus::Error, "bad.litmus:3:4: unexpected '<'"),
        result("good.litmus", TestStatus::Pass)};
    std::string xml = formatJUnit("memx check", results, 1.5, 2);
    EXPECT_NE(xml.find("<testsuite name=\"memx check\" tests=\"4\" failures=\"1\" errors=\"2\""),
              std::string::npos)
        << xml;
    EXPECT_NE(xml.find("<testcase classname=\"dir.sub\" name=\"fail.litmus\" time=\"0.250\">"),
              std::string::npos)
        << xml;
    EXPECT_NE(xml.find("<failure type=\"verdict\" message=\"expected Never, got Sometimes\">"),
              std::string::npos)
        << xml;
    EXPECT_NE(xml.find("<error type=\"timeout\" message=\"timed out after 2 s\">"),
              std::string::npos)
        << xml;
    EXPECT_NE(xml.find("unexpected &apos;&lt;&apos;"), std::string::npos) << xml;
    EXPECT_NE(xml.find("<testcase classname=\"memx\" name=\"good.litmus\" time=\"0.250\"/>"),
              std::string::npos)
        << xml;
}

TEST(CheckJUnit, CrashedAndKilledChildrenAppear) {
    auto results = childResults();
    EXPECT_EQ(results[0].status, TestStatus::Pass);
    EXPECT_EQ(results[1].status, TestStatus::Error);
    EXPECT_NE(results[1].message.find("crashed"), std::string::npos) << results[1].message;
    EXPECT_EQ(results[2].status, TestStatus::Timeout);
    std::string xml = formatJUnit("memx check", results, 1, 0.3);
    EXPECT_NE(xml.find("name=\"crash.litmus\""), std::string::npos);
    EXPECT_NE(xml.find("signal 11"), std::string::npos) << xml;
    EXPECT_NE(xml.find("name=\"hang.litmus\""), std::string::npos);
    EXPECT_NE(xml.find("type=\"timeout\""), std::string::npos) << xml;
}

TEST(CheckJUnit, OutputValidatesAgainstTheSchema) {
    if (!testing::haveXmllint()) {
        GTEST_SKIP() << "xmllint is not installed (scripts/install-deps installs libxml2-utils)";
    }
    auto results = childResults();
    results.push_back(result("f.litmus", TestStatus::Fail, "expected \"Never\", got <Always>"));
    results.push_back(result("e.litmus", TestStatus::Error, std::string("ctl\x01 & more")));
    results.push_back(result("n.litmus", TestStatus::NoExpectation, "no expectation"));
    results.back().herdBlock = "Test n Allowed\nStates 1\nx=1;\n";
    TempFolder dir;
    std::string error;
    ASSERT_TRUE(writeTextFile(dir.path() / "junit.xml",
                              formatJUnit("memx <check>", results, 2.5, 0.3), error));
    auto verdict = testing::validateJUnit((dir.path() / "junit.xml").string());
    EXPECT_EQ(verdict.exitCode, 0) << verdict.output;
}

TEST(CheckJUnit, SchemaRejectsATestcaseWithoutName) {
    if (!testing::haveXmllint()) {
        GTEST_SKIP() << "xmllint is not installed (scripts/install-deps installs libxml2-utils)";
    }
    TempFolder dir;
    auto file = dir.write("bad.xml",
                          "<testsuite name=\"s\" tests=\"1\"><testcase classname=\"c\" "
                          "time=\"1\"/></testsuite>\n");
    EXPECT_NE(testing::validateJUnit(file.string()).exitCode, 0);
}

}  // namespace
}  // namespace memx::check
