// The one geometry every figure shares: where each event box sits, the path, arrowhead and
// label of each edge, the colours and line styles, and the legend. It is plain data (no Qt), so
// the DOT/TikZ/text writers, the QPainter path (SVG/PNG/PDF) and the future GUI's
// QGraphicsItems all draw the same picture and can never disagree.
//
// Coordinates are in points (1/72 inch), origin at the top left, y growing downwards.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "model/execution_graph.hpp"
#include "model/relation.hpp"

namespace memx::render {

using model::EventIndex;

struct Point {
    double x = 0;
    double y = 0;
    bool operator==(const Point&) const = default;
};

struct Color {
    std::uint8_t r = 0;
    std::uint8_t g = 0;
    std::uint8_t b = 0;
    std::string hex() const;  // "#RRGGBB"
    bool operator==(const Color&) const = default;
};

// Distinct dash patterns so a figure printed in grey still tells the relations apart: po, rf,
// co and fr take the first four, other relations the last five.
enum class LineStyle {
    Solid,
    Dashed,
    Dotted,
    DashDot,
    LongDash,
    DashDotDot,
    LongDashDot,
    SparseDot,
    DenseDash
};
const char* lineStyleName(LineStyle style);

struct RelationStyle {
    std::string relation;   // "po", "rf", "ppo", ...
    Color color;            // from the Okabe-Ito palette
    std::string colorName;  // its palette name, for legends that cannot show colour
    LineStyle line = LineStyle::Solid;
    // Which arrow the text figures draw it with: unique within one figure (po 0, rf 1, co 2,
    // fr 3, then one per further relation), so no two relations look alike even in ASCII.
    std::size_t mark = 0;
};

// One relation the caller wants drawn. Transitive orders such as po or co read best as their
// immediate edges only (a -po-> b -po-> c without a -po-> c): set immediateOnly for those.
struct DrawnRelation {
    std::string name;
    model::Relation pairs;
    bool immediateOnly = false;
    // Extra text for the label of some pairs' edges (the byte ranges of a by-access figure:
    // "[0..3]"), drawn after the relation's name.
    std::map<std::pair<EventIndex, EventIndex>, std::string> labels = {};
};

struct HighlightedEdge {
    EventIndex from = 0;
    EventIndex to = 0;
    std::string relation;
    bool operator==(const HighlightedEdge&) const = default;
};

// A thread that waits forever in the execution drawn (`memx graph --blocked`): its column's
// name says where it waits, and the reads of its wait's last iteration, which it repeats
// forever with the same result, are marked.
struct WaitingThread {
    int thread = 0;
    int line = 0;  // the first line of its wait's loop
    std::vector<EventIndex> lastReads;
};

// What the figure should make stand out: the cycle an axiom rejects (as base and named derived
// edges), events of interest such as racing accesses or torn reads, with a note saying why,
// and the threads that wait forever.
struct Highlight {
    std::vector<HighlightedEdge> cycle;
    std::vector<EventIndex> events;
    std::string eventsNote = "highlighted";  // legend text for the highlighted events
    std::vector<WaitingThread> waiting;
};

struct LayoutOptions {
    std::string title;  // e.g. the litmus test's name; empty for none
    // Threads the test declares `external` (user space, a device): their column's name says so,
    // "P1 (external)".
    std::set<int> externalThreads = {};
};

// Sizes the layout assumes for text. Painters use a monospaced font of these pixel sizes.
struct TextMetrics {
    static constexpr double nodeFontSize = 11;
    static constexpr double nodeCharWidth = 7;
    static constexpr double labelFontSize = 10;
    static constexpr double labelCharWidth = 6.2;
    static constexpr double titleFontSize = 13;
};

struct NodeBox {
    EventIndex event = 0;
    std::string name;   // short herd-style name: "a", "b", ...
    std::string label;  // e.g. "W[once] x=1", or the source statement
    // Further lines under the label (a by-access figure's kinds, bytes and values).
    std::vector<std::string> details = {};
    int thread = -1;  // -1 for initial writes
    int column = 0;   // grid column (thread column; position in the row for initial writes)
    int row = 0;      // grid row; rows [0, Layout::initialRows) hold the initial writes
    bool highlighted = false;
    // A last read of a wait that never ends (Highlight::waiting); its last detail says so.
    bool waits = false;
    Point center;
    double width = 0;
    double height = 0;
    std::string text() const { return name + ": " + label; }
};

struct EdgeShape {
    EventIndex from = 0;
    EventIndex to = 0;
    std::string relation;
    std::string extra;      // after the name in the label: byte ranges ("[0..3]"), or empty
    std::size_t style = 0;  // index into Layout::styles
    bool inCycle = false;
    std::string label() const { return extra.empty() ? relation : relation + " " + extra; }
    // Cubic Bezier segments joined end to end: the start point, then (control, control, end)
    // per segment, so 3n + 1 points. A straight piece has its controls on the segment.
    std::vector<Point> path;
    std::array<Point, 3> arrowHead{};  // tip first
    Point labelCenter;
    double labelWidth = 0;
    double labelHeight = 0;

    Point start() const { return path.front(); }
    Point end() const { return path.back(); }
    std::size_t segments() const { return path.size() / 3; }
};

struct ColumnHeader {
    int thread = 0;
    std::string title;  // "P0", "P1 (external)", "P0 (waits forever at line 22)"
    Point center;
};

struct LegendEntry {
    std::size_t style = 0;  // index into Layout::styles
    Point lineStart, lineEnd;
    Point textStart;  // baseline start of the relation's name
};

struct Note {
    std::string text;
    Point start;  // baseline start
};

struct Layout {
    std::string title;
    Point titleStart;  // baseline start; unused when the title is empty
    double width = 0;
    double height = 0;
    int columns = 0;      // thread columns
    int initialRows = 0;  // grid rows above the threads holding initial writes
    int rows = 0;         // all grid rows, initial ones included
    std::vector<ColumnHeader> headers;
    std::vector<NodeBox> nodes;  // nodes[i] is event i
    std::vector<EdgeShape> edges;
    std::vector<RelationStyle> styles;
    std::vector<LegendEntry> legend;     // relations with at least one edge drawn, in style order
    std::vector<HighlightedEdge> cycle;  // as given, in order, for writers that spell it out
    std::string eventsNote;              // legend text for highlighted events; empty if none
    std::string waitsNote;               // legend text for waiting reads; empty if none
    std::vector<Note> notes;             // lines under the legend (cycle, highlighted events)

    const NodeBox* nodeFor(EventIndex e) const;
};

Layout layoutExecution(const model::ExecutionGraph& graph,
                       const std::vector<DrawnRelation>& relations, const Highlight& highlight,
                       const LayoutOptions& options = {});

}  // namespace memx::render
