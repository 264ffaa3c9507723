// The register events herd7's semantics makes (EventStructure::herdRegisterAccesses), which
// solver/herd_names.hpp replays to name open values as herd does, and where the event builder
// stops recording them because it no longer follows herd's numbering.
#include <gtest/gtest.h>

#include "event_test_support.hpp"

namespace memx::testing {
namespace {

using Access = model::EventStructure::HerdRegisterAccess;

std::vector<std::tuple<int, std::string, bool, std::uint32_t>> accessesOf(
    const model::EventStructure& es) {
    std::vector<std::tuple<int, std::string, bool, std::uint32_t>> out;
    for (const Access& a : es.herdRegisterAccesses) {
        out.emplace_back(a.thread, a.name, a.isWrite, a.variable);
    }
    return out;
}

TEST(HerdRegisterEvents, StraightLineThreadsRecordHerdsRegisterReadsAndWrites) {
    // herd reads the parameter x (S1), reads *x (S2) into r0, then for the store reads y (S3)
    // before r0 (S4); P1 goes on from S5. An operator on a variable makes one (S8).
    auto es = buildText(R"(C t
{}
P0(int *x, int *y) { int r0; r0 = READ_ONCE(*x); WRITE_ONCE(*y, r0); }
P1(int *x) { int r1; r1 = *x + 2; r1 = 3; }
exists (0:r0=1)
)");
    EXPECT_TRUE(es.herdRegistersExact);
    using T = std::tuple<int, std::string, bool, std::uint32_t>;
    EXPECT_EQ(accessesOf(es), (std::vector<T>{{0, "x", false, 1},
                                              {0, "r0", true, 2},
                                              {0, "y", false, 3},
                                              {0, "r0", false, 4},
                                              {1, "x", false, 5},
                                              {1, "r1", true, 7},
                                              {1, "r1", true, 0}}));
}

TEST(HerdRegisterEvents, TheCodeTreeKeepsEachStatementsVariablesAndEachForksCondition) {
    // herd numbers the code after a fork once per side: the tree lets a candidate's path
    // through it give herd's numbers (solver/herd_names.hpp).
    auto es = buildText(R"(C t
{}
P0(int *x) { int r0; r0 = *x; if (r0 == 1) { r0 = 2; } else r0 = *x; WRITE_ONCE(*x, r0); }
exists (x=0)
)");
    ASSERT_TRUE(es.herdRegistersExact);
    using Kind = model::EventStructure::HerdCodeNode::Kind;
    ASSERT_EQ(es.herdThreadCode.size(), 1u);
    const auto& body = es.herdCode[es.herdThreadCode[0]];
    EXPECT_EQ(body.kind, Kind::List);
    ASSERT_EQ(body.children.size(), 4u);  // the declaration counts: herd's DeclReg
    const auto& fork = es.herdCode[body.children[2]];
    EXPECT_EQ(fork.kind, Kind::If);
    // r0 = *x made S1 (x) and S2 (*x); the condition reads r0 (S3) and compares (S4).
    EXPECT_EQ(fork.first, 2u);
    EXPECT_EQ(fork.conditionLast, 4u);
    ASSERT_EQ(fork.children.size(), 2u);
    EXPECT_EQ(es.herdCode[fork.children[0]].kind, Kind::List);  // { r0 = 2; }
    EXPECT_EQ(es.herdCode[fork.children[1]].kind, Kind::Plain);
    EXPECT_EQ(es.herdCode[fork.children[1]].first, 4u);
    EXPECT_EQ(es.herdCode[fork.children[1]].last, 6u);
    EXPECT_EQ(es.herdCode[body.children[3]].first, 6u);
    EXPECT_EQ(es.herdCode[body.children[3]].last, 8u);
    EXPECT_EQ(body.last, 8u);
}

TEST(HerdRegisterEvents, LoopsAndForksNotAssignedWholeStopTheRecord) {
    for (const char* body :
         {"int r0; r0 = 0; while (r0 < 2) r0 = r0 + 1;", "int r0; r0 = cmpxchg(x, 0, 1) + 1;",
          "cmpxchg(x, 0, 1);", "int r0; int r1; r0 = cmpxchg(x, r1, 1);",
          "int r0; r0 = cmpxchg(x, 0, READ_ONCE(*x));",
          "int r0; int r1; r0 = atomic_add_unless(x, 1, r1);",
          "int r0; r0 = READ_ONCE(*x); r0 = r0 ? 1 : 2;", "int r0; r0 = READ_ONCE(*x); r0 = -r0;",
          "int r0; if (spin_trylock(x)) r0 = 1;"}) {
        auto es = buildText(std::string("C t\n{}\nP0(int *x) { ") + body + " }\nexists (x=0)\n");
        EXPECT_FALSE(es.herdRegistersExact) << body;
        EXPECT_TRUE(es.herdRegisterAccesses.empty()) << body;
    }
}

TEST(HerdRegisterEvents, AForkAssignedToARegisterIsNumberedAsHerdsTwoAlternatives) {
    // `r0 = cmpxchg(x, 0, r1)`: the success alternative reads x (S1), r1 (S2) and memory (S3);
    // the failure reads x, memory and compares, skipping the new value r1 (linux_cmpexch_no).
    auto es = buildText(R"(C t
{}
P0(int *x) { int r0; int r1; r0 = cmpxchg(x, 0, r1); }
exists (0:r0=1)
)");
    ASSERT_TRUE(es.herdRegistersExact);
    using Kind = model::EventStructure::HerdCodeNode::Kind;
    const auto& body = es.herdCode[es.herdThreadCode.at(0)];
    ASSERT_EQ(body.children.size(), 3u);
    const auto& alt = es.herdCode[body.children[2]];
    EXPECT_EQ(alt.kind, Kind::Alt);
    EXPECT_EQ(alt.first, 0u);
    EXPECT_EQ(alt.sharedLast, 0u);
    EXPECT_EQ(alt.last, 3u);
    using Range = std::pair<std::uint32_t, std::uint32_t>;
    EXPECT_EQ(alt.secondKeeps, (std::vector<Range>{{0, 1}, {2, 3}}));
    EXPECT_EQ(alt.secondExtra, 1u);
    EXPECT_EQ(alt.firstIndex, 1);
    ASSERT_LT(alt.firstEvent, es.events.size());
    EXPECT_TRUE(es.events[alt.firstEvent].inSet("W"));  // the success's write

    // spin_trylock reads its register once, before the fork; neither side makes a variable.
    auto lock = buildText(
        "C t\n{}\nP0(spinlock_t *l) { int r0; r0 = spin_trylock(l); }\nexists (0:r0=1)\n");
    ASSERT_TRUE(lock.herdRegistersExact);
    const auto& trylock = lock.herdCode[lock.herdCode[lock.herdThreadCode.at(0)].children.at(1)];
    EXPECT_EQ(trylock.kind, Kind::Alt);
    EXPECT_EQ(trylock.sharedLast, 1u);
    EXPECT_EQ(trylock.last, 1u);
    EXPECT_TRUE(trylock.secondKeeps.empty());
    EXPECT_EQ(trylock.firstIndex, 0);
}

TEST(HerdRegisterEvents, AnAndTestComparesTheOperationsVariable) {
    // atomic_inc_and_test is `__atomic_op_return{MB}(X,+,1) == 0`: x (S1), the read (S2), the
    // sum (S3), then M.op's comparison (S4), which r0 takes.
    auto es = buildText(
        "C t\n{}\nP0(atomic_t *x) { int r0; r0 = atomic_inc_and_test(x); }\nexists (0:r0=1)\n");
    ASSERT_TRUE(es.herdRegistersExact);
    using T = std::tuple<int, std::string, bool, std::uint32_t>;
    EXPECT_EQ(accessesOf(es), (std::vector<T>{{0, "x", false, 1}, {0, "r0", true, 4}}));
}

TEST(HerdRegisterEvents, ALockAndAnUnlockEachReadTheirLockRegister) {
    // herd's spin_lock and spin_unlock read the register l (one variable each) and make lock
    // events that carry no value, in one structure: the record goes on, the read of *x is S3.
    auto es = buildText(R"(C t
{}
P0(int *x, spinlock_t *l) { int r0; spin_lock(l); spin_unlock(l); r0 = READ_ONCE(*x); }
exists (0:r0=1)
)");
    ASSERT_TRUE(es.herdRegistersExact);
    using T = std::tuple<int, std::string, bool, std::uint32_t>;
    EXPECT_EQ(accessesOf(es),
              (std::vector<T>{
                  {0, "l", false, 1}, {0, "l", false, 2}, {0, "x", false, 3}, {0, "r0", true, 4}}));
}

TEST(HerdRegisterEvents, SrcuPrimitivesReadTheirRegisters) {
    // srcu_read_lock is `__load{srcu-lock}(*X)`: s (S1) and the read (S2); srcu_read_unlock a
    // store: s (S3), then r0 (S4); synchronize_srcu reads s (S5) for its SRCU event (CSem.ml's
    // InstrSRCU). The record goes on: the read of *x is S7.
    auto es = buildText(R"(C t
{}
P0(int *x, struct srcu_struct *s) { int r0; int r1; r0 = srcu_read_lock(s);
  srcu_read_unlock(s, r0); synchronize_srcu(s); r1 = READ_ONCE(*x); }
exists (0:r1=1)
)");
    ASSERT_TRUE(es.herdRegistersExact);
    using T = std::tuple<int, std::string, bool, std::uint32_t>;
    EXPECT_EQ(accessesOf(es), (std::vector<T>{{0, "s", false, 1},
                                              {0, "r0", true, 2},
                                              {0, "s", false, 3},
                                              {0, "r0", false, 4},
                                              {0, "s", false, 5},
                                              {0, "x", false, 6},
                                              {0, "r1", true, 7}}));
}

TEST(HerdRegisterEvents, AnXchgAndAnAtomicOperationNumberAsHerdDoes) {
    // xchg (eventsMonad.ml's linux_exch): the location x (S1), the value r0 (S2), the memory
    // read (S3), which r1 takes. atomic_add_return (CSem.ml's build_atomic_op): the value r0
    // (S4) before the location x (S5), the memory read (S6), and the sum it writes (S7).
    auto es = buildText(R"(C t
{}
P0(int *x) { int r0; int r1; int r2; r1 = xchg(x, r0); r2 = atomic_add_return(r0, x); }
exists (0:r1=1)
)");
    ASSERT_TRUE(es.herdRegistersExact);
    using T = std::tuple<int, std::string, bool, std::uint32_t>;
    EXPECT_EQ(accessesOf(es), (std::vector<T>{{0, "x", false, 1},
                                              {0, "r0", false, 2},
                                              {0, "r1", true, 3},
                                              {0, "r0", false, 4},
                                              {0, "x", false, 5},
                                              {0, "r2", true, 7}}));
}

TEST(HerdRegisterEvents, AnIfOnAConstantIsNoForkAndSaysItsSide) {
    // herd's choiceT runs the side a constant picks, and nothing of the other.
    auto es = buildText("C t\n{}\nP0(int *x) { if (1) WRITE_ONCE(*x, 2); }\nexists (x=0)\n");
    ASSERT_TRUE(es.herdRegistersExact);
    const auto& body = es.herdCode[es.herdThreadCode.at(0)];
    ASSERT_EQ(body.children.size(), 1u);
    EXPECT_EQ(es.herdCode[body.children[0]].decided, 1);
    auto fork = buildText(
        "C t\n{}\nP0(int *x) { int r0; r0 = *x; if (r0) WRITE_ONCE(*x, 2); }\nexists (x=0)\n");
    EXPECT_EQ(fork.herdCode[fork.herdCode[fork.herdThreadCode.at(0)].children.at(2)].decided, -1);
}

TEST(HerdRegisterEvents, ByteGranularTestsAreNotRecorded) {
    auto es = buildText(R"(C t
{ u32 x; }
P0(u32 *x) { u32 r0; r0 = READ_ONCE(*x); }
exists (0:r0=0)
)");
    EXPECT_FALSE(es.herdRegistersExact);
}

}  // namespace
}  // namespace memx::testing
