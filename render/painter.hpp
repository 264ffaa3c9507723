// The one QPainter drawing of a Layout, shared by the SVG, PNG and PDF writers (and usable by
// any other paint device). The painter's coordinates are layout points: scale it first for
// higher-resolution devices.
#pragma once

#include "render/layout.hpp"

class QPainter;

namespace memx::render {

void paintLayout(QPainter& painter, const Layout& layout);

}  // namespace memx::render
