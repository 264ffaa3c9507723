// Whole tests through parser, event builder, solver and cat model (memx's built-in models),
// on small litmus tests written for memx.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <unistd.h>

#include "solver/herd_report.hpp"
#include "solver/json_report.hpp"
#include "solver/model_locator.hpp"
#include "solver/test_pipeline.hpp"

namespace memx::solver {
namespace {

const char* kStoreBuffering = R"(C SB
{}
P0(int *x, int *y) { int r0; WRITE_ONCE(*x, 1); r0 = READ_ONCE(*y); }
P1(int *x, int *y) { int r0; WRITE_ONCE(*y, 1); r0 = READ_ONCE(*x); }
exists (0:r0=0 /\ 1:r0=0)
)";

const char* kMessagePassingFenced = R"(C MP+fences
{}
P0(int *x, int *y) { WRITE_ONCE(*x, 1); smp_wmb(); WRITE_ONCE(*y, 1); }
P1(int *x, int *y) { int r0; int r1; r0 = READ_ONCE(*y); smp_rmb(); r1 = READ_ONCE(*x); }
exists (1:r0=1 /\ 1:r1=0)
)";

const char* kLoadBufferingData = R"(C LB+datas
{}
P0(int *x, int *y) { int r0; r0 = READ_ONCE(*x); WRITE_ONCE(*y, r0); }
P1(int *x, int *y) { int r0; r0 = READ_ONCE(*y); WRITE_ONCE(*x, r0); }
exists (0:r0=0 /\ 1:r0=0)
)";

const char* kFiltered = R"(C SB+filter
{}
P0(int *x, int *y) { int r0; WRITE_ONCE(*x, 1); r0 = READ_ONCE(*y); }
P1(int *x, int *y) { int r0; WRITE_ONCE(*y, 1); r0 = READ_ONCE(*x); }
filter (0:r0=1)
exists (1:r0=0)
)";

const char* kCoherenceWithLocation = R"(C 2+2W+location
{}
P0(int *x, int *y) { WRITE_ONCE(*x, 1); WRITE_ONCE(*y, 2); }
P1(int *x, int *y) { WRITE_ONCE(*y, 1); WRITE_ONCE(*x, 2); }
exists (x=1 /\ y=1)
)";

const char* kSpinMessagePassing = R"(C spin-MP
{}
P0(int *x, int *y) { WRITE_ONCE(*x, 1); WRITE_ONCE(*y, 1); }
P1(int *x, int *y) {
  int r0; int r1;
  r0 = READ_ONCE(*y);
  while (r0 == 0) { r0 = READ_ONCE(*y); }
  r1 = READ_ONCE(*x);
}
exists (1:r1=0)
)";

const char* kWaitForEachOther = R"(C wait-for-each-other
{}
P0(int *x, int *y) {
  int r0 = smp_load_acquire(y);
  while (r0 == 0) { r0 = smp_load_acquire(y); }
  WRITE_ONCE(*x, 1);
}
P1(int *x, int *y) {
  int r1 = smp_load_acquire(x);
  while (r1 == 0) { r1 = smp_load_acquire(x); }
  WRITE_ONCE(*y, 1);
}
exists (0:r0=1)
)";

// A test of litmus/library, as the user runs it.
std::string libraryTest(const std::string& relative) {
    std::ifstream in(std::string(MEMX_SOURCE_DIR) + "/litmus/library/" + relative);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

class PipelineTest : public ::testing::Test {
protected:
    void TearDown() override {
        if (!dir_.empty()) {
            std::error_code ignored;
            std::filesystem::remove_all(dir_.parent_path(), ignored);
        }
    }
    std::filesystem::path dir_;

    std::string write(const std::string& name, const char* text) {
        // One folder per process and test: ctest runs these tests in parallel, and a shared
        // path let one test read another's half-written file.
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        auto dir = std::filesystem::temp_directory_path() /
                   ("memx-pipeline-test-" + std::to_string(::getpid())) / info->name();
        std::filesystem::create_directories(dir);
        dir_ = dir;
        auto path = dir / (name + ".litmus");
        std::ofstream(path) << text;
        return path.string();
    }

    TestRun run(const std::string& model, const char* name, const char* text,
                RunOptions options = {}, model::EventOptions events = {}) {
        ModelSelection selection;
        selection.builtin = model;
        selection.events = events;
        DiagnosticSink sink;
        auto loaded = loadModelSelection(selection, sink);
        if (!loaded) {
            ADD_FAILURE() << "cannot load built-in model " << model;
            return {};
        }
        auto result = runLitmusFile(write(name, text), *loaded, options, sink);
        for (const auto& d : sink.diagnostics()) {
            ADD_FAILURE() << formatDiagnostic(d);
        }
        return result ? *result : TestRun{};
    }
};

TEST_F(PipelineTest, StoreBufferingUnderScIsNever) {
    auto r = run("sc", "SB", kStoreBuffering);
    EXPECT_EQ(r.outcome.positive, 0u);
    EXPECT_EQ(r.outcome.negative, 3u);
    EXPECT_EQ(r.outcome.states.size(), 3u);
    EXPECT_EQ(observationOf(r.outcome), "Never");
}

TEST_F(PipelineTest, StoreBufferingUnderLkmmIsSometimesWithHerdsBlock) {
    auto r = run("lkmm", "SB", kStoreBuffering);
    auto text = formatHerdReport(r.program, r.outcome, r.hash);
    EXPECT_NE(text.find("States 4\n0:r0=0; 1:r0=0;\n0:r0=0; 1:r0=1;\n0:r0=1; 1:r0=0;\n"
                        "0:r0=1; 1:r0=1;\nOk\nWitnesses\nPositive: 1 Negative: 3\n"
                        "Condition exists (0:r0=0 /\\ 1:r0=0)\n"
                        "Observation SB Sometimes 1 3\n"),
              std::string::npos)
        << text;
}

TEST_F(PipelineTest, FencedMessagePassingIsNeverUnderLkmm) {
    auto r = run("lkmm", "MP", kMessagePassingFenced);
    EXPECT_EQ(r.outcome.positive, 0u);
    EXPECT_EQ(r.outcome.negative, 3u);
}

TEST_F(PipelineTest, OutOfThinAirCandidateIsKeptAndJudgedByTheModel) {
    // herd7 keeps the cycle of copies as a candidate with one open value (docs/oota.md); the
    // LKMM forbids it (marked accesses, dependencies both ways), so the states stay herd's.
    auto r = run("lkmm", "LB", kLoadBufferingData);
    EXPECT_EQ(r.outcome.undetermined, 0u);
    EXPECT_EQ(r.outcome.candidates, 4u);
    ASSERT_EQ(r.outcome.states.size(), 1u);
    EXPECT_EQ(r.outcome.states.begin()->text(), "0:r0=0; 1:r0=0;");
    EXPECT_EQ(r.outcome.positive, 3u);
}

// The issue-17 shapes: herd7's blocks, on both search paths.
const char* kLoadBufferingPlainData = R"(C lb-plain-data
{}
P0(int *x, int *y) { int r1; r1 = *x; *y = r1; }
P1(int *x, int *y) { int r2; r2 = *y; *x = r2; }
exists (0:r1=1 /\ 1:r2=1)
)";

