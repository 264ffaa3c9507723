// Coordinates as text for the DOT and TikZ writers: one decimal, never "-0.0", so golden files
// do not churn on rounding noise.
#pragma once

#include <string>

namespace memx::render {

std::string formatCoordinate(double v);
// The same with `decimals` digits after the point.
std::string formatFixed(double v, int decimals);

}  // namespace memx::render
