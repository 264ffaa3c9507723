// Chooses how each edge of a figure is drawn: straight, bent, along a gap between columns, or
// through the channels between rows, whichever first crosses no event box and runs along no
// edge drawn before it; then places every label where it hides no box, label or line.
#pragma once

#include <vector>

#include "render/edge_routing.hpp"
#include "render/figure_graph.hpp"
#include "render/layout.hpp"

namespace memx::render {

// Where the grid's gaps are: gap g, the space left of column g, is centred at gapCenters[g]
// when given (gaps may differ in width), else at margin + columnPitch * g; rows are rowPitch
// apart.
struct GridGeometry {
    double margin = 0;
    double columnPitch = 0;
    double rowPitch = 0;
    std::vector<double> gapCenters = {};
    double gapCenter(int g) const {
        return g >= 0 && std::size_t(g) < gapCenters.size() ? gapCenters[std::size_t(g)]
                                                            : margin + columnPitch * g;
    }
};

// One shape per edge of `g`, in relation (style) order, with the highlighted cycle's edges last
// so they are drawn on top. No edge or label crosses a box of `nodes` or a rectangle of
// `keepClear` (the thread names) where some route or spot avoids it.
std::vector<EdgeShape> planRoutes(const FigureGraph& g, const std::vector<NodeBox>& nodes,
                                  const std::vector<RelationStyle>& styles,
                                  const GridGeometry& grid,
                                  const std::vector<Rect>& keepClear = {});

}  // namespace memx::render
