// The built-in rc11 model on classic C11 tests, each with the verdict RC11 (Lahav et al.,
// PLDI 2017) gives it: one test per constraint of the model (coherence, atomicity, SC,
// no-thin-air, the data-race rule), each beside a variant the constraint does not forbid.
#include <gtest/gtest.h>

#include "tests/rc11/rc11_test_support.hpp"

namespace memx::rc11_test {
namespace {

// Message passing: a flag written after the data, read before it.
std::string messagePassing(const char* storeOrder, const char* loadOrder) {
    return std::string(R"(C MP
{}
P0(atomic_int *x, atomic_int *y) {
  atomic_store_explicit(x, 1, memory_order_relaxed);
  atomic_store_explicit(y, 1, )") +
           storeOrder + R"();
}
P1(atomic_int *x, atomic_int *y) {
  int r0 = atomic_load_explicit(y, )" +
           loadOrder + R"();
  int r1 = atomic_load_explicit(x, memory_order_relaxed);
}
exists (1:r0=1 /\ 1:r1=0)
)";
}

// Store buffering: each thread stores to one location, then loads the other.
std::string storeBuffering(const std::string& store, const std::string& load) {
    return R"(C SB
{}
P0(atomic_int *x, atomic_int *y) {
  atomic_store_explicit(x, 1, )" +
           store + R"();
  int r0 = atomic_load_explicit(y, )" +
           load + R"();
}
P1(atomic_int *x, atomic_int *y) {
  atomic_store_explicit(y, 1, )" +
           store + R"();
  int r0 = atomic_load_explicit(x, )" +
           load + R"();
}
exists (0:r0=0 /\ 1:r0=0)
)";
}

TEST(Rc11Model, MessagePassingWithReleaseAcquireIsForbidden) {
    auto run = runText("rc11", messagePassing("memory_order_release", "memory_order_acquire"));
    EXPECT_EQ(observation(run), "Never");
    EXPECT_EQ(run.outcome.negative, 3u);
    EXPECT_FALSE(run.outcome.undefined);
}

TEST(Rc11Model, MessagePassingRelaxedIsAllowed) {
    auto run = runText("rc11", messagePassing("memory_order_relaxed", "memory_order_relaxed"));
    EXPECT_EQ(observation(run), "Sometimes");
    EXPECT_EQ(run.outcome.positive, 1u);
}

TEST(Rc11Model, MessagePassingThroughReleaseAndAcquireFencesIsForbidden) {
    auto run = runText("rc11", R"(C MP+fences
{}
P0(atomic_int *x, atomic_int *y) {
  atomic_store_explicit(x, 1, memory_order_relaxed);
  atomic_thread_fence(memory_order_release);
  atomic_store_explicit(y, 1, memory_order_relaxed);
}
P1(atomic_int *x, atomic_int *y) {
  int r0 = atomic_load_explicit(y, memory_order_relaxed);
  atomic_thread_fence(memory_order_acquire);
  int r1 = atomic_load_explicit(x, memory_order_relaxed);
}
exists (1:r0=1 /\ 1:r1=0)
)");
    EXPECT_EQ(observation(run), "Never");
}

TEST(Rc11Model, ReleaseSequenceContinuesThroughAnotherThreadsRmw) {
    // P2 reads y=2, written by P1's RMW that read P0's release: P2 synchronises with P0.
    auto run = runText("rc11", R"(C MP+rmw
{}
P0(int *x, atomic_int *y) {
  *x = 1;
  atomic_store_explicit(y, 1, memory_order_release);
}
P1(atomic_int *y) {
  int r0 = atomic_fetch_add_explicit(y, 1, memory_order_relaxed);
}
P2(int *x, atomic_int *y) {
  int r0 = atomic_load_explicit(y, memory_order_acquire);
  int r1 = -1;
  if (r0 == 2) { r1 = *x; }
}
exists (2:r0=2 /\ 2:r1=0)
)");
    EXPECT_EQ(observation(run), "Never");
    EXPECT_FALSE(run.outcome.undefined) << "the plain accesses to x are hb-ordered";
}

TEST(Rc11Model, ReleaseSequenceContinuesThroughAChainOfRmws) {
    // y=3 was written by the second RMW, which read the first, which read P0's release.
    auto run = runText("rc11", R"(C MP+rmw+rmw
{}
P0(int *x, atomic_int *y) {
  *x = 1;
  atomic_store_explicit(y, 1, memory_order_release);
}
P1(atomic_int *y) { int r0 = atomic_fetch_add_explicit(y, 1, memory_order_relaxed); }
P2(atomic_int *y) { int r0 = atomic_fetch_add_explicit(y, 1, memory_order_relaxed); }
P3(int *x, atomic_int *y) {
  int r0 = atomic_load_explicit(y, memory_order_acquire);
  int r1 = -1;
  if (r0 == 3) { r1 = *x; }
}
exists (3:r0=3 /\ 3:r1=0)
)");
    EXPECT_EQ(observation(run), "Never");
    EXPECT_FALSE(run.outcome.undefined);
}

TEST(Rc11Model, StoreBufferingRelaxedIsAllowed) {
    auto run = runText("rc11", storeBuffering("memory_order_relaxed", "memory_order_relaxed"));
    EXPECT_EQ(observation(run), "Sometimes");
    EXPECT_EQ(run.outcome.positive, 1u);
    EXPECT_EQ(run.outcome.negative, 3u);
}

TEST(Rc11Model, StoreBufferingReleaseAcquireIsAllowed) {
    auto run = runText("rc11", storeBuffering("memory_order_release", "memory_order_acquire"));
    EXPECT_EQ(observation(run), "Sometimes");
}

TEST(Rc11Model, StoreBufferingSeqCstIsForbidden) {
    auto run = runText("rc11", storeBuffering("memory_order_seq_cst", "memory_order_seq_cst"));
    EXPECT_EQ(observation(run), "Never");
    EXPECT_EQ(run.outcome.negative, 3u);
}

TEST(Rc11Model, StoreBufferingWithSeqCstFencesIsForbidden) {
    auto run = runText("rc11", R"(C SB+fences
{}
P0(atomic_int *x, atomic_int *y) {
  atomic_store_explicit(x, 1, memory_order_relaxed);
  atomic_thread_fence(memory_order_seq_cst);
  int r0 = atomic_load_explicit(y, memory_order_relaxed);
}
P1(atomic_int *x, atomic_int *y) {
  atomic_store_explicit(y, 1, memory_order_relaxed);
  atomic_thread_fence(memory_order_seq_cst);
  int r0 = atomic_load_explicit(x, memory_order_relaxed);
}
exists (0:r0=0 /\ 1:r0=0)
)");
    EXPECT_EQ(observation(run), "Never");
}

TEST(Rc11Model, SeqCstFencesOrderThroughReadsFrom) {
    // RWC: the cycle between the two fences goes through rf and rb (eco), which only the
    // fence-to-fence part of psc sees.
    auto run = runText("rc11", R"(C RWC+fences
{}
P0(atomic_int *x) { atomic_store_explicit(x, 1, memory_order_relaxed); }
P1(atomic_int *x, atomic_int *y) {
  int r0 = atomic_load_explicit(x, memory_order_relaxed);
  atomic_thread_fence(memory_order_seq_cst);
  int r1 = atomic_load_explicit(y, memory_order_relaxed);
}
P2(atomic_int *x, atomic_int *y) {
  atomic_store_explicit(y, 1, memory_order_relaxed);
  atomic_thread_fence(memory_order_seq_cst);
  int r0 = atomic_load_explicit(x, memory_order_relaxed);
}
exists (1:r0=1 /\ 1:r1=0 /\ 2:r0=0)
)");
    EXPECT_EQ(observation(run), "Never");
}

TEST(Rc11Model, LoadBufferingRelaxedIsForbiddenByNoThinAir) {
    // C++11 itself allows this outcome; RC11 forbids it: po | rf must be acyclic.
    auto run = runText("rc11", R"(C LB
{}
P0(atomic_int *x, atomic_int *y) {
  int r0 = atomic_load_explicit(x, memory_order_relaxed);
  atomic_store_explicit(y, 1, memory_order_relaxed);
}
P1(atomic_int *x, atomic_int *y) {
  int r0 = atomic_load_explicit(y, memory_order_relaxed);
  atomic_store_explicit(x, 1, memory_order_relaxed);
}
exists (0:r0=1 /\ 1:r0=1)
)");
    EXPECT_EQ(observation(run), "Never");
    EXPECT_EQ(run.outcome.negative, 3u);
}

TEST(Rc11Model, CoherenceOfReadReadIsKeptEvenRelaxed) {
    auto run = runText("rc11", R"(C CoRR
{}
P0(atomic_int *x) { atomic_store_explicit(x, 1, memory_order_relaxed); }
P1(atomic_int *x) {
  int r0 = atomic_load_explicit(x, memory_order_relaxed);
  int r1 = atomic_load_explicit(x, memory_order_relaxed);
}
exists (1:r0=1 /\ 1:r1=0)
)");
    EXPECT_EQ(observation(run), "Never");
}

TEST(Rc11Model, RelaxedIncrementsAreAtomic) {
    auto run = runText("rc11", R"(C inc
{}
P0(atomic_int *x) { int r0 = atomic_fetch_add_explicit(x, 1, memory_order_relaxed); }
P1(atomic_int *x) { int r0 = atomic_fetch_add_explicit(x, 1, memory_order_relaxed); }
exists (x=1)
)");
    EXPECT_EQ(observation(run), "Never");
    EXPECT_EQ(run.outcome.negative, 2u);
}

TEST(Rc11Model, IndependentReadsOfIndependentWritesNeedSeqCst) {
    const char* iriw = R"(C IRIW
{}
P0(atomic_int *x) { atomic_store_explicit(x, 1, ORDER); }
P1(atomic_int *y) { atomic_store_explicit(y, 1, ORDER); }
P2(atomic_int *x, atomic_int *y) {
  int r0 = atomic_load_explicit(x, LOAD); int r1 = atomic_load_explicit(y, LOAD);
}
P3(atomic_int *x, atomic_int *y) {
  int r0 = atomic_load_explicit(y, LOAD); int r1 = atomic_load_explicit(x, LOAD);
}
exists (2:r0=1 /\ 2:r1=0 /\ 3:r0=1 /\ 3:r1=0)
)";
    auto with = [&](const std::string& store, const std::string& load) {
        std::string text = iriw;
        for (auto at = text.find("ORDER"); at != std::string::npos; at = text.find("ORDER")) {
            text.replace(at, 5, store);
        }
        for (auto at = text.find("LOAD"); at != std::string::npos; at = text.find("LOAD")) {
            text.replace(at, 4, load);
        }
        return text;
    };
    EXPECT_EQ(observation(runText("rc11", with("memory_order_release", "memory_order_acquire"))),
              "Sometimes");
    EXPECT_EQ(observation(runText("rc11", with("memory_order_seq_cst", "memory_order_seq_cst"))),
              "Never");
}

