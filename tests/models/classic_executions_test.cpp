// Hand-built classic executions (MP, SB, LB, with and without barriers, and a lock) under
// memx's sc.cat and lkmm.cat: each graph fixes the reads-from of the interesting outcome, so
// every location has one write besides its initial one and exactly one execution exists.
// The test checks whether it is allowed and, if not, which axiom rejects it.
#include <gtest/gtest.h>

#include <functional>

#include "tests/models/graph_builder.hpp"
#include "tests/models/model_runner.hpp"

namespace memx::models_test {
namespace {

using Tags = std::vector<std::string>;

// P0: x=1; [fence]; y=1.   P1: r0=y (1); [fence]; r1=x (0).
model::ExecutionGraph messagePassing(const Tags& wTags0, const Tags& wTags1,
                                     const std::string& fence0, const Tags& rTags0,
                                     const Tags& rTags1, const std::string& fence1) {
    GraphBuilder b;
    const auto ix = b.init("x");
    b.init("y");
    b.write(0, "x", 1, wTags0);
    if (!fence0.empty())
        b.fence(0, fence0);
    const auto wy = b.write(0, "y", 1, wTags1);
    b.rf(wy, b.read(1, "y", 1, rTags0));
    if (!fence1.empty())
        b.fence(1, fence1);
    b.rf(ix, b.read(1, "x", 0, rTags1));
    return b.build();
}

// P0: x=1; [fence]; r0=y (0).   P1: y=1; [fence]; r1=x (0).
model::ExecutionGraph storeBuffering(const std::string& fence) {
    GraphBuilder b;
    const auto ix = b.init("x");
    const auto iy = b.init("y");
    b.write(0, "x", 1);
    if (!fence.empty())
        b.fence(0, fence);
    b.rf(iy, b.read(0, "y", 0));
    b.write(1, "y", 1);
    if (!fence.empty())
        b.fence(1, fence);
    b.rf(ix, b.read(1, "x", 0));
    return b.build();
}

// P0: r0=x (1); y=r0.   P1: r1=y (1); x=r1.   With `dependency`, each write's value comes
// from the thread's read (a data dependency).
model::ExecutionGraph loadBuffering(bool dependency) {
    GraphBuilder b;
    b.init("x");
    b.init("y");
    const auto rx = b.read(0, "x", 1);
    const auto wy = b.write(0, "y", 1);
    const auto ry = b.read(1, "y", 1);
    const auto wx = b.write(1, "x", 1);
    b.rf(wx, rx);
    b.rf(wy, ry);
    if (dependency) {
        b.data(rx, wy);
        b.data(ry, wx);
    }
    return b.build();
}

// Two threads each take lock l, read x (both see 0) and write x=1, then unlock.
model::ExecutionGraph lostUpdateUnderLock() {
    GraphBuilder b;
    b.init("l");
    const auto ix = b.init("x");
    for (int t = 0; t < 2; ++t) {
        b.event(t, EventClass::LockRead, {}, "l", 0);
        b.event(t, EventClass::LockWrite, {}, "l", 1);
        b.rf(ix, b.read(t, "x", 0, {}));
        b.write(t, "x", 1, {});
        b.event(t, EventClass::Unlock, {}, "l", 0);
    }
    return b.build();
}

struct Verdict {
    int allowed = 0;
    int executions = 0;
    std::string failingAxiom;  // of the first rejected execution
    std::vector<std::string> flags;
};

class ClassicExecutions : public ::testing::Test {
protected:
    void SetUp() override {
        std::string errors;
        sc_ = loadBuiltin("sc.cat", errors);
        lkmm_ = loadBuiltin("lkmm.cat", errors);
        ASSERT_TRUE(sc_ && lkmm_) << errors;
    }

    static Verdict run(const cat::Model& model, const model::ExecutionGraph& g) {
        Verdict v;
        for (const auto& e : runModel(model, g)) {
            ++v.executions;
            if (e.allowed) {
                ++v.allowed;
                v.flags.insert(v.flags.end(), e.flags.begin(), e.flags.end());
            } else if (v.failingAxiom.empty()) {
                v.failingAxiom = firstFailingAxiom(e);
            }
        }
        return v;
    }

    Verdict sc(const model::ExecutionGraph& g) const { return run(*sc_, g); }
    Verdict lkmm(const model::ExecutionGraph& g) const { return run(*lkmm_, g); }

