#include "render/layout.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "render/edge_routing.hpp"
#include "render/event_names.hpp"
#include "render/figure_graph.hpp"
#include "render/relation_styles.hpp"

namespace memx::render {

namespace {

constexpr double kMargin = 24;
constexpr double kNodeHeight = 22;
constexpr double kNodePadding = 12;
constexpr double kMinColumnWidth = 90;
constexpr double kColumnGap = 80;  // room for labels and bent edges between columns
constexpr double kRowSpacing = 64;
constexpr double kTitleHeight = 26;
constexpr double kHeaderHeight = 30;
constexpr double kLegendGap = 30;
constexpr double kLegendLine = 18;
constexpr double kLegendSample = 34;
constexpr double kNoteLine = 16;
constexpr double kLaneStep = 12;  // between edges sharing the gap between two columns

struct Grid {
    std::vector<int> threads;  // thread id of each column
    int initialRows = 0;
    int rows = 0;
};

// Assigns every event its grid cell: threads in columns ordered by id, events down in program
// order, initial writes in rows above, spread across the columns.
Grid placeOnGrid(const model::ExecutionGraph& graph, std::vector<NodeBox>& nodes) {
    Grid grid;
    std::set<int> threadIds;
    std::vector<EventIndex> initial;
    for (EventIndex i = 0; i < graph.size(); ++i) {
        if (graph.events[i].thread >= 0) {
            threadIds.insert(graph.events[i].thread);
        } else {
            initial.push_back(i);
        }
    }
    grid.threads.assign(threadIds.begin(), threadIds.end());
    int columns = std::max<int>(1, grid.threads.size());
    std::stable_sort(initial.begin(), initial.end(), [&](EventIndex a, EventIndex b) {
        return graph.events[a].location < graph.events[b].location;
    });
    for (std::size_t k = 0; k < initial.size(); ++k) {
        nodes[initial[k]].column = int(k) % columns;
        nodes[initial[k]].row = int(k) / columns;
    }
    grid.initialRows = (int(initial.size()) + columns - 1) / columns;
    grid.rows = grid.initialRows;
    for (std::size_t c = 0; c < grid.threads.size(); ++c) {
        std::vector<EventIndex> inThread;
        for (EventIndex i = 0; i < graph.size(); ++i) {
            if (graph.events[i].thread == grid.threads[c]) {
                inThread.push_back(i);
            }
        }
        std::stable_sort(inThread.begin(), inThread.end(), [&](EventIndex a, EventIndex b) {
            return graph.events[a].poIndex < graph.events[b].poIndex;
        });
        for (std::size_t k = 0; k < inThread.size(); ++k) {
            nodes[inThread[k]].column = int(c);
            nodes[inThread[k]].row = grid.initialRows + int(k);
        }
        grid.rows = std::max(grid.rows, grid.initialRows + int(inThread.size()));
    }
    return grid;
}

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
std::vector<Route> candidateRoutes(const NodeBox& from, const NodeBox& to, double pitch) {
    std::vector<Route> routes;
    for (double bend : {0.0, 26.0, -26.0, 52.0, -52.0}) {
        routes.push_back({Route::Bend, bend, 0});
    }
    // Gap g lies left of column g; its centre is kMargin + pitch * g.
    auto gapX = [&](int g, double lane) { return kMargin + pitch * g + lane * kLaneStep; };
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
            double channel = from.center.y + down * (kRowSpacing / 2 + lane * kLaneStep / 2);
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

std::vector<EdgeShape> routeEdges(const FigureGraph& g, const std::vector<NodeBox>& nodes,
                                  const std::vector<RelationStyle>& styles, double pitch) {
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
        e.inCycle = g[*it].inCycle;
        e.style = styleOf(e.relation);
        edges.push_back(e);
    }
    // Relations in legend order, so po gets the straight lines and the rest bend around it.
    std::stable_sort(edges.begin(), edges.end(),
                     [](const EdgeShape& a, const EdgeShape& b) { return a.style < b.style; });
    std::map<std::pair<EventIndex, EventIndex>, std::set<Route>> routesUsed;
    std::set<double> lanesTaken;  // one edge per lane, so vertical runs never coincide
    std::vector<Rect> taken;
    for (const NodeBox& n : nodes) {
        taken.push_back(boxOf(n, 2));
    }
    for (EdgeShape& e : edges) {
        const NodeBox& from = nodes[e.from];
        const NodeBox& to = nodes[e.to];
        auto& used = routesUsed[{std::min(e.from, e.to), std::max(e.from, e.to)}];
        std::optional<Route> chosen;
        for (Route r : candidateRoutes(from, to, pitch)) {
            bool laneTaken = r.kind != Route::Bend && lanesTaken.count(r.value) > 0;
            if (used.count(r) || laneTaken) {
                continue;
            }
            applyRoute(e, from, to, r);
            if (!chosen) {
                chosen = r;  // fallback: the first free route even if it crosses a box
            }
            if (!crossesOtherBoxes(e, nodes)) {
                chosen = r;
                break;
            }
        }
        used.insert(*chosen);
        if (chosen->kind != Route::Bend) {
            lanesTaken.insert(chosen->value);
        }
        applyRoute(e, from, to, *chosen);
        placeLabel(e, taken);
    }
    // Cycle edges last, so they are drawn on top.
    std::stable_partition(edges.begin(), edges.end(),
                          [](const EdgeShape& e) { return !e.inCycle; });
    return edges;
}

// Legend entries flow left to right and wrap at the figure's width; notes follow below.
double placeLegend(Layout& layout, double top) {
    double x = kMargin;
    double y = top + kLegendLine / 2;
    for (std::size_t s = 0; s < layout.styles.size(); ++s) {
        double textWidth = layout.styles[s].relation.size() * TextMetrics::labelCharWidth;
        double entryWidth = kLegendSample + 6 + textWidth + 22;
        if (x > kMargin && x + entryWidth > layout.width - kMargin) {
            x = kMargin;
            y += kLegendLine;
        }
        LegendEntry entry;
        entry.style = s;
        entry.lineStart = {x, y};
        entry.lineEnd = {x + kLegendSample, y};
        entry.textStart = {x + kLegendSample + 6, y + TextMetrics::labelFontSize / 2 - 1};
        layout.legend.push_back(entry);
        x += entryWidth;
    }
    double bottom = layout.styles.empty() ? top : y + kLegendLine / 2;
    for (Note& note : layout.notes) {
        bottom += kNoteLine;
        note.start = {kMargin, bottom - 4};
    }
    return bottom;
}

}  // namespace

const NodeBox* Layout::nodeFor(EventIndex e) const {
    for (const NodeBox& n : nodes) {
        if (n.event == e) {
            return &n;
        }
    }
    return nullptr;
}

Layout layoutExecution(const model::ExecutionGraph& graph,
                       const std::vector<DrawnRelation>& relations, const Highlight& highlight,
                       const LayoutOptions& options) {
    Layout layout;
    layout.title = options.title;
    for (const HighlightedEdge& h : highlight.cycle) {
        if (h.from < graph.size() && h.to < graph.size()) {
            layout.cycle.push_back(h);
        }
    }
    std::vector<std::string> names = shortEventNames(graph);
    layout.nodes.resize(graph.size());
    for (EventIndex i = 0; i < graph.size(); ++i) {
        NodeBox& n = layout.nodes[i];
        n.event = i;
        n.name = names[i];
        n.label = eventLabel(graph.events[i]);
        n.thread = graph.events[i].thread;
        n.highlighted = std::find(highlight.events.begin(), highlight.events.end(), i) !=
                        highlight.events.end();
        n.width = n.text().size() * TextMetrics::nodeCharWidth + kNodePadding;
        n.height = kNodeHeight;
    }
    Grid grid = placeOnGrid(graph, layout.nodes);
    layout.columns = std::max<int>(1, grid.threads.size());
    layout.initialRows = grid.initialRows;
    layout.rows = grid.rows;

    double columnWidth = kMinColumnWidth;
    for (const NodeBox& n : layout.nodes) {
        columnWidth = std::max(columnWidth, n.width);
    }
    double pitch = columnWidth + kColumnGap;
    double top = kMargin + (layout.title.empty() ? 0 : kTitleHeight);
    layout.titleStart = {kMargin, kMargin + TextMetrics::titleFontSize};
    auto columnX = [&](int c) { return kMargin + kColumnGap / 2 + pitch * c + columnWidth / 2; };
    // Thread names head the columns; the initial writes' rows come next, then the threads'.
    auto rowY = [&](int r) { return top + kHeaderHeight + kRowSpacing * r + kNodeHeight / 2; };
    for (NodeBox& n : layout.nodes) {
        n.center = {columnX(n.column), rowY(n.row)};
    }
    for (std::size_t c = 0; c < grid.threads.size(); ++c) {
        layout.headers.push_back({grid.threads[c],
                                  "P" + std::to_string(grid.threads[c]),
                                  {columnX(int(c)), top + TextMetrics::titleFontSize / 2}});
    }
    layout.width = 2 * kMargin + kColumnGap + pitch * layout.columns - kColumnGap;
    layout.width = std::max(layout.width, 2 * kMargin + layout.title.size() * 8.0);

    std::vector<std::string> relationNames;
    for (const DrawnRelation& r : relations) {
        relationNames.push_back(r.name);
    }
    for (const HighlightedEdge& h : highlight.cycle) {
        relationNames.push_back(h.relation);
    }
    layout.styles = assignStyles(relationNames);
    FigureGraph g = buildFigureGraph(graph.size(), relations, highlight);
    layout.edges = routeEdges(g, layout.nodes, layout.styles, pitch);

    if (!layout.cycle.empty()) {
        layout.notes.push_back({"thick edges: cycle", {}});
    }
    if (!highlight.events.empty()) {
        layout.eventsNote = highlight.eventsNote;
        layout.notes.push_back({"thick boxes: " + highlight.eventsNote, {}});
    }
    double gridBottom = rowY(std::max(0, layout.rows - 1)) + kNodeHeight / 2;
    layout.height = placeLegend(layout, gridBottom + kLegendGap) + kMargin;
    return layout;
}

}  // namespace memx::render
