#include "render/edge_routing.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace memx::render {

namespace {

constexpr double kBoxGap = 2;  // space between a box and an arrow tip
constexpr double kArrowLength = 8;
constexpr double kArrowHalfWidth = 4;
constexpr double kLoopReach = 38;     // how far a self-loop sticks out of its box
constexpr double kCornerRadius = 10;  // of the elbows of a channel route

Point operator+(Point a, Point b) {
    return {a.x + b.x, a.y + b.y};
}
Point operator-(Point a, Point b) {
    return {a.x - b.x, a.y - b.y};
}
Point operator*(Point a, double k) {
    return {a.x * k, a.y * k};
}
double length(Point v) {
    return std::hypot(v.x, v.y);
}

Point normalized(Point v) {
    double len = length(v);
    return len == 0 ? Point{0, 1} : Point{v.x / len, v.y / len};
}

// Where the ray from the box's centre in direction `dir` leaves the box (plus a small gap).
Point clipToBox(const NodeBox& box, Point dir, double gap) {
    Point d = normalized(dir);
    double hw = box.width / 2 + gap;
    double hh = box.height / 2 + gap;
    double tx = d.x == 0 ? INFINITY : hw / std::abs(d.x);
    double ty = d.y == 0 ? INFINITY : hh / std::abs(d.y);
    return box.center + d * std::min(tx, ty);
}

void setArrowHead(EdgeShape& e) {
    const auto& p = e.path;
    Point dir = p[p.size() - 1] - p[p.size() - 2];
    if (length(dir) < 1e-6) {
        dir = p.back() - p.front();
    }
    dir = normalized(dir);
    Point normal{-dir.y, dir.x};
    Point base = e.end() - dir * kArrowLength;
    e.arrowHead = {e.end(), base + normal * kArrowHalfWidth, base - normal * kArrowHalfWidth};
}

void appendStraight(std::vector<Point>& path, Point to) {
    Point from = path.back();
    path.insert(path.end(), {from + (to - from) * (1.0 / 3), from + (to - from) * (2.0 / 3), to});
}

// A polyline with its inner corners rounded off, as cubic segments.
std::vector<Point> roundedPolyline(const std::vector<Point>& corners) {
    std::vector<Point> path{corners.front()};
    for (std::size_t i = 1; i + 1 < corners.size(); ++i) {
        Point in = corners[i] - corners[i - 1], out = corners[i + 1] - corners[i];
        double r = std::min({kCornerRadius, length(in) / 2, length(out) / 2});
        Point enter = corners[i] - normalized(in) * r, leave = corners[i] + normalized(out) * r;
        appendStraight(path, enter);
        path.insert(path.end(), {enter + (corners[i] - enter) * 0.55,
                                 leave + (corners[i] - leave) * 0.55, leave});
    }
    appendStraight(path, corners.back());
    return path;
}

void routeSelfLoop(EdgeShape& e, const NodeBox& box) {
    double right = box.center.x + box.width / 2;
    e.path = {{right, box.center.y - box.height / 4},
              {right + kLoopReach, box.center.y - box.height},
              {right + kLoopReach, box.center.y + box.height},
              {right + kBoxGap, box.center.y + box.height / 4}};
}

}  // namespace

bool Rect::intersects(const Rect& o) const {
    return left < o.right && o.left < right && top < o.bottom && o.top < bottom;
}

bool Rect::contains(Point p) const {
    return p.x > left && p.x < right && p.y > top && p.y < bottom;
}

Rect boxOf(const NodeBox& n, double margin) {
    return {n.center.x - n.width / 2 - margin, n.center.y - n.height / 2 - margin,
            n.center.x + n.width / 2 + margin, n.center.y + n.height / 2 + margin};
}

Point bezierPoint(const EdgeShape& e, double t) {
    std::size_t n = std::max<std::size_t>(1, e.segments());
    double scaled = std::clamp(t, 0.0, 1.0) * double(n);
    std::size_t i = std::min(n - 1, std::size_t(scaled));
    double s = scaled - double(i), u = 1 - s;
    const Point* p = &e.path[3 * i];
    return p[0] * (u * u * u) + p[1] * (3 * u * u * s) + p[2] * (3 * u * s * s) +
           p[3] * (s * s * s);
}

void routeEdge(EdgeShape& e, const NodeBox& from, const NodeBox& to, double bend) {
    if (from.event == to.event) {
        routeSelfLoop(e, from);
    } else {
        const NodeBox& low = from.event < to.event ? from : to;
        const NodeBox& high = from.event < to.event ? to : from;
        Point axis = normalized(high.center - low.center);
        Point offset = Point{-axis.y, axis.x} * (bend / 0.75);  // a cubic's midpoint moves 3/4
        Point span = to.center - from.center;
        Point c1 = from.center + span * (1.0 / 3) + offset;
        Point c2 = from.center + span * (2.0 / 3) + offset;
        Point start = clipToBox(from, c1 - from.center, 0);
        Point end = clipToBox(to, c2 - to.center, kBoxGap);
        if (bend == 0) {
            e.path = {start};
            appendStraight(e.path, end);  // keeps a straight edge straight after clipping
        } else {
            e.path = {start, c1, c2, end};
        }
    }
    setArrowHead(e);
}

