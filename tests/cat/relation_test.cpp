// The dense relation algebra: every operator the cat evaluator relies on.
#include "model/relation.hpp"

#include <gtest/gtest.h>

#include <random>
#include <set>

namespace memx::model {
namespace {

Relation chain(std::size_t n, std::initializer_list<std::pair<EventIndex, EventIndex>> edges) {
    Relation r(n);
    for (auto [a, b] : edges)
        r.insert(a, b);
    return r;
}

TEST(EventSetTest, InsertEraseCountAndComplementStayInsideTheUniverse) {
    EventSet s(70);  // two words, the second partly used
    s.insert(3);
    s.insert(69);
    EXPECT_TRUE(s.contains(69));
    EXPECT_EQ(s.count(), 2U);
    EventSet c = s.complement();
    EXPECT_EQ(c.count(), 68U);
    EXPECT_FALSE(c.contains(3));
    s.erase(3);
    EXPECT_EQ(s.elements(), std::vector<EventIndex>{69});
    EXPECT_TRUE((s & c).empty());
    EXPECT_EQ((s | c).count(), 69U);
    EXPECT_EQ((c - s).count(), 68U);
}

TEST(RelationTest, CompositionFollowsBothSteps) {
    Relation a = chain(4, {{0, 1}, {2, 3}});
    Relation b = chain(4, {{1, 2}, {3, 0}});
    Relation ab = a.compose(b);
    EXPECT_EQ(ab.pairs(), (std::vector<std::pair<EventIndex, EventIndex>>{{0, 2}, {2, 0}}));
}

TEST(RelationTest, TransitiveClosureAcrossWordBoundaries) {
    const std::size_t n = 130;
    Relation r(n);
    for (EventIndex i = 0; i + 1 < n; ++i)
        r.insert(i, i + 1);
    Relation plus = r.transitiveClosure();
    EXPECT_TRUE(plus.contains(0, 129));
    EXPECT_FALSE(plus.contains(129, 0));
    EXPECT_FALSE(plus.contains(5, 5));
    EXPECT_EQ(plus.count(), n * (n - 1) / 2);
    Relation star = r.reflexiveTransitiveClosure();
    EXPECT_TRUE(star.contains(5, 5));
    EXPECT_EQ(star.count(), n * (n - 1) / 2 + n);
}

TEST(RelationTest, AcyclicityAndIrreflexivity) {
    Relation r = chain(5, {{0, 1}, {1, 2}, {2, 3}});
    EXPECT_TRUE(r.isAcyclic());
    EXPECT_TRUE(r.isIrreflexive());
    r.insert(3, 1);
    EXPECT_FALSE(r.isAcyclic());
    EXPECT_TRUE(r.isIrreflexive());
    EXPECT_FALSE(r.transitiveClosure().isIrreflexive());
    Relation loop = chain(3, {{2, 2}});
    EXPECT_FALSE(loop.isAcyclic());
    EXPECT_FALSE(loop.isIrreflexive());
}

TEST(RelationTest, InverseDomainRangeAndIdentityOn) {
    Relation r = chain(4, {{0, 3}, {1, 3}});
    Relation inv = r.inverse();
    EXPECT_TRUE(inv.contains(3, 0));
    EXPECT_FALSE(inv.contains(0, 3));
    EXPECT_EQ(r.domain().elements(), (std::vector<EventIndex>{0, 1}));
    EXPECT_EQ(r.range().elements(), (std::vector<EventIndex>{3}));
    EXPECT_EQ(r.successors(0).elements(), (std::vector<EventIndex>{3}));
    EXPECT_EQ(r.predecessors(3).elements(), (std::vector<EventIndex>{0, 1}));
    EventSet s(4);
    s.insert(2);
    EXPECT_EQ(Relation::identityOn(s).pairs(),
              (std::vector<std::pair<EventIndex, EventIndex>>{{2, 2}}));
    EXPECT_EQ(Relation::identity(4).count(), 4U);
}

TEST(RelationTest, CartesianComplementAndBooleanOperators) {
    EventSet a(3), b(3);
    a.insert(0);
    b.insert(1);
    b.insert(2);
    Relation ab = Relation::cartesian(a, b);
    EXPECT_EQ(ab.count(), 2U);
    EXPECT_EQ(ab.complement().count(), 7U);
    Relation r = chain(3, {{0, 1}, {1, 0}});
    EXPECT_EQ((ab & r).count(), 1U);
    EXPECT_EQ((ab | r).count(), 3U);
    EXPECT_EQ((ab - r).pairs(), (std::vector<std::pair<EventIndex, EventIndex>>{{0, 2}}));
    EXPECT_EQ(r.reflexive().count(), 5U);
}

// Composition, closure, acyclicity, [S] and S * T against a plain set-of-pairs reference, on
// random relations of 1 to 130 events: one-word rows take a fast path of their own, wider
// rows the general one, and both must mean the same.
TEST(RelationTest, EveryOperatorAgreesWithASetOfPairsAtEverySize) {
    using Pairs = std::set<std::pair<EventIndex, EventIndex>>;
    std::mt19937 rng(7);
    auto random = [&](std::size_t n, double density) {
        Relation r(n);
        std::bernoulli_distribution edge(density);
        for (EventIndex a = 0; a < n; ++a)
            for (EventIndex b = 0; b < n; ++b)
                if (edge(rng))
                    r.insert(a, b);
        return r;
    };
    auto pairsOf = [](const Relation& r) {
        auto v = r.pairs();
        return Pairs(v.begin(), v.end());
    };
    for (std::size_t n : {1, 2, 5, 31, 63, 64, 65, 100, 128, 130}) {
        for (double density : {0.02, 0.1, 0.5}) {
            SCOPED_TRACE(::testing::Message() << n << " events, density " << density);
            const Relation r = random(n, density);
            const Relation o = random(n, density);
            // The reference: successor lists, composition by following both, closure by a
            // search from each event.
            std::vector<std::vector<EventIndex>> next(n), nextO(n);
            for (auto [a, b] : pairsOf(r))
                next[a].push_back(b);
            for (auto [a, b] : pairsOf(o))
                nextO[a].push_back(b);
            Pairs composed;
            for (EventIndex a = 0; a < n; ++a)
                for (EventIndex b : next[a])
                    for (EventIndex d : nextO[b])
                        composed.insert({a, d});
            EXPECT_EQ(pairsOf(r.compose(o)), composed);
            Pairs closure;
            for (EventIndex a = 0; a < n; ++a) {
                std::vector<EventIndex> stack(next[a].begin(), next[a].end());
                while (!stack.empty()) {
                    EventIndex b = stack.back();
                    stack.pop_back();
                    if (closure.insert({a, b}).second)
                        stack.insert(stack.end(), next[b].begin(), next[b].end());
                }
            }
            EXPECT_EQ(pairsOf(r.transitiveClosure()), closure);
            bool cyclic = false;
            for (auto [a, b] : closure)
                cyclic = cyclic || a == b;
            EXPECT_EQ(r.isAcyclic(), !cyclic);
            EventSet s(n), t(n);
            for (EventIndex e = 0; e < n; ++e) {
                if (rng() % 3 == 0)
                    s.insert(e);
                if (rng() % 2 == 0)
                    t.insert(e);
            }
            Pairs identity, product;
            for (EventIndex e : s.elements()) {
                identity.insert({e, e});
                for (EventIndex f : t.elements())
                    product.insert({e, f});
            }
            EXPECT_EQ(pairsOf(Relation::identityOn(s)), identity);
            EXPECT_EQ(pairsOf(Relation::cartesian(s, t)), product);
        }
    }
}

}  // namespace
}  // namespace memx::model