const char* kLoadBufferingBranchConstant = R"(C lb-ctrl-const
{}
P0(int *x, int *y) { int r1; int r3; r1 = *x; if (r1 == 1) r3 = 1; else r3 = 2; *y = r3; }
P1(int *x, int *y) { int r2; r2 = *y; *x = r2; }
exists (0:r1=1 /\ 1:r2=1)
)";

TEST_F(PipelineTest, ACycleOfCopiesIsOneSymbolicValueInHerdsStates) {
    auto r = run("lkmm", "lb-plain-data", kLoadBufferingPlainData);
    auto text = formatHerdReport(r.program, r.outcome, r.hash);
    EXPECT_NE(text.find("States 2\n0:r1=S8; 1:r2=S8;\n0:r1=0; 1:r2=0;\nNo\nWitnesses\n"
                        "Positive: 0 Negative: 4\nFlag data-race\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("Observation lb-plain-data Never 0 4"), std::string::npos) << text;
    RunOptions verdict;
    verdict.search = SearchMode::Verdict;
    auto quick = run("lkmm", "lb-plain-data", kLoadBufferingPlainData, verdict);
    EXPECT_EQ(observationOf(quick.outcome), "Never");
    EXPECT_EQ(quick.outcome.negative, 1u);
}

// The cycle of kLoadBufferingPlainData with an operator on the open value whose result nothing
// uses: herd's `v := S * 2` (M.op) is unsolved all the same, so herd drops that candidate. A
// copy (`r1 + 0`, `0 | r1`) makes no equation and keeps it.
TEST_F(PipelineTest, AnOperatorOnACycleValueDropsTheCandidateEvenUnused) {
    const std::string dead = R"(C lb-dead-operator
{}
P0(int *x, int *y) { int r1; int r3; r1 = *x; OPERATOR; r3 = 0; *y = r1; }
P1(int *x, int *y) { int r2; r2 = *y; *x = r2; }
exists (0:r1=1 /\ 1:r2=1)
)";
    auto with = [&](const std::string& op) {
        std::string text = dead;
        text.replace(text.find("OPERATOR"), 8, op);
        return text;
    };
    for (SearchMode mode : {SearchMode::Auto, SearchMode::Exhaustive}) {
        RunOptions options;
        options.search = mode;
        for (const char* op : {"r3 = r1 * 2", "r3 = -r1", "r3 = r1 == 1", "r3 = r1 - 0"}) {
            auto r = run("lkmm", "lb-dead-operator", with(op).c_str(), options);
            EXPECT_EQ(r.outcome.undetermined, 1u) << op;
            EXPECT_EQ(r.outcome.candidates, 3u) << op;
            ASSERT_EQ(r.outcome.states.size(), 1u) << op;
            EXPECT_EQ(r.outcome.states.begin()->text(), "0:r1=0; 1:r2=0;") << op;
        }
        for (const char* op : {"r3 = r1 + 0", "r3 = 0 | r1", "r3 = r1 ^ r1", "r3 = 2 * 3"}) {
            auto r = run("lkmm", "lb-dead-operator", with(op).c_str(), options);
            EXPECT_EQ(r.outcome.undetermined, 0u) << op;
            EXPECT_EQ(r.outcome.candidates, 4u) << op;
            EXPECT_EQ(r.outcome.states.size(), 2u) << op;
        }
    }
}

// Where herd's numbering is not followed (a lock first), a class is named by the highest of its
// variables, a write's being that of the register read it stores. herd's `r2 + 0` is r2's
// variable itself (its add gives back the other operand of a 0), so it names the class as
// `*x = r2` does.
TEST_F(PipelineTest, AWriteOfRPlusZeroNamesTheClassAsAWriteOfRDoes) {
    const std::string text = R"(C lb-lock-copy
{}
P0(int *x, int *y, spinlock_t *l) { int r1; spin_lock(l); spin_unlock(l); r1 = *x; *y = r1; }
P1(int *x, int *y) { int r2; r2 = *y; *x = VALUE; }
exists (0:r1=1)
)";
    std::vector<std::string> states;
    for (const char* value : {"r2", "r2 + 0", "0 | r2"}) {
        std::string test = text;
        test.replace(test.find("VALUE"), 5, value);
        auto r = run("lkmm", "lb-lock-copy", test.c_str());
        ASSERT_EQ(r.outcome.states.size(), 2u) << value;
        states.push_back(r.outcome.states.begin()->text());
    }
    EXPECT_EQ(states[0], "0:r1=S10;");
    EXPECT_EQ(states[1], states[0]);
    EXPECT_EQ(states[2], states[0]);
}

// herd's name for the value of a cycle is the variable its union-find keeps, which depends on
// the order of its equations and on ranks (solver/herd_names.hpp). Worked by hand from
// herd/mem.ml and herd/partition.ml: P0 makes S1..S6 (x, *x, y, r1, z, r1), P1 S7..S12.
// Registers first: r1's two reads make S4 the parent of P0's read of *x, S10 that of P1's.
// Memory next, in a fresh union-find, the last read first: P1's read of y (now S10) with S4, and
// S10 keeps the tie. The highest variable of the class, S12, is what memx printed before.
const char* kLoadBufferingRegistersReused = R"(C lb-reused
{}
P0(int *x, int *y, int *z) { int r1; r1 = *x; *y = r1; *z = r1; }
P1(int *x, int *y, int *w) { int r2; r2 = *y; *x = r2; *w = r2; }
exists (0:r1=1 /\ 1:r2=1)
)";

