// The Boost.Graph side of figures: which edges are drawn, and cycle finding for highlights.
#include <gtest/gtest.h>

#include "classic_executions.hpp"
#include "render/figure_graph.hpp"

namespace memx::render_test {
namespace {

using render::HighlightedEdge;

std::size_t countEdges(const render::FigureGraph& g, const std::string& relation) {
    std::size_t n = 0;
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
        n += g[*it].relation == relation ? 1 : 0;
    }
    return n;
}

TEST(FigureGraph, ImmediateOnlyDrawsTheTransitiveReductionOfPo) {
    ClassicExecution rcu = classicExecutions()[5];  // P0 has 4 events, P1 has 3
    model::Relation po = rcu.graph.relations.at("po");
    ASSERT_EQ(po.count(), 6u + 3u);
    auto all = render::buildFigureGraph(rcu.graph.size(), {{"po", po, false}}, {});
    auto immediate = render::buildFigureGraph(rcu.graph.size(), {{"po", po, true}}, {});
    EXPECT_EQ(countEdges(all, "po"), 9u);
    EXPECT_EQ(countEdges(immediate, "po"), 3u + 2u);
}

TEST(FigureGraph, CycleEdgesAreMarkedOrAddedWhenNotDrawn) {
    ClassicExecution sb = classicExecutions()[1];
    // The cycle's po edges skip the fences, so immediate po does not hold them.
    auto g = render::buildFigureGraph(sb.graph.size(), sb.relations, sb.highlight);
    std::size_t inCycle = 0;
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
        inCycle += g[*it].inCycle ? 1 : 0;
    }
    EXPECT_EQ(inCycle, sb.highlight.cycle.size());
    // 4 immediate po + 2 added po (a->c, d->f).
    EXPECT_EQ(countEdges(g, "po"), 6u);
}

TEST(FigureGraph, FindsTheMessagePassingCycleStartingAtItsLowestEvent) {
    ClassicExecution mp = classicExecutions()[0];
    const auto& r = mp.graph.relations;
    std::vector<render::DrawnRelation> rels{
        {"po", r.at("po")}, {"rf", r.at("rf")}, {"fr", r.at("fr")}};
    std::vector<HighlightedEdge> cycle = render::findCycle(mp.graph.size(), rels);
    EXPECT_EQ(cycle, mp.highlight.cycle);
}

TEST(FigureGraph, AcyclicUnionHasNoCycle) {
    ClassicExecution mp = classicExecutions()[0];
    const auto& r = mp.graph.relations;
    EXPECT_TRUE(
        render::findCycle(mp.graph.size(), {{"po", r.at("po")}, {"rf", r.at("rf")}}).empty());
}

TEST(FigureGraph, SelfLoopIsACycleOfOneEdge) {
    model::Relation r(3);
    r.insert(2, 2);
    std::vector<HighlightedEdge> expected{{2, 2, "hb"}};
    EXPECT_EQ(render::findCycle(3, {{"hb", r}}), expected);
}

}  // namespace
}  // namespace memx::render_test
