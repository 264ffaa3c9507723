#include "render/number_format.hpp"

#include <cmath>
#include <cstdio>

namespace memx::render {

std::string formatFixed(double v, int decimals) {
    double scale = std::pow(10.0, decimals);
    double rounded = std::round(v * scale) / scale;
    if (rounded == 0) {
        rounded = 0;  // turns -0.0 into 0.0
    }
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, rounded);
    return buf;
}

std::string formatCoordinate(double v) {
    return formatFixed(v, 1);
}

}  // namespace memx::render