// A copy between registers: S5 := S3 and S3 := S2 make S5 the class of P0, S9 the class of P1
// (P1's block comes first); the memory round joins them under S9.
const char* kLoadBufferingRegisterCopy = R"(C lb-copy
{}
P0(int *x, int *y) { int r0; int r1; r0 = *x; r1 = r0; *y = r1; }
P1(int *x, int *y) { int r2; r2 = *y; *x = r2; }
exists (0:r0=1 /\ 0:r1=1 /\ 1:r2=1)
)";

// herd numbers the code after a fork once per side, the `else` side's copy first
// (litmus/library/lkmm/LB+plain-fork-oota.litmus): P1's cycle is S11 where r0 is 0 and S15
// where it is 1. memx used to number that code once, and printed S11 for both.
const char* kLoadBufferingAfterAFork = R"(C lb-fork
{}
P0(int *x, int *y) { *y = *x; }
P1(int *x, int *y, int *z) { int r0; int r1; r0 = *z; if (r0 == 1) r1 = 2; r1 = *y; *x = r1; }
P2(int *z) { WRITE_ONCE(*z, 1); }
exists (1:r0=1 /\ 1:r1=1)
)";

// Two forks in a row: the code after the first runs once per side of it (else first, from
// S8 and from S18), and inside each copy the code after the second once per its sides (from
// b+3 and b+7). By hand: r0 = 0 takes else, else (S13); 1 then, else (S23); 2 else, then (S17).
const char* kLoadBufferingAfterTwoForks = R"(C lb-forks
{}
P0(int *x, int *y) { *y = *x; }
P1(int *x, int *y, int *z) {
  int r0; int r1; r0 = *z; if (r0 == 1) r1 = 2; if (r0 == 2) r1 = 3; r1 = *y; *x = r1; }
P2(int *z) { WRITE_ONCE(*z, 1); }
P3(int *z) { WRITE_ONCE(*z, 2); }
exists (1:r0=1 /\ 1:r1=1)
)";

// An `if` on a constant is no fork: herd runs its `then` side only, so the `else` side's read
// of z makes no variable, and P1's cycle is S7 (memx's walk, which numbers both sides, would
// give S9).
const char* kLoadBufferingAfterAConstantIf = R"(C lb-if1
{}
P0(int *x, int *y) { *y = *x; }
P1(int *x, int *y, int *z) { int r0; int r1; if (1) r0 = 2; else r0 = *z; r1 = *y; *x = r1; }
exists (1:r1=1)
)";

// kLoadBufferingRegistersReused behind a lock: herd's spin_lock and spin_unlock read the
// register l (S1, S2) and make no other variable, so P0 makes S3..S8 and P1 S9..S14. The
// register round makes S6 and S12 the parents of P0's and P1's reads; the memory round joins
// S12 with S6 and S12 keeps the tie. The highest variable of the class would be S14.
const char* kLoadBufferingBehindALock = R"(C lb-lock-reused
{}
P0(int *x, int *y, int *z, spinlock_t *l) {
  int r1; spin_lock(l); spin_unlock(l); r1 = *x; *y = r1; *z = r1; }
P1(int *x, int *y, int *w) { int r2; r2 = *y; *x = r2; *w = r2; }
exists (0:r1=1 /\ 1:r2=1)
)";

// An xchg on the cycle (eventsMonad.ml's linux_exch): P1 makes y, *y (S5, S6), then for the
// xchg x (S7), r2 (S8) and the memory read (S9), then w and r2 (S10, S11). The register round
// makes S8 the parent of S6 and S11; the memory round joins S8 with P0's S4, and S8 keeps the
// tie. The highest variable of the class would be S11.
const char* kLoadBufferingThroughAnXchg = R"(C lb-xchg-reused
{}
P0(int *x, int *y) { int r1; r1 = *x; *y = r1; }
P1(int *x, int *y, int *w) { int r2; int r3; r2 = *y; r3 = xchg_relaxed(x, r2); *w = r2; }
exists (0:r1=1)
)";

// An atomic operation beside the cycle (CSem.ml's build_atomic_op): the value 0 makes no
// variable, the location v S7, the read S8, and `+ 0` none (herd's add gives the read back);
// then x (S9) and r2 (S10), which keeps the class: S10.
const char* kLoadBufferingBesideAnAtomicOp = R"(C lb-atomic-add-return
{}
P0(int *x, int *y) { int r1; r1 = *x; *y = r1; }
P1(int *x, int *y, atomic_t *v) { int r2; int r3; r2 = *y; r3 = atomic_add_return(0, v); *x = r2; }
exists (0:r1=1)
)";

// A cmpxchg beside the cycle forks (CSem.ml's CmpExchange, eventsMonad.ml's altT): P1 makes
// y, *y (S5, S6); the success alternative z, the read (S7, S8); the failure z, the read and
// neqT's comparison (S9-S11). The assignment to r0 lists the failure first, so the rest
// (x, r2) is S12, S13 after the failure and S14, S15 after the success, and r2's read names
// the class. `Z` is z's initial value: 0 succeeds, 5 fails.
const char* kLoadBufferingBesideACmpxchg = R"(C lb-cmpxchg
{ z=Z; }
P0(int *x, int *y) { int r1; r1 = *x; *y = r1; }
P1(int *x, int *y, int *z) { int r0; int r2; r2 = *y; r0 = cmpxchg_relaxed(z, 0, 1); *x = r2; }
exists (0:r1=1)
)";

// atomic_add_unless forks as cmpxchg does: its success makes z, the read, the sum and the
// comparison with the limit (S7-S10), its failure z and the read (S11, S12); then x, r2 is
// S13, S14 after the failure and S15, S16 after the success.
const char* kLoadBufferingBesideAnAddUnless = R"(C lb-add-unless
{ z=Z; }
P0(int *x, int *y) { int r1; r1 = *x; *y = r1; }
P1(int *x, int *y, int *z) { int r0; int r2; r2 = *y; r0 = atomic_add_unless(z, 1, 5); *x = r2; }
exists (0:r1=1)
)";

