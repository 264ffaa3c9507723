// The candidate space: rf choices, final writes, branches, free choices, and herd's treatment
// of values that rf leaves undetermined.
#include <gtest/gtest.h>

#include <set>
#include <vector>

#include "solver/candidate_enumerator.hpp"
#include "tests/engine/hand_built_events.hpp"

namespace memx::solver {
namespace {

using model::SymOp;
using testing::HandBuiltEvents;
using testing::loadBufferingWithDataDependencies;

std::vector<Candidate> allCandidates(const model::EventStructure& es, std::vector<bool> observed,
                                     EnumerationStats* stats = nullptr) {
    std::vector<Candidate> out;
    auto s = enumerateCandidates(es, observed, [&](const Candidate& c) {
        out.push_back(c);
        return true;
    });
    if (stats) {
        *stats = s;
    }
    return out;
}

TEST(CandidateEnumerator, StoreBufferingHasOneCandidatePerRfChoice) {
    HandBuiltEvents b;
    auto x = b.location("x");
    auto y = b.location("y");
    b.write(0, 0, x, b.constant(1));
    auto r0 = b.read(0, 1, y);
    b.write(1, 0, y, b.constant(1));
    auto r1 = b.read(1, 1, x);
    auto cs = allCandidates(b.es, {true, true});
    ASSERT_EQ(cs.size(), 4u);
    std::set<std::pair<std::int64_t, std::int64_t>> seen;
    for (const auto& c : cs) {
        seen.insert({c.values[r0], c.values[r1]});
        EXPECT_TRUE(c.rfSource[r0].has_value());
        // The only non-initial write of each location is final.
        EXPECT_EQ(c.finalWrite[x], 2u);
        EXPECT_EQ(c.finalWrite[y], 4u);
    }
    EXPECT_EQ(seen.size(), 4u);
}

TEST(CandidateEnumerator, ReadValueEqualsItsSourceWrite) {
    HandBuiltEvents b;
    auto x = b.location("x", 5);
    auto w = b.write(1, 0, x, b.constant(7));
    auto r = b.read(0, 0, x);
    for (const auto& c : allCandidates(b.es, {false})) {
        ASSERT_TRUE(c.rfSource[r]);
        EXPECT_EQ(c.values[r], *c.rfSource[r] == w ? 7 : 5);
    }
}

TEST(CandidateEnumerator, FinalWritesOnlyForObservedLocations) {
    HandBuiltEvents b;
    auto x = b.location("x");
    b.write(0, 0, x, b.constant(1));
    b.write(1, 0, x, b.constant(2));
    EXPECT_EQ(allCandidates(b.es, {true}).size(), 2u);
    auto unobserved = allCandidates(b.es, {false});
    ASSERT_EQ(unobserved.size(), 1u);
    EXPECT_FALSE(unobserved[0].finalWrite[x]);
}

TEST(CandidateEnumerator, WriteOverwrittenInItsOwnThreadIsNeverFinal) {
    // herd's optace rule: LKW followed by UL of the same lock, or W x=1 then W x=2.
    HandBuiltEvents b;
    auto x = b.location("x");
    b.write(0, 0, x, b.constant(1));
    auto second = b.write(0, 1, x, b.constant(2));
    auto cs = allCandidates(b.es, {true});
    ASSERT_EQ(cs.size(), 1u);
    EXPECT_EQ(cs[0].finalWrite[x], second);
}

TEST(CandidateEnumerator, InitialWriteIsFinalOnlyWhenNothingElseWrites) {
    HandBuiltEvents b;
    auto x = b.location("x");
    auto y = b.location("y");
    auto r = b.read(0, 0, y);
    auto guard = b.op(SymOp::Ne, {b.valueOf(r), 0});
    b.write(0, 1, x, b.constant(3), guard);
    b.write(1, 0, y, b.constant(1));
    auto cs = allCandidates(b.es, {true, false});
    ASSERT_EQ(cs.size(), 2u);
    for (const auto& c : cs) {
        ASSERT_TRUE(c.finalWrite[x]);
        bool branchTaken = c.values[r] != 0;
        EXPECT_EQ(*c.finalWrite[x], branchTaken ? 3u : 0u);  // event 3 is the guarded write
        EXPECT_EQ(c.executed[3], branchTaken);
    }
}

TEST(CandidateEnumerator, FreeChoiceSplitsOnlyWhenItsCallRuns) {
    HandBuiltEvents b;
    auto x = b.location("x");
    auto r = b.read(0, 0, x);
    auto taken = b.op(SymOp::Ne, {b.valueOf(r), 0});
    auto c = b.choice(taken);
    b.fence(0, 1, {"F"}, b.op(SymOp::LogAnd, {taken, c}));
    b.write(1, 0, x, b.constant(1));
    // r reads 0: the choice's call does not run (1 candidate); r reads 1: it splits (2).
    EXPECT_EQ(allCandidates(b.es, {false}).size(), 3u);
}

TEST(CandidateEnumerator, OutOfThinAirValuesAreOneSymbolicValueAsHerdKeepsThem) {
    // LB with data dependencies: in the cycle where each read takes the other thread's write,
    // nothing determines the values; herd unifies the copies into one variable and keeps the
    // candidate with it (docs/oota.md). Its values are 0 and its symbolic number is shared.
    auto lb = loadBufferingWithDataDependencies();
    HandBuiltEvents& b = lb.b;
    EnumerationStats stats;
    auto cs = allCandidates(b.es, {false, false}, &stats);
    EXPECT_EQ(cs.size(), 4u);
    EXPECT_EQ(stats.undetermined, 0u);
    std::size_t open = 0;
    for (const auto& c : cs) {
        EXPECT_EQ(c.values[lb.r0], 0);
        EXPECT_EQ(c.values[lb.r1], 0);
        if (c.symbolicOf(lb.r0) != 0) {
            ++open;
            EXPECT_EQ(c.symbolicOf(lb.r0), c.symbolicOf(lb.r1));
        }
    }
    EXPECT_EQ(open, 1u);
}

TEST(CandidateEnumerator, DeterminedCycleIsKept) {
    // LB where the writes store constants: every rf choice determines the values.
    HandBuiltEvents b;
    auto x = b.location("x");
    auto y = b.location("y");
    b.read(0, 0, x);
    b.write(0, 1, y, b.constant(1));
    b.read(1, 0, y);
    b.write(1, 1, x, b.constant(1));
    EnumerationStats stats;
    EXPECT_EQ(allCandidates(b.es, {false, false}, &stats).size(), 4u);
    EXPECT_EQ(stats.undetermined, 0u);
}

TEST(CandidateEnumerator, DeterminacyChecksLoseNoCandidate) {
    // The shape of lkmm/auto/C-LB-GRW+R-Dd+R-Dd+R-Dd+R-Dd: a chain of pointer reads, each
    // thread storing through the pointer it read, closed by an LB-like pair. The dependency
    // cycle turns on the determinacy check; with Z3's pseudo-boolean at-most-one, models were
    // lost across its push/pop and only 9 of the 12 rf combinations came out.
    HandBuiltEvents b;
    std::vector<std::uint32_t> x, y;
    for (int i = 1; i <= 4; ++i) {
        x.push_back(b.location("x" + std::to_string(i)));
    }
    auto u0 = b.location("u0");
    auto v0 = b.location("v0");
    for (int i = 1; i <= 4; ++i) {
        y.push_back(b.location("y" + std::to_string(i)));
    }
    for (int i = 0; i < 4; ++i) {  // x_i initially points to y_i
        b.es.events[x[i]].value = b.constant(b.address(y[i]));
    }
    auto addr = [&](std::uint32_t loc) { return b.constant(b.address(loc)); };
    b.read(0, 0, u0);
    b.write(0, 1, x[0], addr(x[1]));
    for (int t = 1; t <= 3; ++t) {
        auto r = b.read(t, 0, x[t - 1]);
        b.writeAt(t, 1, b.valueOf(r), t < 3 ? addr(x[t + 1]) : addr(v0));
    }
    auto r4 = b.read(4, 0, x[3]);
    b.writeAt(4, 1, b.valueOf(r4), b.constant(1));
    b.read(5, 0, v0);
    b.fence(5, 1);
    b.write(5, 2, u0, b.constant(1));
    EnumerationStats stats;
    auto cs = allCandidates(b.es, std::vector<bool>(10, false), &stats);
    EXPECT_EQ(cs.size(), 12u);
    EXPECT_EQ(stats.undetermined, 0u);
}

TEST(CandidateEnumerator, ReadsNeverTakeLaterWritesOfTheirOwnThread) {
    HandBuiltEvents b;
    auto x = b.location("x");
    auto r = b.read(0, 0, x);
    b.write(0, 1, x, b.constant(1));
    auto cs = allCandidates(b.es, {false});
    ASSERT_EQ(cs.size(), 1u);
    EXPECT_EQ(cs[0].values[r], 0);
}

TEST(CandidateEnumerator, AssumptionsRestrictCandidates) {
    HandBuiltEvents b;
    auto x = b.location("x");
    auto r = b.read(0, 0, x);
    b.write(1, 0, x, b.constant(1));
    b.es.assumptions.push_back({1, b.op(SymOp::Eq, {b.valueOf(r), b.constant(1)})});
    auto cs = allCandidates(b.es, {false});
    ASSERT_EQ(cs.size(), 1u);
    EXPECT_EQ(cs[0].values[r], 1);
}

TEST(CandidateEnumerator, PastDeadlineStopsWithTimeout) {
    HandBuiltEvents b;
    auto x = b.location("x");
    b.read(0, 0, x);
    auto stats = enumerateCandidates(
        b.es, {false}, [](const Candidate&) { return true; },
        Clock::now() - std::chrono::seconds(1));
    EXPECT_TRUE(stats.timedOut);
    EXPECT_EQ(stats.candidates, 0u);
}

TEST(CandidateEnumerator, FinalRegistersAreEvaluated) {
    HandBuiltEvents b;
    auto x = b.location("x");
    auto r = b.read(0, 0, x);
    b.write(1, 0, x, b.constant(4));
    b.es.finalRegisters[0]["r0"] = b.op(SymOp::Add, {b.valueOf(r), b.constant(10)});
    std::set<std::int64_t> finals;
    for (const auto& c : allCandidates(b.es, {false})) {
        finals.insert(c.registers.at(0).at("r0"));
    }
    EXPECT_EQ(finals, (std::set<std::int64_t>{10, 14}));
}

}  // namespace
}  // namespace memx::solver
