// Marked and plain loads and stores, fences and initial writes.
#include <gtest/gtest.h>

#include "event_test_support.hpp"

namespace memx::testing {
namespace {

using namespace ast;
using model::EventKind;
using model::LocationTable;

TEST(InitialWrites, OnePerLocationWithInitValueAndAddresses) {
    litmus::Program p;
    p.init.push_back(initLocation("x", 3));
    litmus::InitEntry ptr;
    ptr.name = "p";
    ptr.type = litmus::Type{};
    ptr.type->base = "int";
    ptr.type->pointerDepth = 1;
    ptr.value = litmus::InitValue{litmus::InitValue::Kind::Address, 0, "y", {}, {}};
    p.init.push_back(ptr);
    p.threads.push_back(thread(0, {"x", "z"}, {}));
    auto es = build(p);

    auto init = threadEvents(es, -1);
    ASSERT_EQ(init.size(), 4u);  // x, p (init block), z (parameter), y (&y)
    ASSERT_EQ(es.locations.locations.size(), 4u);
    const auto& locs = es.locations.locations;
    EXPECT_EQ(locs[0].name, "x");
    EXPECT_EQ(locs[1].name, "p");
    EXPECT_EQ(locs[2].name, "z");
    EXPECT_EQ(locs[3].name, "y");
    for (std::size_t i = 0; i < init.size(); ++i) {
        EXPECT_EQ(init[i]->kind, EventKind::Write);
        EXPECT_EQ(setsOf(*init[i]), "W");
        EXPECT_EQ(evaluate(es, init[i]->guard), 1);
        EXPECT_EQ(evaluate(es, init[i]->address), LocationTable::addressOf(i));
        EXPECT_EQ(locs[i].address, LocationTable::addressOf(i));
    }
    EXPECT_EQ(evaluate(es, init[0]->value), 3);
    EXPECT_EQ(evaluate(es, init[1]->value), LocationTable::addressOf(3));  // p = &y
    EXPECT_EQ(evaluate(es, init[2]->value), 0);
    EXPECT_EQ(evaluate(es, locs[1].initialValue), LocationTable::addressOf(3));
}

TEST(MarkedAccesses, TagsKindsAndValues) {
    litmus::Program p;
    p.threads.push_back(thread(0, {"x", "y"},
                               {expr(call("WRITE_ONCE", {deref(id("x")), num(1)})),
                                decl("r0", call("READ_ONCE", {deref(id("y"))})),
                                expr(call("smp_store_release", {id("x"), num(2)})),
                                decl("r1", call("smp_load_acquire", {id("y")})),
                                decl("r2", call("rcu_dereference", {deref(id("y"))})),
                                expr(call("rcu_assign_pointer", {deref(id("x")), num(3)})),
                                decl("r3", call("atomic_read", {id("y")})),
                                expr(call("atomic_set_release", {id("x"), num(4)}))}));
    auto es = build(p);
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 8u);
    const std::int64_t x = LocationTable::addressOf(0), y = LocationTable::addressOf(1);
    const char* sets[] = {"ONCE,W", "ONCE,R",    "RELEASE,W", "ACQUIRE,R",
                          "ONCE,R", "RELEASE,W", "ONCE,R",    "RELEASE,W"};
    const std::int64_t addrs[] = {x, y, x, y, y, x, y, x};
    for (std::size_t i = 0; i < ev.size(); ++i) {
        EXPECT_EQ(setsOf(*ev[i]), sets[i]) << "event " << i;
        EXPECT_EQ(evaluate(es, ev[i]->address), addrs[i]) << "event " << i;
        EXPECT_EQ(ev[i]->kind, sets[i][std::string(sets[i]).size() - 1] == 'W' ? EventKind::Write
                                                                               : EventKind::Read);
        EXPECT_EQ(ev[i]->poIndex, static_cast<int>(i));
        EXPECT_EQ(evaluate(es, ev[i]->guard), 1);
    }
    EXPECT_EQ(evaluate(es, ev[0]->value), 1);
    EXPECT_EQ(evaluate(es, ev[2]->value), 2);
    EXPECT_EQ(evaluate(es, ev[7]->value), 4);
    // A read's value is its own ReadValue node, and the register holds it.
    const auto r0 = es.finalRegisters.at(0).at("r0");
    EXPECT_EQ(r0, ev[1]->value);
    EXPECT_EQ(es.nodes[r0].op, model::SymOp::ReadValue);
    EXPECT_EQ(es.nodes[r0].event, indexOf(es, ev[1]));
    EXPECT_EQ(es.finalRegisters.at(0).count("x"), 0u) << "parameters are not registers";
}

TEST(PlainAccesses, HaveNoAnnotation) {
    litmus::Program p;
    p.threads.push_back(
        thread(0, {"x", "y"}, {assign(deref(id("x")), num(1)), decl("r0", deref(id("y")))}));
    auto es = build(p);
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 2u);
    EXPECT_EQ(setsOf(*ev[0]), "W");
    EXPECT_EQ(setsOf(*ev[1]), "R");
    EXPECT_EQ(evaluate(es, ev[0]->value), 1);
    EXPECT_EQ(es.finalRegisters.at(0).at("r0"), ev[1]->value);
}

TEST(Fences, TagAndCapitalisedTagSets) {
    litmus::Program p;
    p.threads.push_back(thread(
        0, {},
        {expr(call("smp_mb", {})), expr(call("smp_rmb", {})), expr(call("rcu_read_lock", {})),
         expr(call("smp_mb__after_unlock_lock", {})), expr(call("synchronize_rcu", {}))}));
    auto es = build(p);
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 5u);
    EXPECT_EQ(setsOf(*ev[0]), "F,MB");
    EXPECT_EQ(setsOf(*ev[1]), "F,Rmb,rmb");
    EXPECT_EQ(setsOf(*ev[2]), "F,Rcu-lock,rcu-lock");
    EXPECT_EQ(setsOf(*ev[3]), "After-unlock-lock,F,after-unlock-lock");
    EXPECT_EQ(setsOf(*ev[4]), "F,Sync-rcu,sync-rcu");
    for (const auto* e : ev) {
        EXPECT_EQ(e->kind, EventKind::Fence);
        EXPECT_EQ(e->address, 0u) << "fences have no location";
    }
}

TEST(SmpStoreMb, IsAOnceStoreThenAFullFence) {
    litmus::Program p;
    p.threads.push_back(thread(0, {"x"}, {expr(call("smp_store_mb", {deref(id("x")), num(1)}))}));
    auto es = build(p);
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 2u);
    EXPECT_EQ(setsOf(*ev[0]), "ONCE,W");
    EXPECT_EQ(setsOf(*ev[1]), "F,MB");
    EXPECT_LT(ev[0]->poIndex, ev[1]->poIndex);
}

}  // namespace
}  // namespace memx::testing
