// The one QPainter drawing of a Layout, shared by the SVG, PNG and PDF writers (and usable by
// any other paint device). The painter's coordinates are layout points: scale it first for
// higher-resolution devices.
#pragma once

#include "render/layout.hpp"

class QPainter;

namespace memx::render {

void paintLayout(QPainter& painter, const Layout& layout);

// The parts paintLayout draws, for front ends that keep one item per event and per edge (the
// GUI's QGraphicsScene), so they draw exactly what the figures draw.
void paintBackdrop(QPainter& painter, const Layout& layout);  // title, thread headers, legend
void paintEdge(QPainter& painter, const Layout& layout, const EdgeShape& edge);
void paintEdgeLabel(QPainter& painter, const Layout& layout, const EdgeShape& edge);
void paintNode(QPainter& painter, const NodeBox& node);

}  // namespace memx::render
