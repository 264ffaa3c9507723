#include "render/figure_graph.hpp"

#include <algorithm>
#include <boost/graph/depth_first_search.hpp>
#include <map>
#include <optional>

namespace memx::render {

namespace {

model::Relation drawnPairs(const DrawnRelation& r) {
    if (!r.immediateOnly) {
        return r.pairs;
    }
    // Immediate pairs: those not also reachable through a longer path.
    return r.pairs - r.pairs.compose(r.pairs.transitiveClosure());
}

using Edge = FigureGraph::edge_descriptor;

// Records the DFS tree; the first back edge closes a cycle through tree edges.
class CycleRecorder : public boost::default_dfs_visitor {
public:
    CycleRecorder(std::map<std::size_t, Edge>& parent, std::optional<Edge>& closing)
        : parent_(parent), closing_(closing) {}

    void tree_edge(Edge e, const FigureGraph& g) { parent_[boost::target(e, g)] = e; }
    void back_edge(Edge e, const FigureGraph&) {
        if (!closing_) {
            closing_ = e;
        }
    }

private:
    std::map<std::size_t, Edge>& parent_;
    std::optional<Edge>& closing_;
};

}  // namespace

FigureGraph buildFigureGraph(std::size_t eventCount, const std::vector<DrawnRelation>& relations,
                             const Highlight& highlight) {
    FigureGraph g(eventCount);
    for (const DrawnRelation& r : relations) {
        for (auto [a, b] : drawnPairs(r).pairs()) {
            if (a < eventCount && b < eventCount) {
                auto label = r.labels.find({a, b});
                boost::add_edge(
                    a, b, FigureEdge{r.name, false, label == r.labels.end() ? "" : label->second},
                    g);
            }
        }
    }
    for (const HighlightedEdge& h : highlight.cycle) {
        if (h.from >= eventCount || h.to >= eventCount) {
            continue;
        }
        bool found = false;
        for (auto [it, end] = boost::out_edges(h.from, g); it != end; ++it) {
            if (boost::target(*it, g) == h.to && g[*it].relation == h.relation) {
                g[*it].inCycle = true;
                found = true;
            }
        }
        if (!found) {
            boost::add_edge(h.from, h.to, FigureEdge{h.relation, true, ""}, g);
        }
    }
    return g;
}

std::vector<HighlightedEdge> findCycle(std::size_t eventCount,
                                       const std::vector<DrawnRelation>& relations) {
    FigureGraph g(eventCount);
    for (const DrawnRelation& r : relations) {
        for (auto [a, b] : r.pairs.pairs()) {
            if (a < eventCount && b < eventCount) {
                boost::add_edge(a, b, FigureEdge{r.name, false, ""}, g);
            }
        }
    }
    std::map<std::size_t, Edge> parent;
    std::optional<Edge> closing;
    std::vector<boost::default_color_type> colors(eventCount);
    boost::depth_first_search(
        g, CycleRecorder(parent, closing),
        boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, g)));
    if (!closing) {
        return {};
    }
    // The back edge goes from a descendant to its ancestor: walk the tree back up to it.
    std::vector<HighlightedEdge> cycle;
    auto record = [&](Edge e) {
        cycle.push_back({static_cast<EventIndex>(boost::source(e, g)),
                         static_cast<EventIndex>(boost::target(e, g)), g[e].relation});
    };
    record(*closing);
    std::size_t ancestor = boost::target(*closing, g);
    std::size_t v = boost::source(*closing, g);
    while (v != ancestor) {
        Edge e = parent.at(v);
        record(e);
        v = boost::source(e, g);
    }
    // Start the cycle at its lowest event, so the answer does not depend on where DFS began.
    std::reverse(cycle.begin(), cycle.end());
    auto lowest = std::min_element(cycle.begin(), cycle.end(),
                                   [](const auto& x, const auto& y) { return x.from < y.from; });
    std::rotate(cycle.begin(), lowest, cycle.end());
    return cycle;
}

}  // namespace memx::render
