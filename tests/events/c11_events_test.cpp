// herd's built-in C11 functions: memory-order sets, "A", RMW pairs and compare-exchange.
#include <gtest/gtest.h>

#include "event_test_support.hpp"

namespace memx::testing {
namespace {

using namespace ast;
using model::EventKind;

TEST(C11Accesses, MemoryOrderArgumentBecomesTheSet) {
    litmus::Program p;
    p.threads.push_back(
        thread(0, {"x", "y"},
               {decl("r0", call("atomic_load_explicit", {id("x"), id("memory_order_acquire")})),
                expr(call("atomic_store_explicit", {id("y"), num(1), id("memory_order_release")})),
                decl("r1", call("atomic_load", {id("x")})),
                expr(call("atomic_thread_fence", {id("memory_order_acq_rel")})),
                assign(deref(id("y")), num(2))}));
    auto es = build(p);
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 5u);
    EXPECT_EQ(setsOf(*ev[0]), "A,ACQ,R");
    EXPECT_EQ(setsOf(*ev[1]), "A,REL,W");
    EXPECT_EQ(setsOf(*ev[2]), "A,R,SC") << "without _explicit: seq_cst";
    EXPECT_EQ(setsOf(*ev[3]), "ACQ_REL,F") << "fences are not in A";
    EXPECT_EQ(setsOf(*ev[4]), "W") << "plain accesses are non-atomic";
    EXPECT_EQ(evaluate(es, ev[0]->address), model::LocationTable::addressOf(0));
    EXPECT_EQ(evaluate(es, ev[1]->value), 1);
}

TEST(C11Accesses, FetchAddIsAnRmwPairWithoutInnerDataEdge) {
    litmus::Program p;
    p.threads.push_back(thread(0, {"x"},
                               {decl("r0", call("atomic_fetch_add_explicit",
                                                {id("x"), num(2), id("memory_order_relaxed")}))}));
    auto es = build(p);
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 2u);
    EXPECT_EQ(setsOf(*ev[0]), "A,R,RLX,RMW");
    EXPECT_EQ(setsOf(*ev[1]), "A,RLX,RMW,W");
    const auto r = indexOf(es, ev[0]), w = indexOf(es, ev[1]);
    EXPECT_TRUE(hasEdge(es.rmw, r, w));
    EXPECT_FALSE(hasEdge(es.data, r, w));
    EXPECT_EQ(evaluate(es, ev[1]->value, {{r, 5}}), 7);
    EXPECT_EQ(evaluate(es, es.finalRegisters.at(0).at("r0"), {{r, 5}}), 5);
}

TEST(C11CompareExchange, StrongChoosesSuccessOrAMismatchingFailure) {
    litmus::Program p;
    p.threads.push_back(
        thread(0, {"x", "e"},
               {decl("r0", call("atomic_compare_exchange_strong_explicit",
                                {id("x"), id("e"), num(9), id("memory_order_acquire"),
                                 id("memory_order_relaxed")}))}));
    auto es = build(p);
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 5u);
    EXPECT_EQ(setsOf(*ev[0]), "R") << "*expected is read non-atomically";
    EXPECT_EQ(setsOf(*ev[1]), "A,ACQ,R,RMW");
    EXPECT_EQ(setsOf(*ev[2]), "A,ACQ,RMW,W");
    EXPECT_EQ(setsOf(*ev[3]), "A,R,RLX") << "failure read: failure order, not an RMW";
    EXPECT_EQ(setsOf(*ev[4]), "W") << "failure stores the value seen to *expected";
    ASSERT_EQ(es.choiceCount, 1u);
    for (int c = 0; c <= 1; ++c) {
        EXPECT_EQ(evaluate(es, ev[1]->guard, {}, {{0, c}}), c);
        EXPECT_EQ(evaluate(es, ev[2]->guard, {}, {{0, c}}), c);
        EXPECT_EQ(evaluate(es, ev[3]->guard, {}, {{0, c}}), 1 - c);
        EXPECT_EQ(evaluate(es, ev[4]->guard, {}, {{0, c}}), 1 - c);
        EXPECT_EQ(evaluate(es, es.finalRegisters.at(0).at("r0"), {}, {{0, c}}), c);
    }
    EXPECT_EQ(evaluate(es, ev[2]->value), 9);
    EXPECT_EQ(evaluate(es, ev[4]->address), model::LocationTable::addressOf(1));
    const auto expected = indexOf(es, ev[0]), ok = indexOf(es, ev[1]), bad = indexOf(es, ev[3]);
    ASSERT_EQ(es.assumptions.size(), 2u);
    const auto& [successGuard, successFact] = es.assumptions[0];
    EXPECT_EQ(evaluate(es, successGuard, {}, {{0, 1}}), 1);
    EXPECT_EQ(evaluate(es, successFact, {{expected, 3}, {ok, 3}}), 1);
    EXPECT_EQ(evaluate(es, successFact, {{expected, 3}, {ok, 4}}), 0);
    const auto& [failureGuard, failureFact] = es.assumptions[1];
    EXPECT_EQ(evaluate(es, failureGuard, {}, {{0, 0}}), 1);
    EXPECT_EQ(evaluate(es, failureFact, {{expected, 3}, {bad, 3}}), 0);
}

TEST(C11CompareExchange, WeakMayFailSpuriously) {
    litmus::Program p;
    p.threads.push_back(
        thread(0, {"x", "e"},
               {decl("r0", call("atomic_compare_exchange_weak", {id("x"), id("e"), num(1)}))}));
    auto es = build(p);
    EXPECT_EQ(es.assumptions.size(), 1u) << "only the success fact";
    EXPECT_EQ(setsOf(*threadEvents(es, 0)[1]), "A,R,RMW,SC");
}

TEST(C11Accesses, UnknownMemoryOrderIsADiagnostic) {
    litmus::Program p;
    p.threads.push_back(
        thread(0, {"x"}, {expr(call("atomic_thread_fence", {id("memory_order_fast")}))}));
    DiagnosticSink sink;
    EXPECT_FALSE(model::buildEvents(p, model::lkmmPrimitives(), "c.litmus", sink).has_value());
    ASSERT_EQ(sink.diagnostics().size(), 1u);
    EXPECT_NE(sink.diagnostics()[0].message.find("expected a memory order"), std::string::npos);
}

}  // namespace
}  // namespace memx::testing
