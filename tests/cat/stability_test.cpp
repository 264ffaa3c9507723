// Which statements the evaluator may run once per candidate instead of once per coherence
// order and `with` choice, and that doing so changes no verdict.
#include <gtest/gtest.h>

#include "graph_builder.hpp"
#include "model/cat/compiled_model.hpp"
#include "model_files.hpp"

namespace memx::cat {
namespace {

using testing::firstMessage;
using testing::GraphBuilder;
using testing::TempFolder;

std::shared_ptr<const Model> load(const TempFolder& dir, const std::string& text) {
    DiagnosticSink sink;
    auto m = loadModel(dir.write("m.cat", text), std::nullopt, {}, sink);
    EXPECT_NE(m, nullptr) << firstMessage(sink);
    return m;
}

// The stability of each statement that comes from m.cat (the standard library comes first).
std::vector<int> stabilityOfOwnStatements(const Model& m) {
    std::vector<int> out;
    for (std::size_t i = 0; i < m.statements.size(); ++i)
        if (m.files[m.statements[i].loc.file].ends_with("m.cat"))
            out.push_back(m.stable[i]);
    return out;
}

TEST(StabilityTest, WhatReadsCoherenceOrAChoiceVariesAndTheRestIsStable) {
    TempFolder dir;
    auto m = load(dir,
                  "let a = po\n"                          // stable
                  "let b = co\n"                          // coherence
                  "let c = a | b\n"                       // through b
                  "acyclic a as static-check\n"           // stable
                  "acyclic c as dynamic-check\n"          // through c
                  "let f x = x ; fr\n"                    // a function reading fr
                  "let d = f(po)\n"                       // through f's body
                  "with w from {po, 0}\n"                 // its set of choices is stable
                  "let e = w | a\n"                       // the choice itself varies
                  "let g = a ; a\n"                       // stable even after the `with`
                  "procedure p(r) = acyclic r | b end\n"  // reads co in its body
                  "call p(a) as called\n");               // calls always vary
    ASSERT_TRUE(m);
    EXPECT_EQ(stabilityOfOwnStatements(*m), (std::vector<int>{1, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0}));
}

TEST(StabilityTest, StableChecksAreReplayedForEveryCoherenceOrder) {
    // Two writes to x after the initial one: two coherence orders, each a full execution.
    // The stable check fails on both (po has a pair), the varying one only on one order.
    TempFolder dir;
    auto m = load(dir,
                  "flag ~empty po as has-po\n"
                  "let fr-co = fr | co\n"
                  "flag ~empty fr-co & po^-1 as against-po\n"
                  "empty po \\ po as never\n");
    ASSERT_TRUE(m);
    GraphBuilder b;
    b.init("x");
    b.write(0, "x", 1);
    b.write(0, "x", 2);
    std::vector<std::vector<std::string>> flags;
    evaluate(*m, b.build(), {}, [&](const ExecutionVerdict& v) {
        EXPECT_TRUE(v.allowed);
        EXPECT_EQ(v.checks.size(), 3U);
        flags.push_back(v.flags);
    });
    ASSERT_EQ(flags.size(), 2U);
    EXPECT_EQ(flags[0], (std::vector<std::string>{"has-po"}));
    EXPECT_EQ(flags[1], (std::vector<std::string>{"has-po", "against-po"}));
}

// Incremental evaluation across choices: a varying statement whose varying inputs hold the
// same values as for the previous choice takes its previous result again.
struct ChoiceRun {
    std::vector<std::vector<std::string>> flags;
    std::vector<bool> allowed;
    EvaluateOptions::StatementCounts counts;
};

ChoiceRun runChoices(const Model& m) {
    GraphBuilder b;
    b.init("x");
    b.write(0, "x", 1);
    b.write(0, "x", 2);
    ChoiceRun out;
    EvaluateOptions options;
    options.statementCounts = &out.counts;
    evaluate(m, b.build(), options, [&](const ExecutionVerdict& v) {
        out.flags.push_back(v.flags);
        out.allowed.push_back(v.allowed);
    });
    return out;
}

TEST(StabilityTest, AStatementWhoseInputsDidNotChangeIsNotEvaluatedAgain) {
    // Two coherence orders, times three choices of w. `same` reads w but ignores its value
    // (w & 0): it is evaluated again for each choice, and gives the same relation, so the
    // flag on it is reused for the second and third choice of each order.
    TempFolder dir;
    auto m = load(dir,
                  "with w from {po, id, 0}\n"
                  "let same = (w & 0) | co\n"
                  "flag ~empty same as same-nonempty\n"
                  "let differs = w | (co & 0)\n"
                  "flag ~empty differs & id as differs-id\n");
    ASSERT_TRUE(m);
    ChoiceRun run = runChoices(*m);
    ASSERT_EQ(run.flags.size(), 6U);
    // Every execution still gets its own verdict: w = id raises differs-id, the others not.
    int withId = 0;
    for (const auto& flags : run.flags) {
        EXPECT_EQ(flags.front(), "same-nonempty");
        withId += flags.size() == 2 ? 1 : 0;
    }
    EXPECT_EQ(withId, 2);
    // 6 executions x 4 statements = 24, of which 2 x 2 flags reused.
    EXPECT_EQ(run.counts.reused, 4U);
    EXPECT_EQ(run.counts.evaluated, 20U);
}

TEST(StabilityTest, AFunctionReadingAChoiceIsNeverTakenAsUnchanged) {
    // `f` reads w in its body. Its value (the same closure each time) says nothing of w, so
    // `d = f(0)` must be evaluated for each choice: d is po for one choice and empty for the
    // other, and only that choice raises the flag.
    TempFolder dir;
    auto m = load(dir,
                  "with w from {po, 0}\n"
                  "let f x = x | w\n"
                  "let d = f(0) | (co & 0)\n"
                  "flag ~empty d as d-nonempty\n");
    ASSERT_TRUE(m);
    ChoiceRun run = runChoices(*m);
    ASSERT_EQ(run.flags.size(), 4U);  // 2 coherence orders x 2 choices
    int raised = 0;
    for (const auto& flags : run.flags)
        raised += flags.empty() ? 0 : 1;
    EXPECT_EQ(raised, 2);
}

TEST(StabilityTest, AReusedAxiomStillRejects) {
    // `bad` reads only w and fails; the second coherence order reuses the failed check, which
    // must still reject that execution.
    TempFolder dir;
    auto m = load(dir,
                  "let c = co | 0\n"
                  "with w from {po}\n"
                  "acyclic w | w^-1 as bad\n"
                  "flag ~empty c as has-co\n");
    ASSERT_TRUE(m);
    ChoiceRun run = runChoices(*m);
    EXPECT_EQ(run.allowed, (std::vector<bool>{false, false}));
    EXPECT_EQ(run.counts.reused, 1U);
}

}  // namespace
}  // namespace memx::cat
