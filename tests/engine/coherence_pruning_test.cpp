// SC per location and atomicity as the searches prune with them (solver/coherence_pruning.hpp):
// the candidates every built-in model rejects for incoherence are never proposed, and no other.
#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "solver/candidate_encoding.hpp"
#include "solver/candidate_enumerator.hpp"
#include "solver/coherence_pruning.hpp"
#include "tests/engine/hand_built_events.hpp"

namespace memx::solver {
namespace {

using testing::HandBuiltEvents;

// The rf sources of `reads` in each candidate the Z3 enumeration proposes, with or without
// the coherence pruning.
std::set<std::vector<std::uint32_t>> sources(const model::EventStructure& es,
                                             const std::vector<std::uint32_t>& reads, bool pruned) {
    std::set<std::vector<std::uint32_t>> out;
    CandidateRestriction restriction = [](CandidateEncoding& enc, Z3Session& session) {
        addPerLocationCoherence(enc, session);
    };
    enumerateCandidatesWithZ3(
        es, std::vector<bool>(es.locations.locations.size(), false),
        [&](const Candidate& c) {
            std::vector<std::uint32_t> s;
            for (std::uint32_t r : reads) {
                s.push_back(*c.rfSource[r]);
            }
            out.insert(s);
            return true;
        },
        std::nullopt, nullptr, pruned ? &restriction : nullptr);
    return out;
}

TEST(CoherencePruning, ReadsOfOneLocationNeverGoBackInCoherenceOrder) {
    HandBuiltEvents b;
    auto x = b.location("x");
    const std::uint32_t init = 0;
    auto w1 = b.write(0, 0, x, b.constant(1));
    auto w2 = b.write(0, 1, x, b.constant(2));
    auto r0 = b.read(1, 0, x);
    auto r1 = b.read(1, 1, x);
    EXPECT_EQ(sources(b.es, {r0, r1}, false).size(), 9u);
    // CoRR: once a read saw w1, a later read sees w1 or w2; once it saw w2, only w2.
    std::set<std::vector<std::uint32_t>> coherent = {{init, init}, {init, w1}, {init, w2},
                                                     {w1, w1},     {w1, w2},   {w2, w2}};
    EXPECT_EQ(sources(b.es, {r0, r1}, true), coherent);
}

TEST(CoherencePruning, AReadAfterItsThreadsWriteSeesThatWriteOrALaterOne) {
    HandBuiltEvents b;
    auto x = b.location("x");
    auto other = b.write(0, 0, x, b.constant(1));
    auto own = b.write(1, 0, x, b.constant(2));
    auto r = b.read(1, 1, x);
    EXPECT_EQ(sources(b.es, {r}, false).size(), 3u);
    // CoWR: not the initial write, which is co-before the thread's own write.
    std::set<std::vector<std::uint32_t>> coherent = {{other}, {own}};
    EXPECT_EQ(sources(b.es, {r}, true), coherent);
}

TEST(CoherencePruning, AReadNeverSeesALaterWriteOfItsOwnThread) {
    HandBuiltEvents b;
    auto x = b.location("x");
    auto r = b.read(0, 0, x);
    b.write(0, 1, x, b.constant(1));
    // CoRW: only the initial write remains.
    std::set<std::vector<std::uint32_t>> coherent = {{0}};
    EXPECT_EQ(sources(b.es, {r}, true), coherent);
}

// Two exchanges of x (each a read and a write joined by rmw) in two threads, and a third
// thread's plain write of x.
struct TwoExchanges {
    testing::HandBuiltEvents b;
    std::uint32_t r0 = 0, w0 = 0, r1 = 0, w1 = 0, plain = 0;
    TwoExchanges() {
        auto x = b.location("x");
        r0 = b.read(0, 0, x, 1, {"R", "RMW"});
        w0 = b.write(0, 1, x, b.constant(1), 1, {"W", "RMW"});
        r1 = b.read(1, 0, x, 1, {"R", "RMW"});
        w1 = b.write(1, 1, x, b.constant(2), 1, {"W", "RMW"});
        plain = b.write(2, 0, x, b.constant(3));
        b.es.rmw = {{r0, w0}, {r1, w1}};
    }
};

TEST(CoherencePruning, TwoUpdatesNeverReadFromTheSameWrite) {
    TwoExchanges t;
    const std::uint32_t init = 0;
    // Each read may read init, the plain write or the other exchange's write: 9 pairs.
    EXPECT_EQ(sources(t.b.es, {t.r0, t.r1}, false).size(), 9u);
    // Atomicity leaves out the two pairs in which both read the same write.
    std::set<std::vector<std::uint32_t>> atomic = {
        {init, t.w0}, {init, t.plain}, {t.plain, init}, {t.plain, t.w0},
        {t.w1, init}, {t.w1, t.plain}, {t.w1, t.w0}};
    EXPECT_EQ(sources(t.b.es, {t.r0, t.r1}, true), atomic);
}

TEST(CoherencePruning, TheConcreteAtomicityCheckAgrees) {
    TwoExchanges t;
    Candidate c;
    c.executed.assign(t.b.es.events.size(), true);
    c.rfSource.assign(t.b.es.events.size(), std::nullopt);
    c.rfSource[t.r0] = t.plain;
    c.rfSource[t.r1] = t.plain;
    EXPECT_TRUE(breaksRmwAtomicity(t.b.es, c));
    // A failed update (its write does not happen, as a failed cmpxchg's) is a plain read.
    c.executed[t.w1] = false;
    EXPECT_FALSE(breaksRmwAtomicity(t.b.es, c));
    c.executed[t.w1] = true;
    c.rfSource[t.r1] = t.w0;
    EXPECT_FALSE(breaksRmwAtomicity(t.b.es, c));
}

}  // namespace
}  // namespace memx::solver
