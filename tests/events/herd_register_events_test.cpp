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

TEST(HerdRegisterEvents, LoopsForkingRmwsAndTrylocksStopTheRecord) {
    for (const char* body :
         {"int r0; r0 = 0; while (r0 < 2) r0 = r0 + 1;", "int r0; r0 = cmpxchg(x, 0, 1);",
          "int r0; r0 = atomic_add_unless(x, 1, 0);", "int r0; r0 = atomic_inc_and_test(x);",
          "int r0; r0 = READ_ONCE(*x); r0 = r0 ? 1 : 2;", "int r0; r0 = READ_ONCE(*x); r0 = -r0;",
          "int r0; r0 = spin_trylock(x);"}) {
        auto es = buildText(std::string("C t\n{}\nP0(int *x) { ") + body + " }\nexists (x=0)\n");
        EXPECT_FALSE(es.herdRegistersExact) << body;
        EXPECT_TRUE(es.herdRegisterAccesses.empty()) << body;
    }
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
