#include "render/route_planner.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "render/edge_routing.hpp"
#include "render/ink_map.hpp"

namespace memx::render {

namespace {

constexpr double kLaneStep = 12;        // between edges sharing the gap between two columns
constexpr double kTolerableShared = 5;  // points of one edge lying along another

// One way to draw an edge: bent sideways by `value`, along the vertical lane x = value, or
// through the channel y = channel between rows and then down the lane x = value.
struct Route {
    enum Kind { Bend, Lane, Channel } kind = Bend;
    double value = 0;
    double channel = 0;
    auto operator<=>(const Route&) const = default;
};

// Routes in order of preference: straight, slightly bent, along a gap between the columns (or
// beside the column, for an edge within one thread), bent further, and last the elbow through
// the channel below (or above) the source's row, which crosses no box in a regular grid.
std::vector<Route> candidateRoutes(const NodeBox& from, const NodeBox& to,
                                   const GridGeometry& grid) {
    std::vector<Route> routes;
    for (double bend : {0.0, 26.0, -26.0, 52.0, -52.0}) {
        routes.push_back({Route::Bend, bend, 0});
    }
    auto gapX = [&](int g, double lane) { return grid.gapCenter(g) + lane * kLaneStep; };
    int low = std::min(from.column, to.column), high = std::max(from.column, to.column);
    std::vector<int> gaps;
    if (low == high) {
        gaps = {low + 1, low};
    }
    for (int g = low + 1; g <= high; ++g) {
        gaps.push_back(g);
    }
    for (int g : gaps) {
        for (double lane : {0.0, 1.0, -1.0, 2.0, -2.0}) {
            routes.push_back({Route::Lane, gapX(g, lane), 0});
        }
    }
    for (double bend : {78.0, -78.0, 104.0, -104.0}) {
        routes.push_back({Route::Bend, bend, 0});
    }
    double down = to.center.y >= from.center.y ? 1 : -1;
    std::vector<int> entryGaps{to.column, to.column + 1};
    if (from.column > to.column) {
        std::swap(entryGaps[0], entryGaps[1]);  // enter from the side facing the source
    }
    for (double lane : {0.0, 1.0, -1.0, 2.0, -2.0}) {
        for (int g : entryGaps) {
            double channel = from.center.y + down * (grid.rowPitch / 2 + lane * kLaneStep / 2);
            routes.push_back({Route::Channel, gapX(g, lane), channel});
        }
    }
    return routes;
}

void applyRoute(EdgeShape& e, const NodeBox& from, const NodeBox& to, Route r) {
    switch (r.kind) {
        case Route::Bend:
            routeEdge(e, from, to, r.value);
            break;
        case Route::Lane:
            routeAlongLane(e, from, to, r.value);
            break;
        case Route::Channel:
            routeThroughChannel(e, from, to, r.channel, r.value);
            break;
    }
}

}  // namespace

std::vector<EdgeShape> planRoutes(const FigureGraph& g, const std::vector<NodeBox>& nodes,
                                  const std::vector<RelationStyle>& styles,
                                  const GridGeometry& grid, const std::vector<Rect>& keepClear) {
    auto styleOf = [&](const std::string& name) {
        for (std::size_t s = 0; s < styles.size(); ++s) {
            if (styles[s].relation == name) {
                return s;
            }
        }
        return std::size_t{0};
    };
    std::vector<EdgeShape> edges;
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
        EdgeShape e;
        e.from = EventIndex(boost::source(*it, g));
        e.to = EventIndex(boost::target(*it, g));
        e.relation = g[*it].relation;
        e.extra = g[*it].extra;
        e.inCycle = g[*it].inCycle;
        e.style = styleOf(e.relation);
        edges.push_back(e);
    }
    // Relations in legend order, so po gets the straight lines and the rest bend around it.
    std::stable_sort(edges.begin(), edges.end(),
                     [](const EdgeShape& a, const EdgeShape& b) { return a.style < b.style; });
    std::map<std::pair<EventIndex, EventIndex>, std::set<Route>> routesUsed;
    InkMap ink;
    std::set<double> lanesTaken;  // one edge per lane, so vertical runs never coincide
    std::vector<Rect> taken;
    for (const NodeBox& n : nodes) {
        taken.push_back(boxOf(n, 2));
    }
    taken.insert(taken.end(), keepClear.begin(), keepClear.end());
    for (EdgeShape& e : edges) {
        const NodeBox& from = nodes[e.from];
        const NodeBox& to = nodes[e.to];
        auto& used = routesUsed[{std::min(e.from, e.to), std::max(e.from, e.to)}];
        // The first route that crosses no box and runs along no earlier edge; failing that, the
        // box-free route sharing the least line; failing that, the first free route.
        std::optional<Route> chosen, fallback;
        double fallbackShared = INFINITY;
        for (Route r : candidateRoutes(from, to, grid)) {
            bool laneTaken = r.kind != Route::Bend && lanesTaken.count(r.value) > 0;
            if (used.count(r) || laneTaken) {
                continue;
            }
            applyRoute(e, from, to, r);
            if (!fallback) {
                fallback = r;
            }
            const bool crossesKept =
                std::any_of(keepClear.begin(), keepClear.end(),
                            [&](const Rect& r) { return passesThrough(e, r); });
            if (crossesKept || crossesOtherBoxes(e, nodes)) {
                continue;
            }
            double shared = ink.sharedLength(e, from, to);
            if (shared < kTolerableShared) {
                chosen = r;
                break;
            }
            if (shared < fallbackShared) {
                fallback = r;
                fallbackShared = shared;
            }
        }
        if (!chosen) {
            chosen = fallback;
        }
        used.insert(*chosen);
        if (chosen->kind != Route::Bend) {
            lanesTaken.insert(chosen->value);
        }
        applyRoute(e, from, to, *chosen);
        ink.add(e);
    }
    // Labels once every path is known, so they can keep off all the lines.
    for (EdgeShape& e : edges) {
        placeLabel(e, taken, edges);
    }
    // Cycle edges last, so they are drawn on top.
    std::stable_partition(edges.begin(), edges.end(),
                          [](const EdgeShape& e) { return !e.inCycle; });
    return edges;
}

}  // namespace memx::render