    std::shared_ptr<const cat::Model> sc_, lkmm_;
};

const Tags kOnce = {"ONCE"};

TEST_F(ClassicExecutions, MessagePassingWithOnceOnly) {
    const auto g = messagePassing(kOnce, kOnce, "", kOnce, kOnce, "");
    const Verdict s = sc(g);
    EXPECT_EQ(s.allowed, 0);
    EXPECT_EQ(s.failingAxiom, "sc");
    const Verdict l = lkmm(g);
    EXPECT_EQ(l.executions, 1);
    EXPECT_EQ(l.allowed, 1);
    EXPECT_TRUE(l.flags.empty());
}

TEST_F(ClassicExecutions, MessagePassingWithWmbAndRmb) {
    const auto g = messagePassing(kOnce, kOnce, "wmb", kOnce, kOnce, "rmb");
    EXPECT_EQ(sc(g).failingAxiom, "sc");
    const Verdict l = lkmm(g);
    EXPECT_EQ(l.allowed, 0);
    EXPECT_EQ(l.failingAxiom, "happens-before");
}

TEST_F(ClassicExecutions, MessagePassingWithOnlyOneBarrierIsAllowed) {
    EXPECT_EQ(lkmm(messagePassing(kOnce, kOnce, "wmb", kOnce, kOnce, "")).allowed, 1);
    EXPECT_EQ(lkmm(messagePassing(kOnce, kOnce, "", kOnce, kOnce, "rmb")).allowed, 1);
}

TEST_F(ClassicExecutions, MessagePassingWithReleaseAcquire) {
    const auto g = messagePassing(kOnce, {"RELEASE"}, "", {"ACQUIRE"}, kOnce, "");
    const Verdict l = lkmm(g);
    EXPECT_EQ(l.allowed, 0);
    EXPECT_EQ(l.failingAxiom, "happens-before");
}

TEST_F(ClassicExecutions, MessagePassingWithPlainAccessesRaces) {
    // Plain x on both sides, ordered only by ONCE accesses to y: a data race on x.
    const auto g = messagePassing({}, kOnce, "", kOnce, {}, "");
    const Verdict l = lkmm(g);
    EXPECT_EQ(l.allowed, 1);
    EXPECT_EQ(l.flags, std::vector<std::string>{"data-race"});
    EXPECT_TRUE(sc(g).flags.empty());
}

TEST_F(ClassicExecutions, StoreBufferingWithOnceOnly) {
    const auto g = storeBuffering("");
    EXPECT_EQ(sc(g).failingAxiom, "sc");
    EXPECT_EQ(lkmm(g).allowed, 1);
}

TEST_F(ClassicExecutions, StoreBufferingWithFullBarriers) {
    const auto g = storeBuffering("MB");
    EXPECT_EQ(sc(g).allowed, 0);
    const Verdict l = lkmm(g);
    EXPECT_EQ(l.allowed, 0);
    EXPECT_EQ(l.failingAxiom, "propagation");
}

TEST_F(ClassicExecutions, StoreBufferingWithWmbIsAllowed) {
    EXPECT_EQ(lkmm(storeBuffering("wmb")).allowed, 1);
}

TEST_F(ClassicExecutions, LoadBufferingWithoutDependencies) {
    const auto g = loadBuffering(false);
    EXPECT_EQ(sc(g).failingAxiom, "sc");
    EXPECT_EQ(lkmm(g).allowed, 1);
}

TEST_F(ClassicExecutions, LoadBufferingWithDataDependencies) {
    const auto g = loadBuffering(true);
    EXPECT_EQ(sc(g).allowed, 0);
    const Verdict l = lkmm(g);
    EXPECT_EQ(l.allowed, 0);
    EXPECT_EQ(l.failingAxiom, "happens-before");
}

TEST_F(ClassicExecutions, LockedIncrementsCannotBothReadZero) {
    // Both orders of the critical sections exist as executions; neither is allowed.
    const auto g = lostUpdateUnderLock();
    const Verdict s = sc(g);
    EXPECT_GE(s.executions, 2);
    EXPECT_EQ(s.allowed, 0);
    const Verdict l = lkmm(g);
    EXPECT_GE(l.executions, 2);
    EXPECT_EQ(l.allowed, 0);
}

TEST_F(ClassicExecutions, NestedLockDeadlocks) {
    GraphBuilder b;
    b.init("l");
    for (int i = 0; i < 2; ++i) {
        b.event(0, EventClass::LockRead, {}, "l", 0);
        b.event(0, EventClass::LockWrite, {}, "l", 1);
    }
    const auto g = b.build();
    EXPECT_EQ(lkmm(g).allowed, 0);
    EXPECT_EQ(lkmm(g).failingAxiom, "lock-nest");
    EXPECT_EQ(sc(g).failingAxiom, "lock-nest");
}

TEST_F(ClassicExecutions, UnbalancedRcuLockIsFlagged) {
    GraphBuilder b;
    b.init("x");
    b.fence(0, "rcu-lock");
    b.write(0, "x", 1);
    const Verdict l = lkmm(b.build());
    EXPECT_EQ(l.allowed, 1);
    EXPECT_EQ(l.flags, std::vector<std::string>{"unmatched-rcu-lock"});
}

}  // namespace
}  // namespace memx::models_test
