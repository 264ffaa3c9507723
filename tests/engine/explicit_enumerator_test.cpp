// The solver-free enumeration must propose exactly the candidates the Z3 enumeration proposes:
// compared candidate by candidate on hand-built structures (operators at their edge cases,
// branches, free choices, computed addresses) and on real tests (the shipped library, and the
// kernel's own tests when ../shared is present).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "litmus/parser.hpp"
#include "model/events/event_builder.hpp"
#include "model/events/primitives.hpp"
#include "solver/candidate_enumerator.hpp"
#include "solver/explicit_enumerator.hpp"
#include "tests/engine/hand_built_events.hpp"

namespace memx::solver {
namespace {

namespace fs = std::filesystem;
using model::SymOp;
using testing::HandBuiltEvents;
using testing::loadBufferingWithDataDependencies;

// What identifies a candidate: its choices and the values of what it executes (values of
// events that do not run are whatever the solver's model says, so they are left out).
using Key =
    std::tuple<std::vector<bool>, std::vector<std::int64_t>, std::vector<std::int64_t>,
               std::vector<std::int64_t>, std::map<int, std::map<std::string, std::int64_t>>,
               std::map<int, std::map<std::string, std::uint32_t>>>;

Key keyOf(const Candidate& c) {
    std::vector<std::int64_t> rf, finals, values;
    for (std::size_t e = 0; e < c.executed.size(); ++e) {
        rf.push_back(c.rfSource[e] ? static_cast<std::int64_t>(*c.rfSource[e]) : -1);
        values.push_back(c.executed[e] ? c.values[e] : 0);
        values.push_back(c.executed[e] ? c.addresses[e] : 0);
        values.push_back(c.executed[e] ? c.symbolicOf(static_cast<std::uint32_t>(e)) : 0);
    }
    for (const auto& w : c.finalWrite) {
        finals.push_back(w ? static_cast<std::int64_t>(*w) : -1);
    }
    return {c.executed, rf, finals, values, c.registers, c.symbolicRegisters};
}

// The candidates, sorted, and how many were dropped as undetermined.
struct Enumerated {
    std::vector<Key> keys;
    std::uint64_t undetermined = 0;
};

Enumerated withZ3(const model::EventStructure& es, const std::vector<bool>& observed) {
    Enumerated out;
    auto stats = enumerateCandidatesWithZ3(es, observed, [&](const Candidate& c) {
        out.keys.push_back(keyOf(c));
        return true;
    });
    out.undetermined = stats.undetermined;
    std::sort(out.keys.begin(), out.keys.end());
    return out;
}

Enumerated explicitly(const model::EventStructure& es, const std::vector<bool>& observed) {
    Enumerated out;
    auto stats = enumerateCandidatesExplicitly(es, observed, [&](const Candidate& c) {
        out.keys.push_back(keyOf(c));
        return true;
    });
    EXPECT_TRUE(stats.has_value());
    if (stats) {
        EXPECT_EQ(stats->candidates, out.keys.size());
        out.undetermined = stats->undetermined;
    }
    std::sort(out.keys.begin(), out.keys.end());
    return out;
}

void expectSameCandidates(const model::EventStructure& es, const std::string& what) {
    ASSERT_TRUE(explicitEnumerationApplies(es)) << what;
    for (bool observe : {false, true}) {
        std::vector<bool> observed(es.locations.locations.size(), observe);
        auto z3 = withZ3(es, observed);
        EXPECT_FALSE(z3.keys.empty()) << what;
        auto found = explicitly(es, observed);
        EXPECT_EQ(found.keys, z3.keys) << what << (observe ? " (all observed)" : "");
        EXPECT_EQ(found.undetermined, z3.undetermined)
            << what << (observe ? " (all observed)" : "");
    }
}

TEST(ExplicitEnumerator, OperatorsAtTheirEdgesMatchTheBitVectorEncoding) {
    // One read of x (0 or the writer's value) feeds every operator with a dangerous operand.
    for (std::int64_t written : {std::int64_t{-7}, std::int64_t{0}, std::int64_t{5},
                                 std::numeric_limits<std::int64_t>::min()}) {
        HandBuiltEvents b;
        auto x = b.location("x", -1);
        auto y = b.location("y");
        b.write(1, 0, x, b.constant(written));
        auto r = b.read(0, 0, x);
        auto v = b.valueOf(r);
        int po = 1;
        for (SymOp op : {SymOp::Div, SymOp::Mod, SymOp::Shl, SymOp::Shr, SymOp::Mul, SymOp::Sub,
                         SymOp::Lt, SymOp::Ge, SymOp::LogAnd, SymOp::BitXor}) {
            for (std::int64_t k : {std::int64_t{0}, std::int64_t{-1}, std::int64_t{3},
                                   std::int64_t{64}, std::int64_t{70}}) {
                b.write(0, po++, y, b.op(op, {v, b.constant(k)}));
                b.write(0, po++, y, b.op(op, {b.constant(k), v}));
            }
        }
        b.write(0, po++, y, b.op(SymOp::Neg, {v}));
        b.write(0, po++, y, b.op(SymOp::BitNot, {v}));
        b.write(0, po++, y, b.op(SymOp::Not, {v}));
        // Every written value is observable through the candidate's values.
        expectSameCandidates(b.es, "operators, x written " + std::to_string(written));
    }
}

TEST(ExplicitEnumerator, BranchesComputedAddressesAndChoicesMatch) {
    HandBuiltEvents b;
    auto x = b.location("x");
    auto y = b.location("y");
    auto p = b.location("p", b.address(x));
    b.write(1, 0, y, b.constant(1));
    b.write(1, 1, p, b.constant(b.address(y)));
    auto rp = b.read(0, 0, p);
    auto ry = b.readAt(0, 1, b.valueOf(rp));  // x or y, whichever p holds
    auto taken = b.op(SymOp::Ne, {b.valueOf(ry), b.constant(0)});
    auto c = b.choice(taken);  // decided only when the branch runs
    b.write(0, 2, x, b.constant(2), b.op(SymOp::LogAnd, {taken, c}));
    b.fence(0, 3, {"F"}, taken);
    b.write(2, 0, x, b.constant(3));
    expectSameCandidates(b.es, "branches and choices");
}

TEST(ExplicitEnumerator, SelfJustifyingCycleIsOneSymbolicValueAsInTheSolver) {
    // Load buffering with data dependencies both ways: where each read takes the other
    // thread's write, v = v. herd7 keeps that candidate, the two reads sharing one open value
    // (docs/oota.md); both enumerations propose it so, with the same symbolic values.
    auto lb = loadBufferingWithDataDependencies();
    expectSameCandidates(lb.b.es, "LB with data dependencies");
    auto found = explicitly(lb.b.es, {false, false});
    EXPECT_EQ(found.keys.size(), 4u);
    EXPECT_EQ(found.undetermined, 0u);
    std::size_t open = 0;
    for (const Key& k : found.keys) {
        const auto& values = std::get<3>(k);
        for (std::size_t i = 2; i < values.size(); i += 3) {
            open += values[i] != 0;
        }
    }
    EXPECT_EQ(open, 4u);  // both reads and both writes of the cyclic candidate
}

TEST(ExplicitEnumerator, CycleThroughAnOperatorIsDroppedAsHerdLeavesItsEquation) {
    // v = v * 1 and v = v - 0: every value solves them, but herd7 keeps the equation (only
    // `+ 0` and `| 0` are copies to it) and drops the candidate; `+ 0` is kept, open.
    for (SymOp op : {SymOp::Mul, SymOp::Sub, SymOp::Add}) {
        HandBuiltEvents b;
        auto x = b.location("x");
        auto y = b.location("y");
        auto r0 = b.read(0, 0, x);
        const auto k = b.constant(op == SymOp::Mul ? 1 : 0);
        b.write(0, 1, y, b.op(op, {b.valueOf(r0), k}));
        auto r1 = b.read(1, 0, y);
        b.write(1, 1, x, b.valueOf(r1));
        auto z3 = withZ3(b.es, {false, false});
        EXPECT_EQ(z3.keys.size(), op == SymOp::Add ? 4u : 3u);
        EXPECT_EQ(z3.undetermined, op == SymOp::Add ? 0u : 1u);
        if (explicitEnumerationApplies(b.es)) {
            auto found = explicitly(b.es, {false, false});
            EXPECT_EQ(found.keys, z3.keys);
            EXPECT_EQ(found.undetermined, z3.undetermined);
        }
    }
}

TEST(ExplicitEnumerator, CycleWithoutSolutionIsNoCandidateAsInTheSolver) {
    // Two increments of a counter (seqlock's shape): each read taking the other's write gives
    // v = v + 2, which no value solves, so neither enumeration proposes it or counts it.
    HandBuiltEvents b;
    auto ctr = b.location("ctr");
    auto r0 = b.read(0, 0, ctr);
    b.write(0, 1, ctr, b.op(SymOp::Add, {b.valueOf(r0), b.constant(1)}));
    auto r1 = b.read(1, 0, ctr);
    b.write(1, 1, ctr, b.op(SymOp::Sub, {b.valueOf(r1), b.constant(-1)}));
    expectSameCandidates(b.es, "two increments");
    auto found = explicitly(b.es, {false});
    EXPECT_EQ(found.keys.size(), 3u);  // both from init, or one after the other
    EXPECT_EQ(found.undetermined, 0u);
}

TEST(ExplicitEnumerator, CycleValuesFlowOnToLaterReadsAndRegisters) {
    // x's increments form the cycle; a third thread reads both results and computes on them
    // (a product: fine off the cycle), and a read of another location depends on nothing.
    HandBuiltEvents b;
    auto x = b.location("x");
    auto y = b.location("y");
    auto r0 = b.read(0, 0, x);
    b.write(0, 1, x, b.op(SymOp::Add, {b.valueOf(r0), b.constant(3)}));
    auto r1 = b.read(1, 0, x);
    b.write(1, 1, x, b.op(SymOp::Add, {b.constant(-3), b.valueOf(r1)}));
    auto r2 = b.read(2, 0, x);
    auto r3 = b.read(2, 1, x);
    b.write(2, 2, y, b.op(SymOp::Mul, {b.valueOf(r2), b.valueOf(r3)}));
    b.read(3, 0, y);
    expectSameCandidates(b.es, "cycle feeding later reads");
    EXPECT_GT(explicitly(b.es, {false, false}).undetermined, 0u);  // -3 + 3 = 0 around it
}

TEST(ExplicitEnumerator, CyclesItCannotSolveAreLeftToTheSolver) {
    // A product on the cycle (v = 2v has two solutions in 64 bits) and a branch on a cycle's
    // value (the search decides guards before the reads that wait, and guesses a write's
    // guard only where no value waits for the leaf) both go to Z3.
    for (bool branch : {false, true}) {
        HandBuiltEvents b;
        auto x = b.location("x");
        auto y = b.location("y");
        auto r0 = b.read(0, 0, x);
        auto r1 = b.read(1, 0, y);
        b.write(1, 1, x, b.valueOf(r1));
        if (branch) {
            b.write(0, 1, y, b.valueOf(r0));
            b.write(0, 2, y, b.constant(1), b.op(SymOp::Eq, {b.valueOf(r0), b.constant(1)}));
        } else {
            b.write(0, 1, y, b.op(SymOp::Mul, {b.valueOf(r0), b.constant(2)}));
        }
        EXPECT_FALSE(explicitEnumerationApplies(b.es)) << branch;
        EXPECT_FALSE(enumerateCandidatesExplicitly(b.es, {true, true}, [](const Candidate&) {
            return true;
        })) << branch;
    }
}

TEST(ExplicitEnumerator, WritesGuardedOnACycleAreGuessedAndChecked) {
    // Three cmpxchg-like updates of one lock: each writes 1 only if it read 0, and each may
    // read another's write, so the guards form a cycle (corpus/lkmm manual/absperf). The
    // search guesses which writes run and checks each guess once its read is decided; a
    // wrong guess must leave no candidate, and a right one the solver's.
    HandBuiltEvents b;
    auto sl = b.location("sl");
    auto x = b.location("x");
    for (int t : {0, 1, 2}) {
        auto r = b.read(t, 0, sl);
        b.write(t, 1, sl, b.constant(1), b.op(SymOp::Eq, {b.valueOf(r), b.constant(0)}));
        b.write(t, 2, x, b.valueOf(r));
    }
    expectSameCandidates(b.es, "three guarded updates of one location");
}

TEST(ExplicitEnumerator, MoreGuessesThanTheLimitAreLeftToTheSolver) {
    // Each guess doubles the search's starts: 16 guarded updates of one lock are guessed,
    // 17 go to Z3. A guarded write that no cycle reaches needs no guess and does not count.
    for (int updates : {16, 17}) {
        HandBuiltEvents b;
        auto sl = b.location("sl");
        auto x = b.location("x");
        for (int t = 0; t < updates; ++t) {
            auto r = b.read(t, 0, sl);
            b.write(t, 1, sl, b.constant(1), b.op(SymOp::Eq, {b.valueOf(r), b.constant(0)}));
        }
        auto r = b.read(updates, 0, x);
        b.write(updates, 1, x, b.constant(2), b.op(SymOp::Eq, {b.valueOf(r), b.constant(0)}));
        EXPECT_EQ(explicitEnumerationApplies(b.es), updates == 16) << updates;
    }
}

TEST(ExplicitEnumerator, ByteGranularTestsAreLeftToTheSolver) {
    // Per-byte final writes and single-copy atomicity live in the Z3 encoding only.
    HandBuiltEvents b;
    auto x = b.location("x");
    b.write(1, 0, x, b.constant(1));
    b.read(0, 0, x);
    ASSERT_TRUE(explicitEnumerationApplies(b.es));
    b.es.locations.byteGranular = true;
    EXPECT_FALSE(explicitEnumerationApplies(b.es));
    EXPECT_FALSE(
        enumerateCandidatesExplicitly(b.es, {true}, [](const Candidate&) { return true; }));
}

TEST(ExplicitEnumerator, StopsWhenTheCallbackSaysSo) {
    HandBuiltEvents b;
    auto x = b.location("x");
    b.write(1, 0, x, b.constant(1));
    b.read(0, 0, x);
    b.read(0, 1, x);
    int seen = 0;
    auto stats = enumerateCandidatesExplicitly(b.es, {false}, [&](const Candidate&) {
        ++seen;
        return false;
    });
    ASSERT_TRUE(stats);
    EXPECT_EQ(seen, 1);
    EXPECT_TRUE(stats->stopped);
}

// Every test of `folder` whose events the explicit search handles; returns how many compared.
int compareFolder(const fs::path& folder) {
    int compared = 0;
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        if (entry.path().extension() == ".litmus") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        DiagnosticSink sink;
        auto program = litmus::parseLitmusFile(file.string(), sink);
        if (!program) {
            continue;
        }
        auto es = model::buildEvents(*program, model::lkmmPrimitives(), file.string(), sink);
        if (!es || !explicitEnumerationApplies(*es)) {
            continue;
        }
        expectSameCandidates(*es, file.string());
        ++compared;
    }
    return compared;
}

TEST(ExplicitEnumerator, ShippedLibraryTestsMatchTheSolver) {
    EXPECT_GE(compareFolder(fs::path(MEMX_SOURCE_DIR) / "litmus/library/lkmm"), 5);
}

TEST(ExplicitEnumerator, KernelCorpusTestsMatchTheSolver) {
    fs::path kernel = fs::path(MEMX_SHARED_DIR) / "corpus/kernel";
    if (!fs::exists(kernel)) {
        GTEST_SKIP() << "no " << kernel << " (the shared corpus is not beside the project)";
    }
    EXPECT_GE(compareFolder(kernel), 35);
}

}  // namespace
}  // namespace memx::solver
