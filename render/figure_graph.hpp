// The edges a figure draws, held as a Boost.Graph multigraph (one vertex per event, one edge
// per related pair and relation), and the graph algorithms figures need: the edge set after
// reducing transitive orders, and a cycle to highlight when the caller has none to hand.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstddef>
#include <string>
#include <vector>

#include "render/layout.hpp"

namespace memx::render {

struct FigureEdge {
    std::string relation;
    bool inCycle = false;
    std::string extra;  // DrawnRelation::labels of the pair
};

// Vertex i is event i. Out-edges keep insertion order, so figures are deterministic.
using FigureGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                          boost::no_property, FigureEdge>;

// Every drawn pair (immediate pairs only where asked), relation by relation in the given order,
// then the highlighted cycle's edges: those already drawn are marked inCycle, the others are
// added so the figure always shows the whole cycle.
FigureGraph buildFigureGraph(std::size_t eventCount, const std::vector<DrawnRelation>& relations,
                             const Highlight& highlight);

// A cycle in the union of the relations (all their pairs), found by depth-first search from the
// lowest event, as its edges in order; empty when the union is acyclic.
std::vector<HighlightedEdge> findCycle(std::size_t eventCount,
                                       const std::vector<DrawnRelation>& relations);

}  // namespace memx::render
