// Atomic read-modify-writes under variant lkmmv2: the tag on both halves, rmw links, the
// conditional write of cmpxchg and atomic_add_unless, and returned values.
#include <gtest/gtest.h>

#include "event_test_support.hpp"

namespace memx::testing {
namespace {

using namespace ast;
using model::EventKind;

// Builds `P0(int *x) { int r0 = <e>; }` and returns the structure.
model::EventStructure buildOne(litmus::ExprPtr e) {
    litmus::Program p;
    p.init.push_back(initLocation("x", 0));
    p.threads.push_back(thread(0, {"x"}, {decl("r0", std::move(e))}));
    return build(p);
}

TEST(Xchg, MbTaggedReadAndWriteLinkedByRmw) {
    auto es = buildOne(call("xchg", {id("x"), num(5)}));
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 2u) << "lkmmv2: no wrapping fences";
    EXPECT_EQ(ev[0]->kind, EventKind::Read);
    EXPECT_EQ(ev[1]->kind, EventKind::Write);
    EXPECT_EQ(setsOf(*ev[0]), "MB,R,RMW");
    EXPECT_EQ(setsOf(*ev[1]), "MB,RMW,W");
    EXPECT_TRUE(hasEdge(es.rmw, indexOf(es, ev[0]), indexOf(es, ev[1])));
    EXPECT_EQ(evaluate(es, ev[1]->value), 5);
    EXPECT_EQ(evaluate(es, ev[1]->guard), 1);
    EXPECT_EQ(es.finalRegisters.at(0).at("r0"), ev[0]->value) << "xchg returns the old value";
    EXPECT_FALSE(hasEdge(es.data, indexOf(es, ev[0]), indexOf(es, ev[1])));
}

TEST(Xchg, OrderingSuffixTagsBothHalves) {
    auto es = buildOne(call("xchg_acquire", {id("x"), num(1)}));
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 2u);
    EXPECT_EQ(setsOf(*ev[0]), "ACQUIRE,R,RMW");
    EXPECT_EQ(setsOf(*ev[1]), "ACQUIRE,RMW,W");
}

TEST(Cmpxchg, WriteOnlyWhenTheReadSeesOld) {
    auto es = buildOne(call("cmpxchg_release", {id("x"), num(0), num(2)}));
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 2u);
    const auto r = indexOf(es, ev[0]);
    EXPECT_EQ(setsOf(*ev[0]), "R,RELEASE,RMW") << "a failed cmpxchg is still an RMW read";
    EXPECT_EQ(setsOf(*ev[1]), "RELEASE,RMW,W");
    EXPECT_EQ(evaluate(es, ev[0]->guard, {{r, 7}}), 1);
    EXPECT_EQ(evaluate(es, ev[1]->guard, {{r, 0}}), 1) << "success";
    EXPECT_EQ(evaluate(es, ev[1]->guard, {{r, 7}}), 0) << "failure: no write";
    EXPECT_EQ(evaluate(es, ev[1]->value), 2);
    EXPECT_TRUE(hasEdge(es.rmw, r, indexOf(es, ev[1])));
    EXPECT_EQ(evaluate(es, es.finalRegisters.at(0).at("r0"), {{r, 7}}), 7);
}

TEST(AtomicOp, NonReturningIsNoreturnOnBothHalves) {
    litmus::Program p;
    p.threads.push_back(thread(0, {"v"}, {expr(call("atomic_add", {num(3), id("v")}))}));
    auto es = build(p);
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 2u);
    const auto r = indexOf(es, ev[0]), w = indexOf(es, ev[1]);
    EXPECT_EQ(setsOf(*ev[0]), "NORETURN,R,RMW");
    EXPECT_EQ(setsOf(*ev[1]), "NORETURN,RMW,W");
    EXPECT_EQ(evaluate(es, ev[1]->value, {{r, 10}}), 13);
    EXPECT_TRUE(hasEdge(es.rmw, r, w));
    EXPECT_TRUE(hasEdge(es.data, r, w)) << "the written value is computed from the read";
}

TEST(AtomicOp, AndnotClearsTheOperandBits) {
    litmus::Program p;
    p.threads.push_back(thread(0, {"v"}, {expr(call("atomic_andnot", {num(6), id("v")}))}));
    auto es = build(p);
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 2u);
    EXPECT_EQ(evaluate(es, ev[1]->value, {{indexOf(es, ev[0]), 0xF}}), 0x9);
}

TEST(AtomicOpReturn, ReturnsNewValueFetchReturnsOld) {
    litmus::Program p;
    p.threads.push_back(thread(0, {"v"},
                               {decl("r0", call("atomic_inc_return_relaxed", {id("v")})),
                                decl("r1", call("atomic_fetch_sub_release", {num(2), id("v")}))}));
    auto es = build(p);
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 4u);
    EXPECT_EQ(setsOf(*ev[0]), "ONCE,R,RMW");
    EXPECT_EQ(setsOf(*ev[1]), "ONCE,RMW,W");
    EXPECT_EQ(setsOf(*ev[2]), "R,RELEASE,RMW");
    EXPECT_EQ(setsOf(*ev[3]), "RELEASE,RMW,W");
    const auto r0 = indexOf(es, ev[0]), r1 = indexOf(es, ev[2]);
    const auto& regs = es.finalRegisters.at(0);
    EXPECT_EQ(evaluate(es, regs.at("r0"), {{r0, 4}}), 5);
    EXPECT_EQ(evaluate(es, regs.at("r1"), {{r1, 4}}), 4);
    EXPECT_EQ(evaluate(es, ev[3]->value, {{r1, 4}}), 2);
}

TEST(AtomicOpReturn, AndTestComparesTheNewValueWithZero) {
    litmus::Program p;
    p.threads.push_back(thread(0, {"v"}, {decl("r0", call("atomic_dec_and_test", {id("v")}))}));
    auto es = build(p);
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 2u);
    EXPECT_EQ(setsOf(*ev[0]), "MB,R,RMW");
    const auto r = indexOf(es, ev[0]);
    EXPECT_EQ(evaluate(es, es.finalRegisters.at(0).at("r0"), {{r, 1}}), 1);
    EXPECT_EQ(evaluate(es, es.finalRegisters.at(0).at("r0"), {{r, 2}}), 0);
}

TEST(AtomicAddUnless, AddsAndReturnsOneUnlessTheValueIsU) {
    litmus::Program p;
    p.threads.push_back(
        thread(0, {"v"}, {decl("r0", call("atomic_add_unless", {id("v"), num(1), num(5)}))}));
    auto es = build(p);
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 2u);
    const auto r = indexOf(es, ev[0]);
    EXPECT_EQ(setsOf(*ev[0]), "MB,R,RMW");
    EXPECT_EQ(setsOf(*ev[1]), "MB,RMW,W");
    EXPECT_EQ(evaluate(es, ev[1]->guard, {{r, 5}}), 0);
    EXPECT_EQ(evaluate(es, ev[1]->guard, {{r, 2}}), 1);
    EXPECT_EQ(evaluate(es, ev[1]->value, {{r, 2}}), 3);
    EXPECT_EQ(evaluate(es, es.finalRegisters.at(0).at("r0"), {{r, 5}}), 0);
    EXPECT_EQ(evaluate(es, es.finalRegisters.at(0).at("r0"), {{r, 2}}), 1);
}

}  // namespace
}  // namespace memx::testing
