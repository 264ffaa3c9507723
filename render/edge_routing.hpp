// Geometry of one edge: Bezier segments between two event boxes, bent sideways when they would
// cross another box or overlap an edge between the same two events, or routed around the grid
// through the gaps between rows and columns; its arrowhead; and a spot for its label that
// covers no box and no other label.
#pragma once

#include <vector>

#include "render/layout.hpp"

namespace memx::render {

struct Rect {
    double left = 0, top = 0, right = 0, bottom = 0;
    bool intersects(const Rect& o) const;
    bool contains(Point p) const;
};

Rect boxOf(const NodeBox& node, double margin = 0);

// The point at parameter t in [0, 1] along the whole path (each segment an equal share of t).
Point bezierPoint(const EdgeShape& edge, double t);

// One cubic. `bend` moves the curve's midpoint sideways, measured perpendicular to the line from
// the lower-numbered event to the higher one, so edges in both directions between the same pair
// share one sign convention. A self-loop is a loop on the box's right whatever the bend.
void routeEdge(EdgeShape& edge, const NodeBox& from, const NodeBox& to, double bend);

// One cubic leaving both boxes sideways towards the vertical line x = laneX and following it, so
// an edge spanning rows of neighbouring columns runs in the gap between them, not across them.
void routeAlongLane(EdgeShape& edge, const NodeBox& from, const NodeBox& to, double laneX);

// A rounded elbow path for when nothing simpler is clear: down (or up) out of `from` into the
// horizontal channel y = channelY between two rows, along it to the lane x = laneX in a column
// gap, along the lane to `to`'s row, and sideways into `to`.
void routeThroughChannel(EdgeShape& edge, const NodeBox& from, const NodeBox& to, double channelY,
                         double laneX);

// True if the path passes through the rectangle (sampled, away from its two ends).
bool passesThrough(const EdgeShape& edge, const Rect& r);

// True if the path passes through a box other than its own two ends'.
bool crossesOtherBoxes(const EdgeShape& edge, const std::vector<NodeBox>& nodes);

// Picks the label's centre along the path: away from `taken` (boxes and placed labels) and, where
// some spot allows, off every other edge of `edges` (routed already), so a label never hides a
// line. Adds the chosen label rectangle to `taken`.
void placeLabel(EdgeShape& edge, std::vector<Rect>& taken, const std::vector<EdgeShape>& edges);

}  // namespace memx::render