// spin_trylock reads its lock register once (S7) and then forks into alternatives that make
// no variables; its assignment lists the success first: x, r2 is S8, S9 after a success and
// S10, S11 after a failure (P2 holds the lock). spin_is_locked forks the same way.
const char* kLoadBufferingBesideATrylock = R"(C lb-trylock
{}
P0(int *x, int *y) { int r1; r1 = *x; *y = r1; }
P1(int *x, int *y, spinlock_t *z) { int r0; int r2; r2 = *y; r0 = PRIMITIVE(z); *x = r2; }
P2(spinlock_t *z) { spin_lock(z); spin_unlock(z); }
exists (0:r1=1 /\ 1:r0=1)
)";

std::string withText(const char* litmus, const std::string& from, const std::string& to) {
    std::string text = litmus;
    text.replace(text.find(from), from.size(), to);
    return text;
}

TEST_F(PipelineTest, ACycleValueIsNamedByTheVariableHerdsUnionFindKeeps) {
    // Each test's text and the states herd prints for it.
    const std::string cmpxchgSucceeds = withText(kLoadBufferingBesideACmpxchg, "Z", "0");
    const std::string cmpxchgFails = withText(kLoadBufferingBesideACmpxchg, "Z", "5");
    const std::string addUnlessAdds = withText(kLoadBufferingBesideAnAddUnless, "Z", "0");
    const std::string addUnlessFails = withText(kLoadBufferingBesideAnAddUnless, "Z", "5");
    const std::string trylock = withText(kLoadBufferingBesideATrylock, "PRIMITIVE", "spin_trylock");
    const std::string isLocked =
        withText(kLoadBufferingBesideATrylock, "PRIMITIVE", "spin_is_locked");
    const std::vector<std::pair<const char*, std::string>> cases = {
        {kLoadBufferingRegistersReused, "States 2\n0:r1=S10; 1:r2=S10;\n0:r1=0; 1:r2=0;\n"},
        {kLoadBufferingRegisterCopy, "0:r0=S9; 0:r1=S9; 1:r2=S9;\n"},
        {kLoadBufferingAfterAFork,
         "States 4\n1:r0=0; 1:r1=S11;\n1:r0=0; 1:r1=0;\n1:r0=1; 1:r1=S15;\n"},
        {kLoadBufferingAfterAConstantIf, "States 2\n1:r1=S7;\n"},
        {kLoadBufferingBehindALock, "States 2\n0:r1=S12; 1:r2=S12;\n0:r1=0; 1:r2=0;\n"},
        {kLoadBufferingThroughAnXchg, "States 2\n0:r1=S8;\n0:r1=0;\n"},
        {kLoadBufferingBesideAnAtomicOp, "States 2\n0:r1=S10;\n0:r1=0;\n"},
        {cmpxchgSucceeds.c_str(), "States 2\n0:r1=S15;\n0:r1=0;\n"},
        {cmpxchgFails.c_str(), "States 2\n0:r1=S13;\n0:r1=0;\n"},
        {addUnlessAdds.c_str(), "States 2\n0:r1=S16;\n0:r1=0;\n"},
        {addUnlessFails.c_str(), "States 2\n0:r1=S14;\n0:r1=0;\n"},
        {trylock.c_str(), "States 4\n0:r1=S9; 1:r0=1;\n0:r1=S11; 1:r0=0;\n"},
        {isLocked.c_str(), "States 4\n0:r1=S9; 1:r0=1;\n0:r1=S11; 1:r0=0;\n"},
        {kLoadBufferingAfterTwoForks,
         "1:r0=0; 1:r1=S13;\n1:r0=0; 1:r1=0;\n1:r0=1; 1:r1=S23;\n1:r0=1; 1:r1=0;\n"
         "1:r0=2; 1:r1=S17;\n"}};
    for (SearchMode mode : {SearchMode::Auto, SearchMode::Exhaustive}) {
        RunOptions options;
        options.search = mode;
        for (const auto& [litmus, states] : cases) {
            auto r = run("lkmm", "cycle", litmus, options);
            auto text = formatHerdReport(r.program, r.outcome, r.hash);
            EXPECT_NE(text.find(states), std::string::npos) << text;
        }
    }
}

TEST_F(PipelineTest, ABranchOnACycleValueKeepsEveryConstantTheCycleJustifies) {
    auto r = run("lkmm", "lb-ctrl-const", kLoadBufferingBranchConstant);
    auto text = formatHerdReport(r.program, r.outcome, r.hash);
    EXPECT_NE(text.find("States 4\n0:r1=0; 1:r2=0;\n0:r1=0; 1:r2=2;\n0:r1=1; 1:r2=1;\n"
                        "0:r1=2; 1:r2=2;\nOk\nWitnesses\nPositive: 1 Negative: 4\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("Observation lb-ctrl-const Sometimes 1 4"), std::string::npos) << text;
    RunOptions verdict;
    verdict.search = SearchMode::Verdict;
    auto quick = run("lkmm", "lb-ctrl-const", kLoadBufferingBranchConstant, verdict);
    EXPECT_EQ(observationOf(quick.outcome), "Sometimes");
}

// herd7 states a successful cmpxchg as `old := read`, a failed atomic_add_unless as
// `read := u` and a successful C11 compare_exchange as reading *expected, and solves them as it
// solves rf: they fix a value a dependency cycle leaves open, where memx used to drop the
// candidate (the condition on an open value stays unsolved only on the other side).
const char* kLoadBufferingThroughCmpxchg = R"(C lb-cmpxchg
{}
P0(int *x, int *y) { int r0; r0 = *x; *y = r0; }
P1(int *x, int *y) { int r1; r1 = cmpxchg(y, 1, 5); *x = r1; }
exists (0:r0=1 /\ 1:r1=1)
)";

const char* kCycleReadByAddUnless = R"(C lb-add-unless
{}
P0(int *x, int *y) { int r0; r0 = *x; *y = r0; }
P1(atomic_t *y) { int r1; r1 = atomic_add_unless(y, 1, 5); }
P2(int *x, int *y) { int r2; r2 = *y; *x = r2; }
exists (0:r0=5 /\ 1:r1=0)
)";

// By hand: the successful side has one candidate (the cas reads P0's write, on the cycle, and
// the cycle is 1); the failed side seven, one of which (the cas reads the cycle, `read != 1`)
// stays unsolved.
const char* kCycleReadByCompareExchange = R"(C c11-cas-cycle
{ z = 1; }
P0(atomic_int *x, atomic_int *y) {
  int r0 = atomic_load_explicit(x, memory_order_relaxed);
  atomic_store_explicit(y, r0, memory_order_relaxed); }
