// Where lines have been drawn so far, so routing can avoid laying a new edge along an old one,
// where one would hide the other. Crossing is fine; running close and nearly parallel is not.
// Paths are sampled every point, with their direction, and hashed into a grid.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "render/layout.hpp"

namespace memx::render {

// Samples of the path about one point apart, both ends included.
std::vector<Point> samplePath(const EdgeShape& edge);

class InkMap {
public:
    void add(const EdgeShape& edge);

    // Length (in points) of the edge's path lying within 4.5 points of lines already added and
    // within 15 degrees of their direction, ignoring the stretches near its own two boxes, where
    // edges legitimately meet.
    double sharedLength(const EdgeShape& edge, const NodeBox& from, const NodeBox& to) const;

private:
    struct Ink {
        Point at;
        Point direction;  // unit tangent
    };
    static std::int64_t cellOf(double x, double y);
    std::unordered_map<std::int64_t, std::vector<Ink>> cells_;
};

}  // namespace memx::render
