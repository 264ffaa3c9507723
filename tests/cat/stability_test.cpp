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

}  // namespace
}  // namespace memx::cat
