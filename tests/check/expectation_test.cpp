// The matching rule (judgelitmus.sh's) and expectations read from a CSV.
#include <gtest/gtest.h>

#include "cli/check/expectation.hpp"
#include "cli/check/expectation_table.hpp"
#include "tests/check/temp_folder.hpp"

namespace memx::check {
namespace {

Expectation expect(std::string observation, bool race = false) {
    Expectation e;
    e.observation = std::move(observation);
    e.dataRace = race;
    return e;
}

// A run's facts; a verdict-only run may leave flags unproven (flagsExact false).
Verdict seen(std::string observation, std::uint64_t positive, std::uint64_t negative,
             std::set<std::string> flags, bool flagsExact = true,
             std::set<std::string> unprovenFlags = {}) {
    Verdict v;
    v.observation = std::move(observation);
    v.positive = positive;
    v.negative = negative;
    v.flags = std::move(flags);
    v.flagsExact = flagsExact;
    v.unprovenFlags = std::move(unprovenFlags);
    return v;
}

TEST(CheckMatching, ObservationMustBeEqual) {
    EXPECT_TRUE(meets(seen("Never", 0, 3, {}), expect("Never")));
    EXPECT_FALSE(meets(seen("Sometimes", 1, 2, {}), expect("Never")));
    EXPECT_FALSE(meets(seen("Always", 3, 0, {}), expect("Sometimes")));
}

TEST(CheckMatching, DataraceIsCheckedBothWays) {
    EXPECT_TRUE(meets(seen("Sometimes", 1, 1, {"data-race"}), expect("Sometimes", true)));
    EXPECT_FALSE(meets(seen("Sometimes", 1, 1, {}), expect("Sometimes", true)));
    EXPECT_FALSE(meets(seen("Sometimes", 1, 1, {"data-race"}), expect("Sometimes")));
    EXPECT_TRUE(meets(seen("Sometimes", 1, 1, {"other"}), expect("Sometimes")));
}

// judgelitmus.sh forgives a wrong Always/Sometimes/Never only where DATARACE was predicted and
// the run modelled the race; never a missing or unexpected race, and never "Never 0 0".
TEST(CheckMatching, KernelJudgeForgivesOnlyAModelledPredictedRace) {
    EXPECT_TRUE(
        forgivenByKernelJudge(seen("Sometimes", 1, 1, {"data-race"}), expect("Never", true)));
    EXPECT_FALSE(forgivenByKernelJudge(seen("Sometimes", 1, 1, {}), expect("Never", true)));
    EXPECT_FALSE(forgivenByKernelJudge(seen("Sometimes", 1, 1, {"data-race"}), expect("Never")));
    EXPECT_FALSE(forgivenByKernelJudge(seen("Never", 0, 0, {"data-race"}), expect("Always", true)));
    EXPECT_FALSE(forgivenByKernelJudge(seen("Never", 0, 1, {"data-race"}), expect("Never", true)));
}

TEST(CheckMatching, UndefinedBehaviourCountsAsARace) {
    EXPECT_TRUE(meets(seen("Never", 0, 1, {"*undef*"}), expect("Never", true)));
    EXPECT_FALSE(meets(seen("Never", 0, 1, {"*undef*"}), expect("Never")));
}

TEST(CheckMatching, AnAbsentFlagMustBeProvenAbsent) {
    Verdict exact = seen("Never", 0, 1, {});
    EXPECT_FALSE(unprovenAbsence(exact, expect("Never")));
    // A verdict-only run that searched no flag (word-sized, or a user's model).
    Verdict unsearched = seen("Never", 0, 1, {}, false, {});
    EXPECT_EQ(unprovenAbsence(unsearched, expect("Never")), "data-race");
    // One that stopped searching for torn-read but proved data-race absent.
    Verdict tornOpen = seen("Never", 0, 1, {}, false, {"torn-read"});
    EXPECT_EQ(unprovenAbsence(tornOpen, expect("Never")), "torn-read");
    Expectation torn = expect("Never");
    torn.torn = true;
    tornOpen.flags = {"torn-read"};
    EXPECT_FALSE(unprovenAbsence(tornOpen, torn));
    // A raised flag needs no proof of absence.
    Verdict raced = seen("Sometimes", 1, 1, {"data-race"}, false, {"torn-read"});
    EXPECT_EQ(unprovenAbsence(raced, expect("Sometimes", true)), "torn-read");
}

TEST(CheckMatching, DeadlockMeansNoExecutionAtAll) {
    Expectation deadlock;
    deadlock.deadlock = true;
    EXPECT_TRUE(meets(seen("Never", 0, 0, {}), deadlock));
    EXPECT_FALSE(meets(seen("Never", 0, 2, {}), deadlock));
    EXPECT_EQ(describe(deadlock), "DEADLOCK");
    EXPECT_EQ(describe(seen("Never", 0, 2, {}), deadlock), "Never 0 2");
}

TEST(CheckMatching, TornNeedsTheTornFlag) {
    Expectation torn = expect("Sometimes");
    torn.torn = true;
    EXPECT_TRUE(meets(seen("Sometimes", 1, 1, {"torn-read"}), torn));
    EXPECT_FALSE(meets(seen("Sometimes", 1, 1, {}), torn));
    EXPECT_FALSE(meets(seen("Sometimes", 1, 1, {"torn-read"}), expect("Sometimes")));
}

TEST(CheckMatching, DescriptionsNameBothSidesAlike) {
    EXPECT_EQ(describe(expect("Sometimes", true)), "Sometimes DATARACE");
    EXPECT_EQ(describe(seen("Never", 0, 1, {"data-race"}), expect("Never")), "Never DATARACE");
    litmus::ExpectedResult comment{"Always", true, false, false};
    EXPECT_EQ(describe(fromResultComment(comment)), "Always DATARACE");
}

TEST(CheckExpectationCsv, SplitsQuotedFields) {
    EXPECT_EQ(splitCsvLine("a,\"b,c\",\"d\"\"e\",,\r"),
              (std::vector<std::string>{"a", "b,c", "d\"e", "", ""}));
}

TEST(CheckExpectationCsv, RowsAreFoundByTheTestPathRelativeToTheCsv) {
    testing::TempFolder dir;
    dir.write("sub/t1.litmus", "");
    auto csv = dir.write("suite/expected.csv",
                         "flags,test,data_race,observation\n"
                         "x;y,t1.litmus,1,Sometimes\n"
                         ",deep/t2.litmus,0,Never\n"
                         ",t3.litmus,,\n");
    DiagnosticSink sink;
    auto table = ExpectationTable::read(csv, sink);
    ASSERT_TRUE(table) << (sink.diagnostics().empty() ? "" : sink.diagnostics()[0].message);
    EXPECT_EQ(table->size(), 2u);
    auto t1 = table->find(dir.path() / "suite/t1.litmus");
    ASSERT_TRUE(t1);
    EXPECT_EQ(t1->observation, "Sometimes");
    EXPECT_TRUE(t1->dataRace);
    auto t2 = table->find(dir.path() / "suite/deep/../deep/t2.litmus");
    ASSERT_TRUE(t2);
    EXPECT_EQ(t2->observation, "Never");
    EXPECT_FALSE(t2->dataRace);
    EXPECT_FALSE(table->find(dir.path() / "suite/t3.litmus"));  // empty observation
    EXPECT_FALSE(table->find(dir.path() / "sub/t1.litmus"));
}

TEST(CheckExpectationCsv, AnOptionalTornColumnExpectsTheTornReadFlag) {
    DiagnosticSink sink;
    auto table = ExpectationTable::parse(
        "test,observation,data_race,torn\n"
        "a.litmus,Sometimes,1,1\nb.litmus,Never,0,\n",
        "/suite/e.csv", sink);
    ASSERT_TRUE(table);
    ASSERT_TRUE(table->find("/suite/a.litmus"));
    EXPECT_TRUE(table->find("/suite/a.litmus")->torn);
    EXPECT_FALSE(table->find("/suite/b.litmus")->torn);
    EXPECT_FALSE(ExpectationTable::parse("test,observation,torn\na,Never,yes\n", "e.csv", sink));
    ASSERT_EQ(sink.diagnostics().size(), 1u);
    EXPECT_EQ(sink.diagnostics()[0].range.begin.line, 2u);
}

TEST(CheckExpectationCsv, BadHeaderAndBadValuesAreDiagnosedWithTheLine) {
    DiagnosticSink sink;
    EXPECT_FALSE(ExpectationTable::parse("name,verdict\n", "e.csv", sink));
    ASSERT_EQ(sink.diagnostics().size(), 1u);
    EXPECT_EQ(sink.diagnostics()[0].range.begin.line, 1u);
    sink.clear();
    EXPECT_FALSE(ExpectationTable::parse("test,observation\na,Never\nb,Maybe\n", "e.csv", sink));
    ASSERT_EQ(sink.diagnostics().size(), 1u);
    EXPECT_EQ(sink.diagnostics()[0].range.begin.line, 3u);
    EXPECT_EQ(sink.diagnostics()[0].file, "e.csv");
    sink.clear();
    EXPECT_FALSE(ExpectationTable::read("/nonexistent/memx/e.csv", sink));
    EXPECT_TRUE(sink.hasErrors());
}

}  // namespace
}  // namespace memx::check