TEST(Rc11Model, RacyPlainAccessMakesTheProgramUndefined) {
    auto run = runText("rc11", R"(C race
{}
P0(int *x) { *x = 1; }
P1(int *x) { int r0 = *x; }
exists (1:r0=1)
)");
    EXPECT_TRUE(run.outcome.undefined);
    EXPECT_TRUE(run.outcome.flags.contains("*undef*"));
    auto report = solver::formatHerdReport(run.program, run.outcome, run.hash);
    EXPECT_NE(report.find("\nUndef\n"), std::string::npos) << report;
    EXPECT_NE(report.find("\nFlag *undef*\n"), std::string::npos) << report;
}

TEST(Rc11Model, AtomicAccessesNeverRace) {
    auto run = runText("rc11", R"(C no-race
{}
P0(atomic_int *x) { atomic_store_explicit(x, 1, memory_order_relaxed); }
P1(atomic_int *x) { int r0 = atomic_load_explicit(x, memory_order_relaxed); }
exists (1:r0=1)
)");
    EXPECT_FALSE(run.outcome.undefined);
    EXPECT_TRUE(run.outcome.flags.empty());
    EXPECT_EQ(observation(run), "Sometimes");
}

TEST(Rc11Model, PlainAccessesOrderedByHappensBeforeDoNotRace) {
    auto run = runText("rc11", R"(C MP+plain
{}
P0(int *x, atomic_int *y) {
  *x = 1;
  atomic_store_explicit(y, 1, memory_order_release);
}
P1(int *x, atomic_int *y) {
  int r0 = atomic_load_explicit(y, memory_order_acquire);
  int r1 = -1;
  if (r0 == 1) { r1 = *x; }
}
exists (1:r0=1 /\ 1:r1=0)
)");
    EXPECT_FALSE(run.outcome.undefined);
    EXPECT_EQ(observation(run), "Never");
    // The same test with a relaxed flag: the plain accesses race.
    auto relaxed = runText("rc11", R"(C MP+plain+rlx
{}
P0(int *x, atomic_int *y) {
  *x = 1;
  atomic_store_explicit(y, 1, memory_order_relaxed);
}
P1(int *x, atomic_int *y) {
  int r0 = atomic_load_explicit(y, memory_order_relaxed);
  int r1 = -1;
  if (r0 == 1) { r1 = *x; }
}
exists (1:r0=1 /\ 1:r1=0)
)");
    EXPECT_TRUE(relaxed.outcome.undefined);
}

}  // namespace
}  // namespace memx::rc11_test