P1(atomic_int *y, int *z) { int r1 = atomic_compare_exchange_strong(y, z, 5); }
P2(atomic_int *x, atomic_int *y) {
  int r2 = atomic_load_explicit(y, memory_order_relaxed);
  atomic_store_explicit(x, r2, memory_order_relaxed); }
exists (0:r0=1 /\ 1:r1=1)
)";

TEST_F(PipelineTest, AnRmwsAssignmentFixesTheValueOfACycle) {
    for (SearchMode mode : {SearchMode::Auto, SearchMode::Exhaustive}) {
        RunOptions options;
        options.search = mode;
        auto r = run("lkmm", "lb-cmpxchg", kLoadBufferingThroughCmpxchg, options);
        auto text = formatHerdReport(r.program, r.outcome, r.hash);
        EXPECT_NE(text.find("States 2\n0:r0=0; 1:r1=0;\n0:r0=1; 1:r1=1;\nOk\nWitnesses\n"
                            "Positive: 1 Negative: 3\n"),
                  std::string::npos)
            << text;
        EXPECT_EQ(r.outcome.undetermined, 1u);  // the failed side on the cycle

        r = run("lkmm", "lb-add-unless", kCycleReadByAddUnless, options);
        text = formatHerdReport(r.program, r.outcome, r.hash);
        EXPECT_NE(text.find("0:r0=5; 1:r1=0;\nOk\n"), std::string::npos) << text;
        EXPECT_EQ(observationOf(r.outcome), "Sometimes");

        r = run("rc11", "c11-cas-cycle", kCycleReadByCompareExchange, options);
        EXPECT_EQ(r.outcome.candidates, 8u);
        EXPECT_EQ(r.outcome.undetermined, 1u);
    }
    RunOptions verdict;
    verdict.search = SearchMode::Verdict;
    auto quick = run("lkmm", "lb-cmpxchg", kLoadBufferingThroughCmpxchg, verdict);
    EXPECT_EQ(observationOf(quick.outcome), "Sometimes");
}

// Three cmpxchg locks taken in turn: each thread's cmpxchg reads 0 (the initial value or a
// release) and the filter keeps the executions where all three succeed.
const char* kThreeCmpxchgLocks = R"(C SB+3locks
{}
P0(int *sl, int *x0, int *x1) { int r1; int r2;
  r2 = cmpxchg_acquire(sl, 0, 1); WRITE_ONCE(*x0, 1); r1 = READ_ONCE(*x1);
  smp_store_release(sl, 0); }
P1(int *sl, int *x1, int *x2) { int r1; int r2;
  r2 = cmpxchg_acquire(sl, 0, 1); WRITE_ONCE(*x1, 1); r1 = READ_ONCE(*x2);
  smp_store_release(sl, 0); }
P2(int *sl, int *x2, int *x0) { int r1; int r2;
  r2 = cmpxchg_acquire(sl, 0, 1); WRITE_ONCE(*x2, 1); r1 = READ_ONCE(*x0);
  smp_store_release(sl, 0); }
filter (0:r2=0 /\ 1:r2=0 /\ 2:r2=0)
exists (0:r1=0 /\ 1:r1=0 /\ 2:r1=0)
)";

// The exhaustive pass on the solver's path asks Z3 only for candidates that pass the filter,
// are coherent and keep updates atomic (solver/coherence_pruning.hpp) when the model is a
// built-in one: the same States and counts as the same model read as a user's .cat, which
// gets every candidate, from fewer candidates.
TEST_F(PipelineTest, BuiltInModelsAreOfferedOnlyCoherentAtomicCandidates) {
    auto builtin = run("lkmm", "locks", kThreeCmpxchgLocks);
    ModelSelection selection;
    selection.catFile = builtinModelPath("lkmm");
    DiagnosticSink sink;
    auto asCat = loadModelSelection(selection, sink);
    ASSERT_TRUE(asCat);
    auto user = runLitmusFile(write("locks", kThreeCmpxchgLocks), *asCat, {}, sink);
    ASSERT_TRUE(user);
    ASSERT_TRUE(builtin.outcome.exhaustive);
    ASSERT_TRUE(user->outcome.exhaustive);
    EXPECT_EQ(builtin.outcome.positive, user->outcome.positive);
    EXPECT_EQ(builtin.outcome.negative, user->outcome.negative);
    EXPECT_EQ(builtin.outcome.states, user->outcome.states);
    EXPECT_EQ(builtin.outcome.flags, user->outcome.flags);
    EXPECT_EQ(observationOf(builtin.outcome), "Never");
    EXPECT_LT(builtin.outcome.candidates, user->outcome.candidates);
}

TEST_F(PipelineTest, FilterDiscardsExecutionsBeforeCounting) {
    auto r = run("lkmm", "SBf", kFiltered);
    EXPECT_EQ(r.outcome.filtered, 2u);
    EXPECT_EQ(r.outcome.positive + r.outcome.negative, 2u);
}

TEST_F(PipelineTest, TimeLimitGivesTimeoutNotVerdict) {
    RunOptions options;
    options.timeoutSeconds = 1e-9;
    auto r = run("lkmm", "SB", kStoreBuffering, options);
    EXPECT_TRUE(r.outcome.timedOut);
}

