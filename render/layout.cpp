#include "render/layout.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "render/edge_routing.hpp"
#include "render/event_names.hpp"
#include "render/figure_graph.hpp"
#include "render/relation_styles.hpp"
#include "render/route_planner.hpp"

namespace memx::render {

namespace {

constexpr double kMargin = 24;
constexpr double kNodeHeight = 22;
constexpr double kDetailLine = 14;  // each further line of a box (NodeBox::details)
constexpr double kRowGap = 42;      // at least this between two rows' boxes, for edges and labels
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
constexpr double kLabelClearance = 8;  // between a label in a column gap and the boxes

// The line under the box of a waiting thread's last read, and the legend's words for it.
constexpr const char* kWaitsTag = "waits here";
constexpr const char* kWaitsNote =
    "a wait's last read, of the final write: reading again changes nothing";

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
    // By location, then by offset as a number (kbuf+2 before kbuf+10).
    auto place = [&](EventIndex i) {
        const model::EventInfo& e = graph.events[i];
        if (e.byteEvent) {
            return std::make_pair(e.base, std::int64_t(e.offset));
        }
        return std::make_pair(e.location, std::int64_t(-1));
    };
    std::stable_sort(initial.begin(), initial.end(),
                     [&](EventIndex a, EventIndex b) { return place(a) < place(b); });
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

// The width of the gap right of each column but the last: kColumnGap, or more where an edge
// joins two boxes side by side in the same row, whose label has nowhere to go but that gap
// (`rf [0,2] from P1:b`).
std::vector<double> innerGaps(const FigureGraph& g, const std::vector<NodeBox>& nodes,
                              int columns) {
    std::vector<double> gaps(std::size_t(std::max(0, columns - 1)), kColumnGap);
    for (auto [it, end] = boost::edges(g); it != end; ++it) {
        const NodeBox& a = nodes[boost::source(*it, g)];
        const NodeBox& b = nodes[boost::target(*it, g)];
        if (a.row != b.row || std::abs(a.column - b.column) != 1) {
            continue;
        }
        const FigureEdge& e = g[*it];
        const std::string label = e.extra.empty() ? e.relation : e.relation + " " + e.extra;
        const double width = double(label.size()) * TextMetrics::labelCharWidth + 6;
        double& gap = gaps[std::size_t(std::min(a.column, b.column))];
        gap = std::max(gap, width + 2 * kLabelClearance);
    }
    return gaps;
}

// Legend entries, one per relation with an edge in the figure, flow left to right and wrap at
// the figure's width; notes follow below.
double placeLegend(Layout& layout, double top) {
    double x = kMargin;
    double y = top + kLegendLine / 2;
    for (std::size_t s = 0; s < layout.styles.size(); ++s) {
        bool drawn = std::any_of(layout.edges.begin(), layout.edges.end(),
                                 [&](const EdgeShape& e) { return e.style == s; });
        if (!drawn) {
            continue;
        }
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
    double bottom = layout.legend.empty() ? top : y + kLegendLine / 2;
    for (Note& note : layout.notes) {
        bottom += kNoteLine;
        note.start = {kMargin, bottom - 4};
    }
    return bottom;
}

// An edge routed around the grid, or its label, may reach past the left margin (a channel
// left of the first column): move the whole drawing right so that it starts inside the figure,
// and widen the figure to hold the rightmost edge or label.
void keepEdgesInside(Layout& layout) {
    double left = kMargin, right = layout.width - kMargin;
    for (const EdgeShape& e : layout.edges) {
        for (const Point& p : e.path) {
            left = std::min(left, p.x);
            right = std::max(right, p.x);
        }
        left = std::min(left, e.labelCenter.x - e.labelWidth / 2);
        right = std::max(right, e.labelCenter.x + e.labelWidth / 2);
    }
    const double shift = left < kMargin / 2 ? kMargin / 2 - left : 0;
    if (shift > 0) {
        auto move = [&](Point& p) { p.x += shift; };
        for (NodeBox& n : layout.nodes) {
            move(n.center);
        }
        for (ColumnHeader& h : layout.headers) {
            move(h.center);
        }
        for (EdgeShape& e : layout.edges) {
            for (Point& p : e.path) {
                move(p);
            }
            for (Point& p : e.arrowHead) {
                move(p);
            }
            move(e.labelCenter);
        }
    }
    layout.width = std::max(layout.width + shift, right + shift + kMargin / 2);
}

// The column's name: "P0", with what the figure says about the thread in parentheses.
std::string columnTitle(int thread, const LayoutOptions& options, const Highlight& highlight) {
    std::vector<std::string> notes;
    if (options.externalThreads.count(thread)) {
        notes.push_back("external");
    }
    for (const WaitingThread& w : highlight.waiting) {
        if (w.thread == thread) {
            notes.push_back("waits forever at line " + std::to_string(w.line));
        }
    }
    std::string title = "P" + std::to_string(thread);
    for (std::size_t i = 0; i < notes.size(); ++i) {
        title += (i == 0 ? " (" : ", ") + notes[i] + (i + 1 == notes.size() ? ")" : "");
    }
    return title;
}

bool isWaitingRead(EventIndex e, const Highlight& highlight) {
    return std::any_of(
        highlight.waiting.begin(), highlight.waiting.end(), [&](const WaitingThread& w) {
            return std::find(w.lastReads.begin(), w.lastReads.end(), e) != w.lastReads.end();
        });
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
        // A label of several lines (a by-access figure's) is the box's label and details.
        std::string label = eventLabel(graph.events[i]);
        for (std::size_t cut; (cut = label.rfind('\n')) != std::string::npos;) {
            n.details.insert(n.details.begin(), label.substr(cut + 1));
            label.erase(cut);
        }
        n.label = label;
        n.thread = graph.events[i].thread;
        n.highlighted = std::find(highlight.events.begin(), highlight.events.end(), i) !=
                        highlight.events.end();
        n.waits = isWaitingRead(i, highlight);
        if (n.waits) {
            n.details.push_back(kWaitsTag);
        }
        n.width = n.text().size() * TextMetrics::nodeCharWidth + kNodePadding;
        n.height = kNodeHeight;
    }
    for (NodeBox& n : layout.nodes) {
        for (const std::string& d : n.details) {
            n.width = std::max(n.width, d.size() * TextMetrics::nodeCharWidth + kNodePadding);
        }
        n.height = kNodeHeight + kDetailLine * double(n.details.size());
    }
    Grid grid = placeOnGrid(graph, layout.nodes);
    layout.columns = std::max<int>(1, grid.threads.size());
    layout.initialRows = grid.initialRows;
    layout.rows = grid.rows;

    FigureGraph g = buildFigureGraph(graph.size(), relations, highlight);
    double columnWidth = kMinColumnWidth;
    double tallest = kNodeHeight;
    for (const NodeBox& n : layout.nodes) {
        columnWidth = std::max(columnWidth, n.width);
        tallest = std::max(tallest, n.height);
    }
    std::vector<std::string> titles;
    for (int thread : grid.threads) {
        titles.push_back(columnTitle(thread, options, highlight));
        // A long name ("P0 (waits forever at line 22)") stays clear of the next column's.
        const double nameWidth = double(titles.back().size() + 2) * TextMetrics::nodeCharWidth;
        columnWidth = std::max(columnWidth, nameWidth - kColumnGap);
    }
    double pitch = columnWidth + kColumnGap;
    double rowPitch = std::max(kRowSpacing, tallest + kRowGap);
    double top = kMargin + (layout.title.empty() ? 0 : kTitleHeight);
    layout.titleStart = {kMargin, kMargin + TextMetrics::titleFontSize};
    const std::vector<double> gaps = innerGaps(g, layout.nodes, layout.columns);
    std::vector<double> columnLeft{kMargin + kColumnGap / 2};
    for (double gap : gaps) {
        columnLeft.push_back(columnLeft.back() + columnWidth + gap);
    }
    auto columnX = [&](int c) { return columnLeft[std::size_t(c)] + columnWidth / 2; };
    GridGeometry geometry{kMargin, pitch, rowPitch, {kMargin}};
    for (std::size_t c = 1; c < columnLeft.size(); ++c) {
        geometry.gapCenters.push_back(columnLeft[c] - gaps[c - 1] / 2);
    }
    const double right = columnLeft.back() + columnWidth + kColumnGap / 2;
    geometry.gapCenters.push_back(right);
    // The initial writes' rows come first, above the threads: the thread names head their
    // columns just above the first thread row, at its left, where the initial writes' edges
    // coming down the column's middle leave them clear. Without initial writes the names sit
    // in a band of their own.
    const double band = grid.initialRows > 0 ? 0 : kHeaderHeight;
    auto rowY = [&](int r) { return top + band + rowPitch * r + tallest / 2; };
    for (NodeBox& n : layout.nodes) {
        n.center = {columnX(n.column), rowY(n.row)};
    }
    std::vector<Rect> headerBoxes;
    for (std::size_t c = 0; c < grid.threads.size(); ++c) {
        const std::string& title = titles[c];
        const double halfWidth = double(title.size()) * TextMetrics::nodeCharWidth / 2;
        Point at{columnX(int(c)), top + TextMetrics::titleFontSize / 2};
        if (grid.initialRows > 0) {
            // From one character in from the column's left edge.
            at = {columnX(int(c)) - columnWidth / 2 + TextMetrics::nodeCharWidth + halfWidth,
                  rowY(grid.initialRows) - tallest / 2 - TextMetrics::nodeFontSize};
        }
        layout.headers.push_back({grid.threads[c], title, at});
        const double halfHeight = TextMetrics::nodeFontSize / 2 + 2;
        headerBoxes.push_back(
            {at.x - halfWidth - 2, at.y - halfHeight, at.x + halfWidth + 2, at.y + halfHeight});
    }
    layout.width = right + kMargin;
    layout.width = std::max(layout.width, 2 * kMargin + layout.title.size() * 8.0);

    std::vector<std::string> relationNames;
    for (const DrawnRelation& r : relations) {
        relationNames.push_back(r.name);
    }
    for (const HighlightedEdge& h : highlight.cycle) {
        relationNames.push_back(h.relation);
    }
    layout.styles = assignStyles(relationNames);
    layout.edges = planRoutes(g, layout.nodes, layout.styles, geometry, headerBoxes);
    keepEdgesInside(layout);

    if (!layout.cycle.empty()) {
        layout.notes.push_back({"thick edges: cycle", {}});
    }
    if (!highlight.events.empty()) {
        layout.eventsNote = highlight.eventsNote;
        layout.notes.push_back({"thick boxes: " + highlight.eventsNote, {}});
    }
    if (std::any_of(layout.nodes.begin(), layout.nodes.end(),
                    [](const NodeBox& n) { return n.waits; })) {
        layout.waitsNote = kWaitsNote;
        layout.notes.push_back({std::string("dashed boxes (waits): ") + kWaitsNote, {}});
    }
    // A note wider than the grid widens the figure rather than running off its edge.
    for (const Note& note : layout.notes) {
        layout.width = std::max(
            layout.width, 2 * kMargin + double(note.text.size()) * TextMetrics::labelCharWidth);
    }
    double gridBottom = rowY(std::max(0, layout.rows - 1)) + tallest / 2;
    layout.height = placeLegend(layout, gridBottom + kLegendGap) + kMargin;
    return layout;
}

}  // namespace memx::render
