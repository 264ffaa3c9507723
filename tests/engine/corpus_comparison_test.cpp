// The corpus harness's comparison with herd7's recorded results.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/engine/corpus_comparison.hpp"

namespace memx::corpus {
namespace {

TEST(CorpusComparison, CanonicalStateDropsBracketsAndSpacesAndSortsItems) {
    EXPECT_EQ(canonicalState("x=1; [y]=2; 0:r0=0;"), "0:r0=0; x=1; y=2;");
    EXPECT_EQ(canonicalState("1:r0=x;"), "1:r0=x;");
}

solver::TestOutcome outcome(std::uint64_t pos, std::uint64_t neg) {
    solver::TestOutcome o;
    o.positive = pos;
    o.negative = neg;
    o.states.insert(solver::FinalState{{{{0, "r0"}, {1, ""}}, {{-1, "x"}, {2, ""}}}});
    return o;
}

ExpectedRow row() {
    ExpectedRow r;
    r.status = "ok";
    r.observation = "Sometimes";
    r.states = {"0:r0=1; x=2;"};
    r.positive = 1;
    r.negative = 2;
    return r;
}

TEST(CorpusComparison, AgreesOnlyWhenAllFourAspectsMatch) {
    EXPECT_TRUE(compareWithHerd(row(), outcome(1, 2)).agrees());
    auto c = compareWithHerd(row(), outcome(1, 3));
    EXPECT_FALSE(c.witnesses);
    EXPECT_TRUE(c.observation);
    auto never = compareWithHerd(row(), outcome(0, 3));
    EXPECT_FALSE(never.observation);
    auto flagged = outcome(1, 2);
    flagged.flags.insert("data-race");
    EXPECT_FALSE(compareWithHerd(row(), flagged).flags);
    auto r = row();
    r.states.insert("0:r0=0; x=0;");
    auto s = compareWithHerd(r, outcome(1, 2));
    EXPECT_FALSE(s.states);
    ASSERT_EQ(s.details.size(), 1u);
    EXPECT_NE(s.details[0].find("missing 0:r0=0; x=0;"), std::string::npos);
}

TEST(CorpusComparison, ReadsExpectationsWithCrlfAndKnownDifferences) {
    auto dir = std::filesystem::temp_directory_path() / "memx-corpus-test";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "expected.csv")
        << "test,observation,data_race,flags,nstates,states,positive,negative,herd7_seconds,"
           "status\r\n"
        << "a.litmus,Sometimes,1,data-race,2,x=1; | x=2;,1,1,0.5,ok\r\n";
    auto rows = readExpectations((dir / "expected.csv").string());
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].status, "ok");
    EXPECT_EQ(rows[0].states, (std::set<std::string>{"x=1;", "x=2;"}));
    EXPECT_EQ(rows[0].flags, (std::set<std::string>{"data-race"}));
    EXPECT_EQ(rows[0].positive, 1);
    std::ofstream(dir / "known.txt")
        << "# comment\nlkmm/a.litmus [upstream] why\nkernel/b.litmus x\n";
    auto known = readKnownDifferences((dir / "known.txt").string());
    ASSERT_EQ(known.size(), 2u);
    EXPECT_EQ(known["lkmm/a.litmus"].model, "upstream");
    EXPECT_FALSE(known["kernel/b.litmus"].model);
}

}  // namespace
}  // namespace memx::corpus