TEST_F(PipelineTest, JsonCarriesEveryAllowedExecution) {
    RunOptions options;
    options.keepExecutions = true;
    auto r = run("lkmm", "SB", kStoreBuffering, options);
    auto j = outcomeToJson(r.program, r.outcome, r.hash);
    EXPECT_EQ(j["observation"], "Sometimes");
    ASSERT_EQ(j["executions"].size(), 4u);
    EXPECT_EQ(j["executions"][0]["events"].size(), 6u);
    EXPECT_TRUE(j["executions"][0]["relations"].contains("rf"));
}

}  // namespace
// A verdict search decides the observation without checking every execution: the same
// Observation as the exhaustive run, with at most one witness each way, and the report says so.
TEST_F(PipelineTest, VerdictSearchGivesTheExhaustiveObservation) {
    struct Case {
        const char* model;
        const char* name;
        const char* text;
    };
    for (const Case& c :
         {Case{"sc", "SB", kStoreBuffering}, Case{"lkmm", "SB", kStoreBuffering},
          Case{"lkmm", "MP", kMessagePassingFenced}, Case{"lkmm", "SBf", kFiltered},
          Case{"lkmm", "LB", kLoadBufferingData}, Case{"lkmm", "2+2W", kCoherenceWithLocation},
          Case{"sc", "2+2W", kCoherenceWithLocation}}) {
        auto full = run(c.model, c.name, c.text);
        RunOptions verdict;
        verdict.search = SearchMode::Verdict;
        auto quick = run(c.model, c.name, c.text, verdict);
        SCOPED_TRACE(std::string(c.model) + " " + c.name);
        EXPECT_TRUE(full.outcome.exhaustive);
        EXPECT_FALSE(quick.outcome.exhaustive);
        EXPECT_FALSE(quick.outcome.timedOut);
        EXPECT_EQ(observationOf(quick.outcome), observationOf(full.outcome));
        EXPECT_LE(quick.outcome.positive, 1u);
        EXPECT_LE(quick.outcome.negative, 1u);
        EXPECT_LE(quick.outcome.evaluated, full.outcome.evaluated);
        // Each of these tests is solver-free: its searches walk the explicit search, cut to
        // the wanted side of the condition, and ask Z3 nothing.
        EXPECT_EQ(quick.outcome.solverWork, 0u);
        for (const auto& state : quick.outcome.states) {
            EXPECT_TRUE(full.outcome.states.count(state)) << state.text();
        }
        auto text = formatHerdReport(quick.program, quick.outcome, quick.hash);
        EXPECT_NE(text.find("Verdict-only search"), std::string::npos);
    }
}

TEST_F(PipelineTest, AutoSearchIsExhaustiveBelowTheBoundAndVerdictOnlyAbove) {
    RunOptions tight;
    tight.exhaustiveBound = 2;  // SB has 4 candidates
    auto quick = run("lkmm", "SB", kStoreBuffering, tight);
    EXPECT_FALSE(quick.outcome.exhaustive);
    EXPECT_EQ(observationOf(quick.outcome), "Sometimes");
    auto full = run("lkmm", "SB", kStoreBuffering);
    EXPECT_TRUE(full.outcome.exhaustive);
    EXPECT_EQ(full.outcome.positive + full.outcome.negative, 4u);
    RunOptions exhaustive = tight;
    exhaustive.search = SearchMode::Exhaustive;
    EXPECT_TRUE(run("lkmm", "SB", kStoreBuffering, exhaustive).outcome.exhaustive);
}

// The candidate bound multiplies every read's possible ways: its sources, plus not running
// when it may not run. Here every read runs; P1's two reads have 5 sources each (the four
// writes never run: P0 reads y = 0), so the bound is 25, not 72, and the one real candidate
// is counted exactly.
const char* kBoundFarAboveTheCandidates = R"(C bound-far-above
{}
P0(int *x, int *y) {
  int r0 = READ_ONCE(*y);
  if (r0 == 5) { WRITE_ONCE(*x, 1); WRITE_ONCE(*x, 2); WRITE_ONCE(*x, 3); WRITE_ONCE(*x, 4); }
}
P1(int *x) { int r1 = READ_ONCE(*x); int r2 = READ_ONCE(*x); }
exists (1:r1=0)
)";

// A 4-byte word written whole and read whole: each byte of the read has two sources.
const char* kTornWord = R"(C torn-word
{ u32 x = 0; }
P0(u32 *x) { u32 r0 = READ_ONCE(*x); }
P1(u32 *x) { WRITE_ONCE(*x, 0x01010101); }
exists (0:r0=0x01010101)
)";

TEST_F(PipelineTest, AnAlwaysRunningReadCountsOnlyItsSourcesInTheBound) {
    RunOptions budget;
    budget.exhaustiveBound = 4;  // 8 x 4 = 32: above 25, below 72
    auto few = run("lkmm", "bound-far-above", kBoundFarAboveTheCandidates, budget);
    EXPECT_TRUE(few.outcome.exhaustive);
    EXPECT_EQ(few.outcome.candidates, 1u);
}

TEST_F(PipelineTest, AutoSearchGoesStraightToTheSearchesWhenTheBoundIsFarBeyondTheBudget) {
    RunOptions budget;
    // The word's 16 byte-source combinations exceed the budget (4), not eight times it (32):
    // byte-granular tests go at once past the budget itself.
    budget.exhaustiveBound = 4;
    auto torn = run("lkmm", "torn-word", kTornWord, budget);
    EXPECT_FALSE(torn.outcome.exhaustive);
    EXPECT_LE(torn.outcome.evaluated, 2u);
    EXPECT_EQ(observationOf(torn.outcome), "Sometimes");
}

// Load buffering through data dependencies, one of them a product (a cycle the explicit search
// cannot solve: the Z3 enumeration runs), with six writes to each location that never run: a
// bound of 64 for a handful of candidates.
const char* kCyclicWithIdleWrites = R"(C cyclic-idle
{}
P0(int *x, int *y) { int r0 = READ_ONCE(*x); WRITE_ONCE(*y, r0 * 1); }
P1(int *x, int *y, int *z) {
  int r1 = READ_ONCE(*y);
  WRITE_ONCE(*x, r1);
  int r2 = READ_ONCE(*z);
  if (r2 == 5) {
    WRITE_ONCE(*x, 2); WRITE_ONCE(*x, 3); WRITE_ONCE(*x, 4);
    WRITE_ONCE(*x, 5); WRITE_ONCE(*x, 6); WRITE_ONCE(*x, 7);
    WRITE_ONCE(*y, 2); WRITE_ONCE(*y, 3); WRITE_ONCE(*y, 4);
    WRITE_ONCE(*y, 5); WRITE_ONCE(*y, 6); WRITE_ONCE(*y, 7);
  }
}
exists (0:r0=0)
)";

TEST_F(PipelineTest, TheBoundOfACyclicTestDoesNotSendItStraightToTheSearches) {
    RunOptions budget;
    budget.exhaustiveBound = 4;  // 8 x 4 = 32, below the bound
    auto full = run("lkmm", "cyclic-idle", kCyclicWithIdleWrites);
    ASSERT_TRUE(full.outcome.exhaustive);
    ASSERT_LE(full.outcome.candidates, 4u);
    auto budgeted = run("lkmm", "cyclic-idle", kCyclicWithIdleWrites, budget);
    EXPECT_TRUE(budgeted.outcome.exhaustive);
    EXPECT_EQ(budgeted.outcome.states, full.outcome.states);
}