void routeAlongLane(EdgeShape& e, const NodeBox& from, const NodeBox& to, double laneX) {
    auto side = [&](const NodeBox& box, double gap) {
        double dx = laneX >= box.center.x ? 1 : -1;
        return Point{box.center.x + dx * (box.width / 2 + gap), box.center.y};
    };
    e.path = {side(from, 0), {laneX, from.center.y}, {laneX, to.center.y}, side(to, kBoxGap)};
    setArrowHead(e);
}

void routeThroughChannel(EdgeShape& e, const NodeBox& from, const NodeBox& to, double channelY,
                         double laneX) {
    double down = channelY > from.center.y ? 1 : -1;
    double toward = laneX >= to.center.x ? 1 : -1;
    // Leave a quarter of the way towards the lane, clear of po's line down the middle.
    double exitX = from.center.x + (laneX >= from.center.x ? 1 : -1) * from.width / 4;
    e.path = roundedPolyline({{exitX, from.center.y + down * from.height / 2},
                              {exitX, channelY},
                              {laneX, channelY},
                              {laneX, to.center.y},
                              {to.center.x + toward * (to.width / 2 + kBoxGap), to.center.y}});
    setArrowHead(e);
}

bool passesThrough(const EdgeShape& e, const Rect& r) {
    const std::size_t samples = 40 * std::max<std::size_t>(1, e.segments());
    for (std::size_t i = 1; i < samples; ++i) {
        if (r.contains(bezierPoint(e, double(i) / double(samples)))) {
            return true;
        }
    }
    return false;
}

bool crossesOtherBoxes(const EdgeShape& e, const std::vector<NodeBox>& nodes) {
    return std::any_of(nodes.begin(), nodes.end(), [&](const NodeBox& n) {
        return n.event != e.from && n.event != e.to && passesThrough(e, boxOf(n, 3));
    });
}

void placeLabel(EdgeShape& e, std::vector<Rect>& taken, const std::vector<EdgeShape>& edges) {
    static constexpr std::array<double, 13> kSpots{0.5,  0.4,  0.6, 0.3, 0.7,  0.25, 0.75,
                                                   0.35, 0.65, 0.2, 0.8, 0.15, 0.85};
    e.labelWidth = double(e.label().size()) * TextMetrics::labelCharWidth + 6;
    e.labelHeight = TextMetrics::labelFontSize + 4;
    auto rectAt = [&](Point c) {
        return Rect{c.x - e.labelWidth / 2, c.y - e.labelHeight / 2, c.x + e.labelWidth / 2,
                    c.y + e.labelHeight / 2};
    };
    auto coversTaken = [&](const Rect& r) {
        return std::any_of(taken.begin(), taken.end(),
                           [&](const Rect& other) { return r.intersects(other); });
    };
    auto coversOtherEdge = [&](const Rect& r) {
        return std::any_of(edges.begin(), edges.end(), [&](const EdgeShape& other) {
            return &other != &e && !other.path.empty() && passesThrough(other, r);
        });
    };
    // Best: clear of boxes, labels and other edges; next best: clear of boxes and labels.
    std::optional<Point> best, fallback;
    auto tryAt = [&](Point c) {
        Rect r = rectAt(c);
        if (coversTaken(r)) {
            return;
        }
        if (!fallback) {
            fallback = c;
        }
        if (!coversOtherEdge(r)) {
            best = c;
        }
    };
    for (double t : kSpots) {
        tryAt(bezierPoint(e, t));
        if (best) {
            break;
        }
    }
    // Crowded: beside the line rather than on it, touching it.
    for (std::size_t i = 0; !best && i < kSpots.size(); ++i) {
        Point c = bezierPoint(e, kSpots[i]);
        const double dx = e.labelWidth / 2 + 2, dy = e.labelHeight / 2 + 2;
        for (Point d : {Point{-dx, 0}, Point{dx, 0}, Point{-dx, -dy}, Point{dx, -dy},
                        Point{-dx, dy}, Point{dx, dy}}) {
            if (!best) {
                tryAt({c.x + d.x, c.y + d.y});
            }
        }
    }
    e.labelCenter = best ? *best : fallback ? *fallback : bezierPoint(e, 0.5);
    taken.push_back(rectAt(e.labelCenter));
}

}  // namespace memx::render
