#include "render/ink_map.hpp"

#include <algorithm>
#include <cmath>

#include "render/edge_routing.hpp"

namespace memx::render {

namespace {

constexpr double kCell = 4;
constexpr double kNear = 4.5;        // closer than this (centre to centre), two lines read as one
constexpr double kMeetingZone = 14;  // around an edge's own boxes, where edges meet anyway
constexpr double kParallel = 0.26;   // sin(15 degrees)

// Unit tangents of the sampled path, from neighbouring samples.
std::vector<Point> directions(const std::vector<Point>& points) {
    std::vector<Point> out(points.size(), Point{0, 1});
    for (std::size_t i = 0; i < points.size() && points.size() > 1; ++i) {
        Point a = points[i == 0 ? 0 : i - 1], b = points[std::min(i + 1, points.size() - 1)];
        double len = std::hypot(b.x - a.x, b.y - a.y);
        if (len > 0) {
            out[i] = {(b.x - a.x) / len, (b.y - a.y) / len};
        }
    }
    return out;
}

}  // namespace

std::vector<Point> samplePath(const EdgeShape& e) {
    double length = 0;
    Point previous = bezierPoint(e, 0);
    for (int i = 1; i <= 200; ++i) {
        Point p = bezierPoint(e, i / 200.0);
        length += std::hypot(p.x - previous.x, p.y - previous.y);
        previous = p;
    }
    int n = std::max(1, int(length));
    std::vector<Point> points;
    for (int i = 0; i <= n; ++i) {
        points.push_back(bezierPoint(e, double(i) / n));
    }
    return points;
}

std::int64_t InkMap::cellOf(double x, double y) {
    auto cx = std::int64_t(std::floor(x / kCell)), cy = std::int64_t(std::floor(y / kCell));
    return cx * 1'000'003 + cy;
}

void InkMap::add(const EdgeShape& e) {
    std::vector<Point> points = samplePath(e);
    std::vector<Point> dirs = directions(points);
    for (std::size_t i = 0; i < points.size(); ++i) {
        cells_[cellOf(points[i].x, points[i].y)].push_back({points[i], dirs[i]});
    }
}

double InkMap::sharedLength(const EdgeShape& e, const NodeBox& from, const NodeBox& to) const {
    Rect nearFrom = boxOf(from, kMeetingZone), nearTo = boxOf(to, kMeetingZone);
    std::vector<Point> points = samplePath(e);
    std::vector<Point> dirs = directions(points);
    double step = points.size() > 1 ? 1.0 : 0.0;
    double shared = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        Point p = points[i], d = dirs[i];
        if (nearFrom.contains(p) || nearTo.contains(p)) {
            continue;
        }
        bool close = false;
        for (int dx = -1; dx <= 1 && !close; ++dx) {
            for (int dy = -1; dy <= 1 && !close; ++dy) {
                auto it = cells_.find(cellOf(p.x + dx * kCell, p.y + dy * kCell));
                if (it == cells_.end()) {
                    continue;
                }
                close = std::any_of(it->second.begin(), it->second.end(), [&](const Ink& q) {
                    double sine = std::abs(d.x * q.direction.y - d.y * q.direction.x);
                    return std::hypot(p.x - q.at.x, p.y - q.at.y) < kNear && sine < kParallel;
                });
            }
        }
        shared += close ? step : 0;
    }
    return shared;
}

}  // namespace memx::render