TEST_F(PipelineTest, TheSolverWorkBudgetEndsTheExhaustivePassOnTheSolversPath) {
    auto full = run("lkmm", "cyclic-idle", kCyclicWithIdleWrites);
    ASSERT_TRUE(full.outcome.exhaustive);
    EXPECT_GT(full.outcome.solverWork, 0u);  // Z3 proposed them
    RunOptions budget;
    budget.solverWorkBudget = 1;  // spent by the first check
    auto quick = run("lkmm", "cyclic-idle", kCyclicWithIdleWrites, budget);
    EXPECT_FALSE(quick.outcome.exhaustive);
    EXPECT_EQ(observationOf(quick.outcome), observationOf(full.outcome));
    // The solver-free path spends no solver work, whatever the budget.
    auto sb = run("lkmm", "SB", kStoreBuffering, budget);
    EXPECT_TRUE(sb.outcome.exhaustive);
    EXPECT_EQ(sb.outcome.solverWork, 0u);
}

TEST_F(PipelineTest, ATimeLimitDoesNotChangeWhatTheSolverProposes) {
    // Z3 searches differently once its parameters are set before a check, as a time limit
    // sets them; a run without one must propose the same candidates with the same work.
    RunOptions limited;
    limited.timeoutSeconds = 3600;
    auto with = run("lkmm", "cyclic-idle", kCyclicWithIdleWrites, limited);
    auto without = run("lkmm", "cyclic-idle", kCyclicWithIdleWrites);
    ASSERT_GT(with.outcome.solverWork, 0u);
    EXPECT_EQ(without.outcome.solverWork, with.outcome.solverWork);
    EXPECT_EQ(without.outcome.candidates, with.outcome.candidates);
}

// Two counter increments read each other's writes (a cycle the explicit search solves), and a
// filter keeps 24 of the 108 candidates (C-seqlock's shape: 2538 of 18000).
const char* kFilteredCounter = R"(C filtered-counter
{}
P0(int *c, int *x) { int r0 = READ_ONCE(*c); WRITE_ONCE(*c, r0 + 1); r0 = READ_ONCE(*x); }
P1(int *c, int *x) { int r1 = READ_ONCE(*c); WRITE_ONCE(*c, r1 + 1); WRITE_ONCE(*x, 1); }
P2(int *c, int *x) { int r2 = READ_ONCE(*c); int r3 = READ_ONCE(*c); int r4 = READ_ONCE(*x); }
filter (2:r2=2)
exists (2:r3=1)
)";

TEST_F(PipelineTest, AFilteredTestSpendsTheBudgetOnWhatPassesTheFilter) {
    auto full = run("lkmm", "filtered-counter", kFilteredCounter);
    ASSERT_TRUE(full.outcome.exhaustive);
    ASSERT_GT(full.outcome.filtered, 0u);
    ASSERT_EQ(full.outcome.solverWork, 0u);  // the explicit search, cycle and all
    const double judged = static_cast<double>(full.outcome.candidates - full.outcome.filtered);
    RunOptions budget;
    // Above what passes the filter, below all candidates and below the bound's share.
    budget.exhaustiveBound = judged + 1;
    ASSERT_LT(budget.exhaustiveBound, static_cast<double>(full.outcome.candidates));
    auto counted = run("lkmm", "filtered-counter", kFilteredCounter, budget);
    EXPECT_TRUE(counted.outcome.exhaustive);
    EXPECT_EQ(counted.outcome.states, full.outcome.states);
    EXPECT_EQ(counted.outcome.negative, full.outcome.negative);
}

TEST_F(PipelineTest, AnUnrolledLoopIsCutAndTheVerdictSaysLoop) {
    model::EventOptions events;
    for (int unroll : {2, 4}) {
        events.unroll = unroll;
        auto r = run("lkmm", "spin-MP", kSpinMessagePassing, {}, events);
        EXPECT_TRUE(r.outcome.loopCut);
        // One execution per number of failed reads of y that fits, times the two values of x.
        EXPECT_EQ(r.outcome.positive, static_cast<std::uint64_t>(unroll + 1));
        EXPECT_EQ(r.outcome.negative, static_cast<std::uint64_t>(unroll + 1));
        EXPECT_NE(formatHerdReport(r.program, r.outcome, r.hash).find("\nLoop Ok\nWitnesses\n"),
                  std::string::npos);
    }
}

TEST_F(PipelineTest, WaitsForEachOtherUnderBothReadings) {
    auto herd = run("lkmm", "wait", kWaitForEachOther);
    EXPECT_EQ(herd.outcome.positive + herd.outcome.negative, 0u) << "every execution is cut";
    EXPECT_FALSE(herd.outcome.flags.contains("liveness"));
    model::EventOptions events;
    events.loops = model::LoopReading::Await;
    auto await = run("lkmm", "wait", kWaitForEachOther, {}, events);
    EXPECT_EQ(await.outcome.waits, 2u);
    EXPECT_FALSE(await.outcome.loopCut) << "a wait is not a cut";
    EXPECT_EQ(await.outcome.positive + await.outcome.negative, 0u);
    EXPECT_TRUE(await.outcome.flags.contains("liveness"));
    ASSERT_TRUE(await.outcome.blocked);
    std::vector<std::string> where;
    for (const BlockedWait& wait : await.outcome.blocked->waits) {
        where.push_back(wait.where());
    }
    EXPECT_EQ(where, (std::vector<std::string>{"P0 at line 5", "P1 at line 10"}));
}

