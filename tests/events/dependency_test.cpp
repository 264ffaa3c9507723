// addr/data/ctrl dependencies through registers, branch guards and register merging.
#include <gtest/gtest.h>

#include "event_test_support.hpp"

namespace memx::testing {
namespace {

using namespace ast;
using litmus::BinaryOp;
using model::LocationTable;

TEST(Dependencies, AddrThroughAPointerReadFromMemory) {
    // P0(int **p) { int *r0 = READ_ONCE(*p); int r1 = READ_ONCE(*r0); }
    litmus::Program p;
    p.threads.push_back(thread(0, {"p"},
                               {decl("r0", call("READ_ONCE", {deref(id("p"))})),
                                decl("r1", call("READ_ONCE", {deref(id("r0"))}))}));
    auto es = build(p);
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 2u);
    const auto a = indexOf(es, ev[0]), b = indexOf(es, ev[1]);
    EXPECT_TRUE(hasEdge(es.addr, a, b));
    EXPECT_EQ(ev[1]->address, ev[0]->value) << "the address is the value read";
    EXPECT_EQ(es.addr.size(), 1u);
    EXPECT_TRUE(es.data.empty());
}

TEST(Dependencies, DataThroughRegisterCopiesAndArithmetic) {
    litmus::Program p;
    p.threads.push_back(
        thread(0, {"x", "y", "z"},
               {decl("r0", call("READ_ONCE", {deref(id("x"))})), decl("r1", id("r0")),
                decl("r2", call("READ_ONCE", {deref(id("z"))})),
                expr(call("WRITE_ONCE", {deref(id("y")), bin(BinaryOp::Add, id("r1"), num(1))}))}));
    auto es = build(p);
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 3u);
    const auto rx = indexOf(es, ev[0]), rz = indexOf(es, ev[1]), w = indexOf(es, ev[2]);
    EXPECT_TRUE(hasEdge(es.data, rx, w));
    EXPECT_FALSE(hasEdge(es.data, rz, w));
    EXPECT_EQ(evaluate(es, ev[2]->value, {{rx, 41}}), 42);
    EXPECT_TRUE(es.addr.empty());
}

TEST(Dependencies, CtrlCoversBothArmsButStopsAtTheEndOfTheIf) {
    litmus::Program p;
    p.threads.push_back(thread(0, {"x", "y", "z", "w"},
                               {decl("r0", call("READ_ONCE", {deref(id("x"))})),
                                ifElse(bin(BinaryOp::Eq, id("r0"), num(1)),
                                       {expr(call("WRITE_ONCE", {deref(id("y")), num(1)}))},
                                       {expr(call("WRITE_ONCE", {deref(id("z")), num(1)}))}),
                                expr(call("WRITE_ONCE", {deref(id("w")), num(1)}))}));
    auto es = build(p);
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 4u);
    const auto r = indexOf(es, ev[0]);
    EXPECT_TRUE(hasEdge(es.ctrl, r, indexOf(es, ev[1])));
    EXPECT_TRUE(hasEdge(es.ctrl, r, indexOf(es, ev[2])));
    EXPECT_FALSE(hasEdge(es.ctrl, r, indexOf(es, ev[3])));
    // Guards: exactly one arm runs; the write after the if always does.
    EXPECT_EQ(evaluate(es, ev[1]->guard, {{r, 1}}), 1);
    EXPECT_EQ(evaluate(es, ev[2]->guard, {{r, 1}}), 0);
    EXPECT_EQ(evaluate(es, ev[1]->guard, {{r, 0}}), 0);
    EXPECT_EQ(evaluate(es, ev[2]->guard, {{r, 0}}), 1);
    EXPECT_EQ(evaluate(es, ev[3]->guard), 1);
    EXPECT_LT(ev[1]->poIndex, ev[2]->poIndex);
    EXPECT_LT(ev[2]->poIndex, ev[3]->poIndex);
}

TEST(Dependencies, NestedIfsCarryBothConditionsReads) {
    litmus::Program p;
    p.threads.push_back(
        thread(0, {"x", "y", "z"},
               {decl("r0", call("READ_ONCE", {deref(id("x"))})),
                ifElse(id("r0"),
                       {decl("r1", call("READ_ONCE", {deref(id("y"))})),
                        ifElse(id("r1"), {expr(call("WRITE_ONCE", {deref(id("z")), num(1)}))})})}));
    auto es = build(p);
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 3u);
    const auto rx = indexOf(es, ev[0]), ry = indexOf(es, ev[1]), w = indexOf(es, ev[2]);
    EXPECT_TRUE(hasEdge(es.ctrl, rx, ry));
    EXPECT_TRUE(hasEdge(es.ctrl, rx, w));
    EXPECT_TRUE(hasEdge(es.ctrl, ry, w));
    EXPECT_EQ(evaluate(es, ev[2]->guard, {{rx, 1}, {ry, 1}}), 1);
    EXPECT_EQ(evaluate(es, ev[2]->guard, {{rx, 0}, {ry, 1}}), 0);
    EXPECT_EQ(evaluate(es, ev[2]->guard, {{rx, 1}, {ry, 0}}), 0);
}

TEST(Registers, AssignedInOneArmBecomeIte) {
    litmus::Program p;
    p.threads.push_back(thread(0, {"x"},
                               {decl("r0", call("READ_ONCE", {deref(id("x"))})), decl("r1", num(0)),
                                ifElse(id("r0"), {assign(id("r1"), num(5))})}));
    auto es = build(p);
    const auto r = indexOf(es, threadEvents(es, 0)[0]);
    const auto r1 = es.finalRegisters.at(0).at("r1");
    EXPECT_EQ(evaluate(es, r1, {{r, 1}}), 5);
    EXPECT_EQ(evaluate(es, r1, {{r, 0}}), 0);
}

TEST(Registers, InitBlockValuesAndUninitialisedDeclarations) {
    litmus::Program p;
    p.init.push_back(initRegister(0, "r2", 7));
    p.threads.push_back(thread(0, {"x"}, {decl("r3"), decl("r2")}));
    auto es = build(p);
    const auto& regs = es.finalRegisters.at(0);
    EXPECT_EQ(evaluate(es, regs.at("r2")), 7) << "a declaration keeps the init-block value";
    EXPECT_EQ(evaluate(es, regs.at("r3")), 0);
    EXPECT_EQ(regs.count("x"), 0u);
}

TEST(Registers, AddressOfALocationCanBeStoredAndDereferenced) {
    // P0(int *x, int **p) { WRITE_ONCE(*p, &x)...; } uses the location's address constant.
    litmus::Program p;
    p.threads.push_back(
        thread(0, {"x", "p"},
               {expr(call("WRITE_ONCE", {deref(id("p")), addrOf(id("x"))})), decl("r0", id("x")),
                expr(call("WRITE_ONCE", {deref(id("r0")), num(2)}))}));
    auto es = build(p);
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 2u);
    EXPECT_EQ(evaluate(es, ev[0]->value), LocationTable::addressOf(0));
    EXPECT_EQ(evaluate(es, ev[1]->address), LocationTable::addressOf(0));
}

}  // namespace
}  // namespace memx::testing
