// The brute-force enumerator on hand-built event structures: rf, values, guards, final writes,
// free choices, assumptions, dependency cycles, the caps; and, on each structure, the same
// candidate set as the engine's Z3 enumerator.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "solver/candidate_enumerator.hpp"
#include "tests/bruteforce/brute_force_enumerator.hpp"
#include "tests/engine/hand_built_events.hpp"

namespace memx::bruteforce {
namespace {

using model::SymOp;
using testing::HandBuiltEvents;
using testing::loadBufferingWithDataDependencies;

std::vector<solver::Candidate> bruteCandidates(const model::EventStructure& es,
                                               const std::vector<bool>& observed,
                                               BruteForceStats* stats = nullptr,
                                               const BruteForceLimits& limits = {}) {
    std::vector<solver::Candidate> out;
    auto s = enumerateByBruteForce(
        es, observed,
        [&](const solver::Candidate& c) {
            out.push_back(c);
            return true;
        },
        limits);
    if (stats) {
        *stats = s;
    }
    return out;
}

// Everything a candidate says, values of running events included, as one comparable value.
using CandidateFacts =
    std::tuple<std::vector<bool>, std::vector<std::optional<std::uint32_t>>,
               std::vector<std::optional<std::uint32_t>>, std::vector<std::int64_t>,
               std::map<int, std::map<std::string, std::int64_t>>>;

CandidateFacts factsOf(const solver::Candidate& c) {
    std::vector<std::int64_t> running;
    for (std::size_t e = 0; e < c.executed.size(); ++e) {
        if (c.executed[e]) {
            running.push_back(c.values[e]);
            running.push_back(c.addresses[e]);
        }
    }
    return {c.executed, c.rfSource, c.finalWrite, running, c.registers};
}

// The engine's and the brute force's candidates are the same set, with no duplicates.
void expectSameAsEngine(const model::EventStructure& es, const std::vector<bool>& observed) {
    std::multiset<CandidateFacts> engine;
    solver::enumerateCandidates(es, observed, [&](const solver::Candidate& c) {
        engine.insert(factsOf(c));
        return true;
    });
    std::multiset<CandidateFacts> brute;
    for (const auto& c : bruteCandidates(es, observed)) {
        brute.insert(factsOf(c));
    }
    EXPECT_EQ(engine.size(), brute.size());
    EXPECT_TRUE(engine == brute);
}

TEST(BruteForceEnumerator, StoreBufferingHasOneCandidatePerRfChoice) {
    HandBuiltEvents b;
    auto x = b.location("x");
    auto y = b.location("y");
    auto wx = b.write(0, 0, x, b.constant(1));
    auto r0 = b.read(0, 1, y);
    auto wy = b.write(1, 0, y, b.constant(1));
    auto r1 = b.read(1, 1, x);
    auto cs = bruteCandidates(b.es, {true, true});
    ASSERT_EQ(cs.size(), 4u);
    std::set<std::pair<std::int64_t, std::int64_t>> seen;
    for (const auto& c : cs) {
        seen.insert({c.values[r0], c.values[r1]});
        ASSERT_TRUE(c.rfSource[r0]);
        EXPECT_EQ(c.values[r0], c.values[*c.rfSource[r0]]);
        EXPECT_EQ(c.finalWrite[x], wx);
        EXPECT_EQ(c.finalWrite[y], wy);
    }
    EXPECT_EQ(seen.size(), 4u);
    expectSameAsEngine(b.es, {true, true});
}

TEST(BruteForceEnumerator, NeverReadsItsOwnThreadsLaterWrite) {
    HandBuiltEvents b;
    auto x = b.location("x");
    auto r = b.read(0, 0, x);
    b.write(0, 1, x, b.constant(1));
    auto cs = bruteCandidates(b.es, {false});
    ASSERT_EQ(cs.size(), 1u);
    EXPECT_EQ(cs[0].rfSource[r], 0u);  // the initial write
    expectSameAsEngine(b.es, {false});
}

TEST(BruteForceEnumerator, GuardsDecideWhichEventsRun) {
    // P0: x = 1; y = 1.  P1: r = y; if (r == 1) s = x.
    HandBuiltEvents b;
    auto x = b.location("x");
    auto y = b.location("y");
    b.write(0, 0, x, b.constant(1));
    b.write(0, 1, y, b.constant(1));
    auto r = b.read(1, 0, y);
    auto taken = b.op(SymOp::Eq, {b.valueOf(r), b.constant(1)});
    auto s = b.read(1, 1, x, taken);
    auto cs = bruteCandidates(b.es, {false, false});
    // r reads 0: s does not run; r reads 1: s reads 0 or 1.
    ASSERT_EQ(cs.size(), 3u);
    for (const auto& c : cs) {
        EXPECT_EQ(c.executed[s], c.values[r] == 1);
        EXPECT_EQ(c.rfSource[s].has_value(), c.executed[s]);
    }
    expectSameAsEngine(b.es, {false, false});
}

TEST(BruteForceEnumerator, AddressesComeFromReadValues) {
    // p holds &x initially; P1 writes &y to p. P0 reads p, then writes 1 through it.
    HandBuiltEvents b;
    auto x = b.location("x");
    auto y = b.location("y");
    auto p = b.location("p", b.address(x));
    b.write(1, 0, p, b.constant(b.address(y)));
    auto rp = b.read(0, 0, p);
    auto w = b.writeAt(0, 1, b.valueOf(rp), b.constant(1));
    auto cs = bruteCandidates(b.es, {true, true, false});
    ASSERT_EQ(cs.size(), 2u);
    for (const auto& c : cs) {
        EXPECT_EQ(c.addresses[w], c.values[rp]);
        bool toX = c.values[rp] == b.address(x);
        EXPECT_EQ(c.finalWrite[x], toX ? std::optional<std::uint32_t>(w) : 0u);
        EXPECT_EQ(c.finalWrite[y], toX ? std::optional<std::uint32_t>(1u) : w);
    }
    expectSameAsEngine(b.es, {true, true, false});
}

TEST(BruteForceEnumerator, DataDependencyCycleIsOneSymbolicValue) {
    // LB with data dependencies both ways: reading each other's writes leaves the values open.
    // herd7 keeps that candidate, both reads sharing one symbolic value (docs/oota.md).
    auto lb = loadBufferingWithDataDependencies();
    HandBuiltEvents& b = lb.b;
    BruteForceStats stats;
    auto cs = bruteCandidates(b.es, {false, false}, &stats);
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
    expectSameAsEngine(b.es, {false, false});
}

TEST(BruteForceEnumerator, CycleThroughAProductIsDroppedAsHerdLeavesItsEquation) {
    // The same cycle through r * 1: every value solves it, but herd keeps the equation.
    HandBuiltEvents b;
    auto x = b.location("x");
    auto y = b.location("y");
    auto r0 = b.read(0, 0, x);
    b.write(0, 1, y, b.op(SymOp::Mul, {b.valueOf(r0), b.constant(1)}));
    auto r1 = b.read(1, 0, y);
    b.write(1, 1, x, b.valueOf(r1));
    BruteForceStats stats;
    auto cs = bruteCandidates(b.es, {false, false}, &stats);
    EXPECT_EQ(cs.size(), 3u);
    EXPECT_EQ(stats.undetermined, 1u);
    expectSameAsEngine(b.es, {false, false});
}

TEST(BruteForceEnumerator, AnUnusedOperatorOnACycleValueLeavesItsEquation) {
    // The cycle of copies, plus `r2 = r0 * k` whose result nothing uses (EventStructure::
    // herdOperators): herd's equation for it stays unsolved where r0 is open, even for k = 0,
    // which herd does not simplify. `r0 + 0` is a copy and makes none.
    for (const SymOp op : {SymOp::Mul, SymOp::BitAnd, SymOp::Add}) {
        const bool copy = op == SymOp::Add;
        auto lb = loadBufferingWithDataDependencies();
        HandBuiltEvents& b = lb.b;
        const auto product = b.op(op, {b.valueOf(lb.r0), b.constant(op == SymOp::Mul ? 2 : 0)});
        b.es.herdOperators.push_back({1, product});
        BruteForceStats stats;
        auto cs = bruteCandidates(b.es, {false, false}, &stats);
        EXPECT_EQ(cs.size(), copy ? 4u : 3u);
        EXPECT_EQ(stats.undetermined, copy ? 0u : 1u);
        expectSameAsEngine(b.es, {false, false});
    }
}

// P0: r0 = x; y = r0 + k.  P1: r1 = cmpxchg(y, 0, 5); x = r1.  herd's successful cmpxchg is
// the assignment `0 := r1` (EventStructure::herdEquations): with k = 0 it fixes the cycle
// where each thread reads the other's write at 0; with k = 1 it makes that candidate a
// contradiction (`0 := 1`), which the checker once kept, with a read seeing 0 from a write of 1.
TEST(BruteForceEnumerator, ACmpxchgsAssignmentFixesOrContradictsACycle) {
    for (std::int64_t k : {0, 1}) {
        HandBuiltEvents b;
        auto x = b.location("x");
        auto y = b.location("y");
        auto r0 = b.read(0, 0, x);
        auto wy = b.write(0, 1, y, b.op(SymOp::Add, {b.valueOf(r0), b.constant(k)}));
        auto r1 = b.read(1, 0, y);
        auto success = b.op(SymOp::Eq, {b.valueOf(r1), b.constant(0)});
        auto w1 = b.write(1, 1, y, b.constant(5), success);
        auto wx = b.write(1, 2, x, b.valueOf(r1));
        b.es.herdEquations.push_back({r1, w1, true, b.valueOf(r1), b.constant(0)});
        BruteForceStats stats;
        auto cs = bruteCandidates(b.es, {false, false}, &stats);
        std::size_t cycles = 0;
        for (const auto& c : cs) {
            if (c.rfSource[r0] == std::optional<std::uint32_t>(wx) &&
                c.rfSource[r1] == std::optional<std::uint32_t>(wy)) {
                ++cycles;
                EXPECT_TRUE(c.executed[w1]);
                EXPECT_EQ(c.values[r0], 0);
                EXPECT_EQ(c.values[r1], 0);
                EXPECT_EQ(c.symbolicOf(r0), 0u);
            }
        }
        EXPECT_EQ(cycles, k == 0 ? 1u : 0u) << "k = " << k;
        expectSameAsEngine(b.es, {false, false});
    }
}

// P0: r0 = x; z = r0; r1 = cmpxchg(z, 0, 9); y = r0.  P1: r2 = cmpxchg(y, 1, 7); x = r2.
// Where P0's cmpxchg reads P0's own write of r0, both cmpxchg reads are on the cycle. herd
// forks at each: P0's succeeding (`0 := r1`) gives the cycle 0, and P1's then fails; P1's
// succeeding (`1 := r2`) gives it 1, and P0's then fails (`r1 != 0` holds). The checker once
// took the first equation listed whose read was open at that moment, so it kept only the
// first (fuzz seed 903206).
TEST(BruteForceEnumerator, EachAssignmentOnACycleIsOneSideOfAFork) {
    HandBuiltEvents b;
    auto x = b.location("x");
    auto y = b.location("y");
    auto z = b.location("z");
    auto r0 = b.read(0, 0, x);
    auto wz = b.write(0, 1, z, b.valueOf(r0));
    auto r1 = b.read(0, 2, z);
    auto w1 = b.write(0, 3, z, b.constant(9), b.op(SymOp::Eq, {b.valueOf(r1), b.constant(0)}));
    auto wy = b.write(0, 4, y, b.valueOf(r0));
    auto r2 = b.read(1, 0, y);
    auto w2 = b.write(1, 1, y, b.constant(7), b.op(SymOp::Eq, {b.valueOf(r2), b.constant(1)}));
    auto wx = b.write(1, 2, x, b.valueOf(r2));
    b.es.herdEquations.push_back({r1, w1, true, b.valueOf(r1), b.constant(0)});
    b.es.herdEquations.push_back({r2, w2, true, b.valueOf(r2), b.constant(1)});
    std::set<std::int64_t> cycleValues;
    for (const auto& c : bruteCandidates(b.es, {false, false, false})) {
        if (c.rfSource[r0] == std::optional<std::uint32_t>(wx) &&
            c.rfSource[r1] == std::optional<std::uint32_t>(wz) &&
            c.rfSource[r2] == std::optional<std::uint32_t>(wy)) {
            cycleValues.insert(c.values[r0]);
            EXPECT_EQ(c.executed[w1], c.values[r0] == 0);
            EXPECT_EQ(c.executed[w2], c.values[r0] == 1);
        }
    }
    EXPECT_EQ(cycleValues, (std::set<std::int64_t>{0, 1}));
    expectSameAsEngine(b.es, {false, false, false});
}

TEST(BruteForceEnumerator, FakeDependencyCycleIsDetermined) {
    // The same cycle through r ^ r: every value is 0 whatever rf says, so all four stay.
    HandBuiltEvents b;
    auto x = b.location("x");
    auto y = b.location("y");
    auto r0 = b.read(0, 0, x);
    b.write(0, 1, y, b.op(SymOp::BitXor, {b.valueOf(r0), b.valueOf(r0)}));
    auto r1 = b.read(1, 0, y);
    b.write(1, 1, x, b.op(SymOp::BitXor, {b.valueOf(r1), b.valueOf(r1)}));
    BruteForceStats stats;
    auto cs = bruteCandidates(b.es, {false, false}, &stats);
    EXPECT_EQ(cs.size(), 4u);
    EXPECT_EQ(stats.undetermined, 0u);
    expectSameAsEngine(b.es, {false, false});
}

TEST(BruteForceEnumerator, GuardOnACycleValueLeavesHerdsEquation) {
    // P0: r0 = x; y = r0.  P1: r1 = y; if (r1 == 5) x = r1.  Reading each other's writes is a
    // cycle of copies whose value a guard tests: herd's `c := (S == 5)` stays unsolved, so
    // that candidate is dropped (the other two stay), whatever value would satisfy the guard.
    HandBuiltEvents b;
    auto x = b.location("x");
    auto y = b.location("y");
    auto r0 = b.read(0, 0, x);
    b.write(0, 1, y, b.valueOf(r0));
    auto r1 = b.read(1, 0, y);
    auto w1 = b.write(1, 1, x, b.valueOf(r1), b.op(SymOp::Eq, {b.valueOf(r1), b.constant(5)}));
    BruteForceStats stats;
    auto cs = bruteCandidates(b.es, {false, false}, &stats);
    ASSERT_EQ(cs.size(), 2u);
    EXPECT_EQ(stats.undetermined, 1u);
    for (const auto& c : cs) {
        EXPECT_NE(c.rfSource[r0], std::optional<std::uint32_t>(w1));
    }
    expectSameAsEngine(b.es, {false, false});
    // With another event's guard on the cycle's value: dropped too.
    HandBuiltEvents g;
    auto gx = g.location("x");
    auto gy = g.location("y");
    auto gz = g.location("z");
    auto g0 = g.read(0, 0, gx);
    g.write(0, 1, gy, g.valueOf(g0));
    auto g1 = g.read(1, 0, gy);
    g.write(1, 1, gx, g.valueOf(g1));
    g.write(1, 2, gz, g.constant(1), g.op(SymOp::Eq, {g.valueOf(g1), g.constant(5)}));
    BruteForceStats gstats;
    auto gcs = bruteCandidates(g.es, {false, false, true}, &gstats);
    EXPECT_EQ(gcs.size(), 3u);
    EXPECT_GE(gstats.undetermined, 1u);
    expectSameAsEngine(g.es, {false, false, true});
}

TEST(BruteForceEnumerator, LaterWriteOfTheSameThreadIsNeverFinal) {
    HandBuiltEvents b;
    auto x = b.location("x");
    b.write(0, 0, x, b.constant(1));
    auto second = b.write(0, 1, x, b.constant(2));
    auto other = b.write(1, 0, x, b.constant(3));
    auto cs = bruteCandidates(b.es, {true});
    ASSERT_EQ(cs.size(), 2u);
    std::set<std::uint32_t> finals;
    for (const auto& c : cs) {
        finals.insert(*c.finalWrite[x]);
    }
    EXPECT_EQ(finals, (std::set<std::uint32_t>{second, other}));
    expectSameAsEngine(b.es, {true});
}

TEST(BruteForceEnumerator, InitialWriteIsFinalOnlyWhenNothingElseWrites) {
    // P0: r = y; if (r == 1) x = 2.  P1: y = 1.
    HandBuiltEvents b;
    auto x = b.location("x");
    auto y = b.location("y");
    auto r = b.read(0, 0, y);
    auto w = b.write(0, 1, x, b.constant(2), b.op(SymOp::Eq, {b.valueOf(r), b.constant(1)}));
    b.write(1, 0, y, b.constant(1));
    auto cs = bruteCandidates(b.es, {true, false});
    ASSERT_EQ(cs.size(), 2u);
    for (const auto& c : cs) {
        EXPECT_EQ(c.finalWrite[x], c.executed[w] ? w : 0u);
    }
    expectSameAsEngine(b.es, {true, false});
}

TEST(BruteForceEnumerator, OnlyUsedChoicesSplitCandidates) {
    HandBuiltEvents b;
    auto x = b.location("x");
    auto used = b.choice(1);
    b.choice(1);                             // never read by anything
    auto skipped = b.choice(b.constant(0));  // its call does not run: fixed to 0
    auto w = b.write(0, 0, x, used);
    b.write(0, 1, x, skipped, b.constant(0));
    auto cs = bruteCandidates(b.es, {true});
    ASSERT_EQ(cs.size(), 2u);
    EXPECT_NE(cs[0].values[w], cs[1].values[w]);
    expectSameAsEngine(b.es, {true});
}

TEST(BruteForceEnumerator, AssumptionsPruneCandidates) {
    // A lock-like read that must see 0 when it runs.
    HandBuiltEvents b;
    auto x = b.location("x");
    b.write(1, 0, x, b.constant(1));
    auto r = b.read(0, 0, x);
    b.es.assumptions.emplace_back(1, b.op(SymOp::Eq, {b.valueOf(r), b.constant(0)}));
    auto cs = bruteCandidates(b.es, {false});
    ASSERT_EQ(cs.size(), 1u);
    EXPECT_EQ(cs[0].values[r], 0);
    expectSameAsEngine(b.es, {false});
}

TEST(BruteForceEnumerator, CapsStopTheSearchAndSaySo) {
    HandBuiltEvents b;
    auto x = b.location("x");
    for (int t = 0; t < 4; ++t) {
        b.write(t, 0, x, b.constant(t + 1));
        b.read(t, 1, x);
    }
    BruteForceStats full;
    auto all = bruteCandidates(b.es, {false}, &full);
    EXPECT_FALSE(full.capped);
    BruteForceLimits limits;
    limits.maxCandidates = 10;
    BruteForceStats capped;
    auto some = bruteCandidates(b.es, {false}, &capped, limits);
    EXPECT_TRUE(capped.capped);
    EXPECT_EQ(some.size(), 10u);
    EXPECT_GT(all.size(), some.size());
    limits = {};
    limits.maxSteps = 3;
    bruteCandidates(b.es, {false}, &capped, limits);
    EXPECT_TRUE(capped.capped);
    limits = {};
    limits.maxSeconds = 0;
    EXPECT_TRUE(bruteCandidates(b.es, {false}, &capped, limits).empty());
    EXPECT_TRUE(capped.capped);
}

TEST(BruteForceEnumerator, RejectsAReadWhoseValueIsNotItsOwn) {
    HandBuiltEvents b;
    auto x = b.location("x");
    auto r = b.read(0, 0, x);
    b.es.events[r].value = b.constant(0);
    EXPECT_THROW(bruteCandidates(b.es, {false}), std::invalid_argument);
}

}  // namespace
}  // namespace memx::bruteforce