TEST_F(PipelineTest, TheBlockedExecutionIsKeptWithTheWaitsLastReads) {
    model::EventOptions events;
    events.loops = model::LoopReading::Await;
    auto r = run("lkmm", "wait", kWaitForEachOther, {}, events);
    ASSERT_TRUE(r.outcome.blocked);
    const BlockedExecution& blocked = *r.outcome.blocked;
    const model::ExecutionGraph& g = blocked.execution.graph;
    // The LKMM chooses co itself: the kept graph has the model's choice, for the figures.
    EXPECT_TRUE(g.relations.count("co"));
    EXPECT_TRUE(g.relations.count("fr"));
    // Neither wait ends, so neither thread writes, and each waiting read reads the initial
    // value of the other's flag, which is the final write of its location.
    EXPECT_EQ(blocked.execution.state.text(), "0:r0=0;");  // the condition shows only 0:r0
    EXPECT_FALSE(blocked.execution.conditionHolds);
    ASSERT_EQ(blocked.waits.size(), 2u);
    const model::Relation& rf = g.relations.at("rf");
    for (const BlockedWait& wait : blocked.waits) {
        ASSERT_EQ(wait.lastReads.size(), 1u) << wait.where();
        const model::EventInfo& read = g.events[wait.lastReads[0]];
        EXPECT_EQ(read.thread, wait.thread);
        EXPECT_EQ(read.kind, "R");
        EXPECT_EQ(read.value, std::optional<std::int64_t>(0));
        // The last of the thread's two reads: the wait's one body, after its first test.
        int laterReads = 0;
        for (model::EventIndex e = 0; e < g.events.size(); ++e) {
            laterReads += g.events[e].thread == wait.thread && g.events[e].kind == "R" &&
                          g.events[e].poIndex > read.poIndex;
        }
        EXPECT_EQ(laterReads, 0) << wait.where();
        bool fromInitial = false;
        for (const auto& [w, rd] : rf.pairs()) {
            fromInitial = fromInitial || (rd == wait.lastReads[0] && g.events[w].thread < 0);
        }
        EXPECT_TRUE(fromInitial) << wait.where();
    }
}

TEST_F(PipelineTest, AWaitThatAlwaysEndsRaisesNoLivenessFlag) {
    model::EventOptions events;
    events.loops = model::LoopReading::Await;
    auto r = run("lkmm", "spin-MP", kSpinMessagePassing, {}, events);
    EXPECT_EQ(r.outcome.waits, 1u);
    EXPECT_FALSE(r.outcome.flags.contains("liveness"));
    EXPECT_EQ(r.outcome.positive, 2u);
    EXPECT_EQ(r.outcome.negative, 2u);
}

TEST_F(PipelineTest, AByteGranularWaitBlocksWhenEachByteReadsItsFinalWrite) {
    model::EventOptions events;
    events.loops = model::LoopReading::Await;
    // Two-byte locations make these tests byte-granular: one event per byte.
    const std::string waitCanBlock = libraryTest("loops/wait-can-block-u16.litmus");
    auto blocked = run("lkmm", "wait-u16", waitCanBlock.c_str(), {}, events);
    EXPECT_TRUE(blocked.outcome.flags.contains("liveness"));
    ASSERT_TRUE(blocked.outcome.blocked);
    ASSERT_EQ(blocked.outcome.blocked->waits.size(), 1u);
    const BlockedWait& wait = blocked.outcome.blocked->waits.front();
    EXPECT_EQ(wait.where(), "P0 at line 24");
    // The last read's two bytes, each reading the flag's initial byte (nobody writes it).
    const model::ExecutionGraph& g = blocked.outcome.blocked->execution.graph;
    ASSERT_EQ(wait.lastReads.size(), 2u);
    std::set<std::uint32_t> offsets;
    for (model::EventIndex e : wait.lastReads) {
        EXPECT_EQ(g.events[e].kind, "R");
        EXPECT_TRUE(g.events[e].byteEvent);
        EXPECT_EQ(g.events[e].base, "flag");
        EXPECT_EQ(g.events[e].thread, 0);
        offsets.insert(g.events[e].offset);
    }
    EXPECT_EQ(offsets, (std::set<std::uint32_t>{0, 1}));
    // A writer that always sets both bytes of the flag: no thread waits forever.
    const std::string spin = libraryTest("loops/spin-MP-u16.litmus");
    auto ends = run("lkmm", "spin-u16", spin.c_str(), {}, events);
    EXPECT_EQ(ends.outcome.waits, 1u);
    EXPECT_FALSE(ends.outcome.flags.contains("liveness"));
    EXPECT_FALSE(ends.outcome.blocked);
}

// A verdict search whose condition names shared memory learns it only at the leaf, so the cut
// explicit search settles nothing early; past its decision limit (32 budgets) the search goes
// to Z3, which reasons back from the condition. A chain of copies, `exists (y=1)`: 2^12
// leaves, over the limit that a budget of 16 gives.
// A chain of copies x0 -> x1 -> ... -> xn: 2^n leaves. A condition on the last location is
// known only at a leaf, so the cut search gets one budget of decisions before Z3 takes over;
// the same question asked of the last register may settle branches early and gets 32.
std::string copyChain(int n, const std::string& condition) {
    std::string text = "C chain\n{ x0 = 1; }\n";
    for (int i = 0; i < n; ++i) {
        text += "P" + std::to_string(i) + "(int *x" + std::to_string(i) + ", int *x" +
                std::to_string(i + 1) + ")\n{\n    int t;\n\n    t = READ_ONCE(*x" +
                std::to_string(i) + ");\n    WRITE_ONCE(*x" + std::to_string(i + 1) + ", t);\n}\n";
    }
    return text + "exists (" + condition + ")\n";
}

TEST_F(PipelineTest, AVerdictSearchTheCutsCannotNarrowGoesToTheSolver) {
    RunOptions options;
    options.search = SearchMode::Verdict;
    options.exhaustiveBound = 16;
    const std::string onMemory = copyChain(12, "x12=1");
    auto small = run("lkmm", "chain", onMemory.c_str(), options);
    EXPECT_FALSE(small.outcome.timedOut);
    EXPECT_EQ(observationOf(small.outcome), "Sometimes");
    EXPECT_GT(small.outcome.solverWork, 0u);
    // Asking for a value no copy carries (Never) makes the search walk every leaf: 2^14 of
    // them, past one default budget of decisions but within 32.
    options.exhaustiveBound = RunOptions{}.exhaustiveBound;
    const std::string onMemory14 = copyChain(14, "x14=2");
    auto memory = run("lkmm", "chain", onMemory14.c_str(), options);
    EXPECT_EQ(observationOf(memory.outcome), "Never");
    EXPECT_GT(memory.outcome.solverWork, 0u);
    // On the register the last thread copies, the cuts can settle branches early, so the
    // search gets 32 budgets, and walks the tree without the solver.
    const std::string onRegister = copyChain(14, "13:t=2");
    auto registers = run("lkmm", "chain", onRegister.c_str(), options);
    EXPECT_EQ(observationOf(registers.outcome), "Never");
    EXPECT_EQ(registers.outcome.solverWork, 0u);
}

}  // namespace memx::solver
