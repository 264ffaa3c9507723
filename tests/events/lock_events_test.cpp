// Spinlocks and SRCU: herd's dedicated lock events, outside the base R and W sets, the
// trylock / is_locked choices, and SRCU's accesses and located sync event.
#include <gtest/gtest.h>

#include "event_test_support.hpp"

namespace memx::testing {
namespace {

using namespace ast;
using model::EventKind;
using model::LocationTable;

TEST(SpinLock, LockIsLkrThenLkwUnlockIsUl) {
    litmus::Program p;
    p.threads.push_back(thread(
        0, {"s"}, {expr(call("spin_lock", {id("s")})), expr(call("spin_unlock", {id("s")}))}));
    auto es = build(p);
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 3u);
    EXPECT_EQ(setsOf(*ev[0]), "LK,LKR");
    EXPECT_EQ(setsOf(*ev[1]), "LK,LKW");
    EXPECT_EQ(setsOf(*ev[2]), "UL");
    EXPECT_EQ(ev[0]->kind, EventKind::Read);
    EXPECT_EQ(ev[1]->kind, EventKind::Write);
    EXPECT_EQ(ev[2]->kind, EventKind::Write);
    for (const auto* e : ev) {
        EXPECT_EQ(evaluate(es, e->address), LocationTable::addressOf(0));
        EXPECT_FALSE(inSet(*e, "R") || inSet(*e, "W")) << "lock.cat adds lock events to R/W";
    }
    EXPECT_TRUE(es.rmw.empty()) << "lock.cat builds lk-rmw itself";
    EXPECT_EQ(es.choiceCount, 0u);
}

TEST(SpinTrylock, ChoiceBetweenLockPairAndLockFail) {
    litmus::Program p;
    p.threads.push_back(thread(0, {"s"}, {decl("r0", call("spin_trylock", {id("s")}))}));
    auto es = build(p);
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 3u);
    EXPECT_EQ(setsOf(*ev[0]), "LK,LKR");
    EXPECT_EQ(setsOf(*ev[1]), "LK,LKW");
    EXPECT_EQ(setsOf(*ev[2]), "LF");
    EXPECT_EQ(ev[2]->kind, EventKind::Read);
    ASSERT_EQ(es.choiceCount, 1u);
    ASSERT_EQ(es.choiceGuards.size(), 1u);
    EXPECT_EQ(evaluate(es, es.choiceGuards[0]), 1);
    for (int c = 0; c <= 1; ++c) {
        EXPECT_EQ(evaluate(es, ev[0]->guard, {}, {{0, c}}), c);
        EXPECT_EQ(evaluate(es, ev[1]->guard, {}, {{0, c}}), c);
        EXPECT_EQ(evaluate(es, ev[2]->guard, {}, {{0, c}}), 1 - c);
        EXPECT_EQ(evaluate(es, es.finalRegisters.at(0).at("r0"), {}, {{0, c}}), c);
    }
}

TEST(SpinIsLocked, ChoiceBetweenRlAndRu) {
    litmus::Program p;
    p.threads.push_back(thread(0, {"s"}, {decl("r0", call("spin_is_locked", {id("s")}))}));
    auto es = build(p);
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 2u);
    EXPECT_EQ(setsOf(*ev[0]), "RL");
    EXPECT_EQ(setsOf(*ev[1]), "RU");
    EXPECT_EQ(evaluate(es, ev[0]->guard, {}, {{0, 1}}), 1);
    EXPECT_EQ(evaluate(es, ev[1]->guard, {}, {{0, 1}}), 0);
    EXPECT_EQ(evaluate(es, es.finalRegisters.at(0).at("r0"), {}, {{0, 0}}), 0);
}

TEST(SpinTrylock, ChoiceInsideABranchIsGuardedByIt) {
    litmus::Program p;
    p.threads.push_back(thread(0, {"s", "x"},
                               {decl("r0", call("READ_ONCE", {deref(id("x"))})),
                                ifElse(id("r0"), {decl("r1", call("spin_trylock", {id("s")}))})}));
    auto es = build(p);
    ASSERT_EQ(es.choiceGuards.size(), 1u);
    const auto read = indexOf(es, threadEvents(es, 0)[0]);
    EXPECT_EQ(evaluate(es, es.choiceGuards[0], {{read, 0}}), 0);
    EXPECT_EQ(evaluate(es, es.choiceGuards[0], {{read, 1}}), 1);
}

TEST(Srcu, LockIsAReadUnlockAWriteOfItsValueSyncIsLocated) {
    litmus::Program p;
    p.threads.push_back(thread(0, {"ss"},
                               {decl("r0", call("srcu_read_lock", {id("ss")})),
                                expr(call("srcu_read_unlock", {id("ss"), id("r0")})),
                                expr(call("synchronize_srcu", {id("ss")}))}));
    auto es = build(p);
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 3u);
    EXPECT_EQ(setsOf(*ev[0]), "R,Srcu-lock,srcu-lock");
    EXPECT_EQ(setsOf(*ev[1]), "Srcu-unlock,W,srcu-unlock");
    EXPECT_EQ(setsOf(*ev[2]), "Sync-srcu,sync-srcu");
    EXPECT_EQ(ev[2]->kind, EventKind::Fence);
    EXPECT_NE(ev[2]->address, 0u) << "the sync event has a location";
    for (const auto* e : ev) {
        EXPECT_EQ(evaluate(es, e->address), LocationTable::addressOf(0));
    }
    EXPECT_EQ(ev[1]->value, ev[0]->value);
    EXPECT_TRUE(hasEdge(es.data, indexOf(es, ev[0]), indexOf(es, ev[1])))
        << "srcu-rscs matches lock and unlock through data";
}

}  // namespace
}  // namespace memx::testing
