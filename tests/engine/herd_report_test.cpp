// herd7's result block, line for line, and its Condition line.
#include <gtest/gtest.h>

#include "solver/condition_printer.hpp"
#include "solver/herd_report.hpp"
#include "solver/text_digest.hpp"

namespace memx::solver {
namespace {

litmus::PropPtr make(litmus::Prop p) {
    return std::make_shared<litmus::Prop>(std::move(p));
}

litmus::PropPtr atom(std::optional<int> thread, const std::string& name, std::int64_t v,
                     bool negated = false) {
    litmus::PropAtom a;
    a.lhs.thread = thread;
    a.lhs.name = name;
    a.rhs.value = v;
    a.negated = negated;
    return make({a, {}});
}

litmus::PropPtr pointsTo(int thread, const std::string& reg, const std::string& symbol) {
    litmus::PropAtom a;
    a.lhs.thread = thread;
    a.lhs.name = reg;
    a.rhs.kind = litmus::CondValue::Kind::Address;
    a.rhs.symbol = symbol;
    return make({a, {}});
}

litmus::PropPtr conj(litmus::PropPtr a, litmus::PropPtr b) {
    return make({litmus::PropAnd{a, b}, {}});
}
litmus::PropPtr disj(litmus::PropPtr a, litmus::PropPtr b) {
    return make({litmus::PropOr{a, b}, {}});
}

TEST(ConditionPrinter, PrintsHerdOperatorsAndParentheses) {
    auto p =
        conj(disj(atom(0, "r0", 0), atom(0, "r0", 2)), disj(atom(1, "r1", 0), atom(1, "r1", 2)));
    EXPECT_EQ(printProp(*p), "(0:r0=0 \\/ 0:r0=2) /\\ (1:r1=0 \\/ 1:r1=2)");
    auto flat = conj(atom(1, "r0", 1), conj(atom(1, "r1", 0), atom(std::nullopt, "x", 2)));
    EXPECT_EQ(printProp(*flat), "1:r0=1 /\\ 1:r1=0 /\\ x=2");
    auto orOfAnds = disj(conj(atom(0, "r0", 1), atom(0, "r1", 1)), atom(0, "r2", 0));
    EXPECT_EQ(printProp(*orOfAnds), "0:r0=1 /\\ 0:r1=1 \\/ 0:r2=0");
}

TEST(ConditionPrinter, NegationsAndQuantifiers) {
    litmus::Condition c;
    c.quantifier = litmus::Quantifier::Exists;
    c.prop = atom(0, "lock1", 0, true);
    EXPECT_EQ(printCondition(c), "exists (not (0:lock1=0))");
    c.quantifier = litmus::Quantifier::NotExists;
    c.prop = make({litmus::PropNot{conj(atom(0, "r0", 1), pointsTo(1, "r0", "x"))}, {}});
    EXPECT_EQ(printCondition(c), "~exists (not (0:r0=1 /\\ 1:r0=x))");
    c.quantifier = litmus::Quantifier::Forall;
    c.prop = make({litmus::PropTrue{}, {}});
    EXPECT_EQ(printCondition(c), "forall (true)");
    EXPECT_EQ(conditionKind(litmus::Quantifier::Forall), "Required");
    EXPECT_EQ(conditionKind(litmus::Quantifier::NotExists), "Forbidden");
}

TestOutcome sampleOutcome() {
    TestOutcome o;
    o.name = "S+ponarelease+addrnana";
    FinalState a{{{{1, "r0"}, {0x100000, "x"}}, {{-1, "x"}, {1, ""}}}};
    FinalState b{{{{1, "r0"}, {0x100000, "x"}}, {{-1, "x"}, {2, ""}}}};
    o.states = {b, a};
    o.positive = 1;
    o.negative = 1;
    o.flags = {"data-race"};
    return o;
}

TEST(HerdReport, MatchesHerdBlockLineForLine) {
    litmus::Program p;
    p.name = "S+ponarelease+addrnana";
    p.condition.prop = conj(pointsTo(1, "r0", "x"), atom(std::nullopt, "x", 2));
    auto text = formatHerdReport(p, sampleOutcome(), "a61acf2e8e51c2129d33ddf5e4c76a49");
    // herd7 7.58 brackets shared locations in States and on the Condition line.
    EXPECT_EQ(text,
              "Test S+ponarelease+addrnana Allowed\n"
              "States 2\n"
              "1:r0=x; [x]=1;\n"
              "1:r0=x; [x]=2;\n"
              "Ok\n"
              "Witnesses\n"
              "Positive: 1 Negative: 1\n"
              "Flag data-race\n"
              "Condition exists (1:r0=x /\\ [x]=2)\n"
              "Observation S+ponarelease+addrnana Sometimes 1 1\n"
              "Time S+ponarelease+addrnana 0.00\n"
              "Hash=a61acf2e8e51c2129d33ddf5e4c76a49\n\n");
}

TEST(HerdReport, PlainStyleIsMemxsEarlierForm) {
    litmus::Program p;
    p.name = "S+ponarelease+addrnana";
    p.condition.prop = conj(pointsTo(1, "r0", "x"), atom(std::nullopt, "x", 2));
    auto text = formatHerdReport(p, sampleOutcome(), "h", LocationStyle::Plain);
    EXPECT_NE(text.find("States 2\n1:r0=x; x=1;\n1:r0=x; x=2;\n"), std::string::npos);
    EXPECT_NE(text.find("Condition exists (1:r0=x /\\ x=2)\n"), std::string::npos);
}

TEST(HerdReport, NotExistsSwapsWitnessesButNotObservation) {
    litmus::Program p;
    p.name = "T";
    p.condition.quantifier = litmus::Quantifier::NotExists;
    p.condition.prop = atom(0, "r0", 1);
    TestOutcome o;
    o.name = "T";
    o.quantifier = litmus::Quantifier::NotExists;
    o.positive = 3;
    o.negative = 9;
    auto text = formatHerdReport(p, o, "h");
    EXPECT_NE(text.find("Test T Forbidden\n"), std::string::npos);
    EXPECT_NE(text.find("\nNo\n"), std::string::npos);
    EXPECT_NE(text.find("Positive: 9 Negative: 3\n"), std::string::npos);
    EXPECT_NE(text.find("Observation T Sometimes 3 9\n"), std::string::npos);
}

TEST(HerdReport, VerdictLines) {
    TestOutcome o;
    o.quantifier = litmus::Quantifier::Forall;
    o.positive = 2;
    EXPECT_TRUE(o.conditionSatisfied());
    EXPECT_EQ(observationOf(o), "Always");
    o.negative = 1;
    EXPECT_FALSE(o.conditionSatisfied());
    o.quantifier = litmus::Quantifier::NotExists;
    o.positive = 0;
    EXPECT_TRUE(o.conditionSatisfied());
    EXPECT_EQ(observationOf(o), "Never");
    litmus::Program p;
    o.undefined = true;
    o.flags = {"*undef*", "data-race"};
    auto text = formatHerdReport(p, o, "h");
    EXPECT_NE(text.find("\nUndef\n"), std::string::npos);
    EXPECT_NE(text.find("Flag *undef*\nFlag data-race\n"), std::string::npos);
}

TEST(HerdReport, TimeoutReportHasNoVerdict) {
    litmus::Program p;
    p.name = "Slow";
    TestOutcome o;
    o.name = "Slow";
    o.timedOut = true;
    auto text = formatTimeoutReport(p, o, 10);
    EXPECT_NE(text.find("Timeout after 10 s"), std::string::npos);
    EXPECT_EQ(text.find("Observation"), std::string::npos);
}

TEST(TextDigest, ThirtyTwoHexDigitsAndSensitiveToText) {
    auto a = textDigest("C test\n{}\n");
    EXPECT_EQ(a.size(), 32u);
    EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_NE(a, textDigest("C test\n{ }\n"));
    EXPECT_EQ(a, textDigest("C test\n{}\n"));
}

}  // namespace
}  // namespace memx::solver
