// Geometry of the shared layout: the grid, and that nothing the reader must see is covered.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "classic_executions.hpp"
#include "render/edge_routing.hpp"
#include "render/layout.hpp"

namespace memx::render_test {
namespace {

render::Layout layoutOf(const ClassicExecution& c) {
    return render::layoutExecution(c.graph, c.relations, c.highlight, {c.name});
}

TEST(Layout, ThreadsAreColumnsAndProgramOrderRunsDown) {
    ClassicExecution mp = classicExecutions()[0];
    render::Layout l = layoutOf(mp);
    ASSERT_EQ(l.nodes.size(), mp.graph.size());
    EXPECT_EQ(l.columns, 2);
    const auto& n = l.nodes;  // a b (P0), c d (P1), then the initial writes
    EXPECT_EQ(n[0].center.x, n[1].center.x);
    EXPECT_EQ(n[2].center.x, n[3].center.x);
    EXPECT_LT(n[0].center.x, n[2].center.x);
    EXPECT_LT(n[0].center.y, n[1].center.y);
    EXPECT_EQ(n[0].center.y, n[2].center.y);  // same program-order position, same row
    EXPECT_EQ(n[0].name, "a");
    EXPECT_EQ(n[3].text(), "d: R[once] x=0");
    ASSERT_EQ(l.headers.size(), 2u);
    EXPECT_EQ(l.headers[1].title, "P1");
}

TEST(Layout, AWaitingThreadsColumnSaysWhereItWaitsAndItsLastReadIsMarked) {
    ClassicExecution blocked = blockedWait();
    blocked.highlight.events = {blocked.highlight.waiting.front().lastReads.front()};
    blocked.highlight.eventsNote = "data-race";  // a flag's accesses are marked as before
    render::Layout l = layoutOf(blocked);
    ASSERT_EQ(l.headers.size(), 2u);
    EXPECT_EQ(l.headers[0].title, "P0 (waits forever at line 22)");
    EXPECT_EQ(l.headers[1].title, "P1");
    std::vector<std::size_t> marked;
    for (const render::NodeBox& n : l.nodes) {
        if (n.waits) {
            marked.push_back(n.event);
            ASSERT_FALSE(n.details.empty());
            EXPECT_EQ(n.details.back(), "waits here");
        }
    }
    EXPECT_EQ(marked, (std::vector<std::size_t>{blocked.highlight.waiting.front().lastReads[0]}));
    EXPECT_TRUE(l.nodes[marked.front()].highlighted);
    EXPECT_FALSE(l.waitsNote.empty());
    EXPECT_EQ(l.notes.back().text, "dashed boxes (waits): " + l.waitsNote);
    // The long name stays clear of the next column's.
    const double nameWidth = double(l.headers[0].title.size()) * render::TextMetrics::nodeCharWidth;
    EXPECT_GT(
        l.headers[1].center.x - l.headers[0].center.x,
        nameWidth / 2 + double(l.headers[1].title.size()) * render::TextMetrics::nodeCharWidth / 2);
}

TEST(Layout, AnExternalThreadThatWaitsSaysBoth) {
    ClassicExecution blocked = blockedWait();
    render::Layout l =
        render::layoutExecution(blocked.graph, blocked.relations, blocked.highlight, {"t", {0}});
    EXPECT_EQ(l.headers[0].title, "P0 (external, waits forever at line 22)");
}

TEST(Layout, InitialWritesSitAboveEveryThreadEvent) {
    for (const ClassicExecution& c : classicExecutions()) {
        render::Layout l = layoutOf(c);
        double lowestInit = 0, highestThread = 1e9;
        for (const auto& n : l.nodes) {
            if (n.thread < 0) {
                lowestInit = std::max(lowestInit, n.center.y);
                EXPECT_LT(n.row, l.initialRows) << c.name;
            } else {
                highestThread = std::min(highestThread, n.center.y);
            }
        }
        EXPECT_LT(lowestInit, highestThread) << c.name;
        // Thread names head their columns, below the initial writes' own band (issue 16).
        for (const auto& h : l.headers) {
            for (const auto& n : l.nodes) {
                if (n.thread >= 0) {
                    EXPECT_LT(h.center.y, n.center.y - n.height / 2) << c.name;
                } else {
                    EXPECT_GT(h.center.y, n.center.y + n.height / 2) << c.name;
                }
            }
        }
    }
}

TEST(Layout, NoBoxOrLabelCoversAnotherAndNoEdgeCrossesABox) {
    for (const ClassicExecution& c : classicExecutions()) {
        render::Layout l = layoutOf(c);
        std::vector<render::Rect> boxes, labels;
        for (const auto& n : l.nodes) {
            boxes.push_back(render::boxOf(n));
        }
        for (const auto& e : l.edges) {
            labels.push_back(
                {e.labelCenter.x - e.labelWidth / 2, e.labelCenter.y - e.labelHeight / 2,
                 e.labelCenter.x + e.labelWidth / 2, e.labelCenter.y + e.labelHeight / 2});
            EXPECT_FALSE(render::crossesOtherBoxes(e, l.nodes))
                << c.name << " " << e.relation << " " << e.from << "->" << e.to;
        }
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            for (std::size_t j = i + 1; j < boxes.size(); ++j) {
                EXPECT_FALSE(boxes[i].intersects(boxes[j])) << c.name << " boxes " << i << j;
            }
            for (std::size_t j = 0; j < labels.size(); ++j) {
                EXPECT_FALSE(boxes[i].intersects(labels[j])) << c.name << " box/label " << i;
            }
        }
        for (std::size_t i = 0; i < labels.size(); ++i) {
            for (std::size_t j = i + 1; j < labels.size(); ++j) {
                EXPECT_FALSE(labels[i].intersects(labels[j]))
                    << c.name << " labels " << l.edges[i].relation << " " << l.edges[j].relation;
            }
        }
    }
}

TEST(Layout, LabelsKeepOffTheOtherEdgesLines) {
    for (const ClassicExecution& c : classicExecutions()) {
        render::Layout l = layoutOf(c);
        for (const auto& e : l.edges) {
            render::Rect label{
                e.labelCenter.x - e.labelWidth / 2, e.labelCenter.y - e.labelHeight / 2,
                e.labelCenter.x + e.labelWidth / 2, e.labelCenter.y + e.labelHeight / 2};
            for (const auto& other : l.edges) {
                if (&other != &e) {
                    EXPECT_FALSE(render::passesThrough(other, label))
                        << c.name << ": the " << e.relation << " label of " << e.from << "->"
                        << e.to << " hides " << other.relation << " " << other.from << "->"
                        << other.to;
                }
            }
        }
    }
}

// Two edges may cross or meet at a box, but never run close and parallel, where one would hide
// the other.
TEST(Layout, NoTwoEdgesRunAlongTheSameLine) {
    struct Sample {
        render::Point at, direction;
    };
    auto samples = [](const render::EdgeShape& e) {
        std::vector<Sample> out;
        constexpr int kCount = 600;
        for (int i = 0; i <= kCount; ++i) {
            render::Point p = render::bezierPoint(e, double(i) / kCount);
            render::Point q = render::bezierPoint(e, std::min(1.0, (i + 1.0) / kCount));
            render::Point o = render::bezierPoint(e, std::max(0.0, (i - 1.0) / kCount));
            double len = std::hypot(q.x - o.x, q.y - o.y);
            out.push_back({p, {(q.x - o.x) / len, (q.y - o.y) / len}});
        }
        return out;
    };
    for (const ClassicExecution& c : classicExecutions()) {
        render::Layout l = layoutOf(c);
        for (const auto& e : l.edges) {
            render::Rect nearFrom = render::boxOf(l.nodes[e.from], 14);
            render::Rect nearTo = render::boxOf(l.nodes[e.to], 14);
            auto mine = samples(e);
            for (const auto& other : l.edges) {
                if (&other == &e) {
                    continue;
                }
                auto theirs = samples(other);
                double shared = 0;
                for (std::size_t i = 1; i < mine.size(); ++i) {
                    const Sample& s = mine[i];
                    if (nearFrom.contains(s.at) || nearTo.contains(s.at)) {
                        continue;  // edges meeting at a box may touch there
                    }
                    bool along = std::any_of(theirs.begin(), theirs.end(), [&](const Sample& t) {
                        double sine =
                            std::abs(s.direction.x * t.direction.y - s.direction.y * t.direction.x);
                        return std::hypot(s.at.x - t.at.x, s.at.y - t.at.y) < 4 && sine < 0.26;
                    });
                    if (along) {
                        shared += std::hypot(s.at.x - mine[i - 1].at.x, s.at.y - mine[i - 1].at.y);
                    }
                }
                EXPECT_LT(shared, 12)
                    << c.name << ": " << e.relation << " " << e.from << "->" << e.to
                    << " runs along " << other.relation << " " << other.from << "->" << other.to;
            }
        }
    }
}

TEST(Layout, EdgesRunFromBoxToBoxInsideTheFigure) {
    for (const ClassicExecution& c : classicExecutions()) {
        render::Layout l = layoutOf(c);
        for (const auto& e : l.edges) {
            EXPECT_TRUE(render::boxOf(l.nodes[e.from], 3).contains(e.start())) << c.name;
            EXPECT_TRUE(render::boxOf(l.nodes[e.to], 3).contains(e.arrowHead[0])) << c.name;
            for (double t = 0; t <= 1; t += 0.05) {
                render::Point p = render::bezierPoint(e, t);
                EXPECT_TRUE(p.x > 0 && p.x < l.width && p.y > 0 && p.y < l.height) << c.name;
            }
        }
    }
}

TEST(Layout, EdgesBetweenTheSamePairTakeDifferentPaths) {
    ClassicExecution mp = classicExecutions()[0];
    std::vector<render::DrawnRelation> rels = mp.relations;
    rels.push_back({"hb", mp.graph.relations.at("rf"), false});  // b->c again
    model::Relation back(mp.graph.size());
    back.insert(2, 1);  // c->b, the opposite direction
    rels.push_back({"prop", back, false});
    render::Layout l = render::layoutExecution(mp.graph, rels, {});
    std::vector<render::Point> middles;
    for (const auto& e : l.edges) {
        if (std::min(e.from, e.to) == 1 && std::max(e.from, e.to) == 2) {
            middles.push_back(render::bezierPoint(e, 0.5));
        }
    }
    ASSERT_EQ(middles.size(), 3u);
    EXPECT_NE(middles[0], middles[1]);
    EXPECT_NE(middles[1], middles[2]);
    EXPECT_NE(middles[0], middles[2]);
}

TEST(Layout, HighlightsReachTheLayoutAndBadCycleEdgesAreDropped) {
    ClassicExecution sb = classicExecutions()[1];
    render::Highlight h;
    h.events = {0, 3};
    h.eventsNote = "data race";
    h.cycle = {{0, 99, "po"}};
    render::Layout l = render::layoutExecution(sb.graph, sb.relations, h);
    EXPECT_TRUE(l.nodes[0].highlighted);
    EXPECT_TRUE(l.nodes[3].highlighted);
    EXPECT_FALSE(l.nodes[1].highlighted);
    EXPECT_TRUE(l.cycle.empty());
    EXPECT_EQ(l.eventsNote, "data race");
    ASSERT_EQ(l.notes.size(), 1u);
    EXPECT_EQ(l.notes[0].text, "thick boxes: data race");
}

TEST(Layout, CycleEdgesAreDrawnLastAndThickInEveryExecution) {
    for (const ClassicExecution& c : classicExecutions()) {
        render::Layout l = layoutOf(c);
        std::size_t firstCycle = l.edges.size();
        std::size_t cycleEdges = 0;
        for (std::size_t i = 0; i < l.edges.size(); ++i) {
            if (l.edges[i].inCycle) {
                firstCycle = std::min(firstCycle, i);
                ++cycleEdges;
            } else {
                EXPECT_LT(i, firstCycle) << c.name;
            }
        }
        EXPECT_EQ(cycleEdges, c.highlight.cycle.size()) << c.name;
    }
}

}  // namespace
}  // namespace memx::render_test
