// The execution graph of a candidate follows herd's conventions for base sets and relations.
#include <gtest/gtest.h>

#include "solver/candidate_enumerator.hpp"
#include "solver/execution_graph_builder.hpp"
#include "tests/engine/hand_built_events.hpp"

namespace memx::solver {
namespace {

using model::SymOp;
using testing::HandBuiltEvents;

// MP-like: T0 writes x then fences then writes y; T1 reads y then x, branch on y.
struct Fixture {
    HandBuiltEvents b;
    std::uint32_t x, y, wx, f, wy, ry, rx;
    Fixture() {
        x = b.location("x");
        y = b.location("y");
        wx = b.write(0, 0, x, b.constant(1), 1, {"W", "ONCE"});
        f = b.fence(0, 1, {"F", "MB"});
        wy = b.write(0, 2, y, b.constant(1), 1, {"W", "RELEASE"});
        ry = b.read(1, 0, y, 1, {"R", "ACQUIRE"});
        rx = b.read(1, 1, x, b.op(SymOp::Ne, {b.valueOf(ry), 0}), {"R", "ONCE"});
        b.es.ctrl.push_back({ry, rx});
    }
    // The candidate where T1 reads y=1 from T0 and x from T0.
    BuiltGraph reading(std::int64_t yValue) {
        BuiltGraph result;
        bool found = false;
        enumerateCandidates(b.es, {true, true}, [&](const Candidate& c) {
            if (c.values[ry] == yValue && (!c.executed[rx] || c.values[rx] == 1)) {
                result = buildExecutionGraph(b.es, c);
                found = true;
            }
            return true;
        });
        EXPECT_TRUE(found);
        return result;
    }
};

TEST(ExecutionGraphBuilder, OnlyExecutedEventsInitialWritesFirst) {
    Fixture fx;
    auto g = fx.reading(0);  // rx does not run
    ASSERT_EQ(g.graph.size(), 6u);
    EXPECT_EQ(g.symEvent, (std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5}));
    EXPECT_EQ(g.graph.events[0].thread, -1);
    EXPECT_EQ(g.graph.events[0].location, "x");
}

TEST(ExecutionGraphBuilder, BaseSetsIncludeTagsAndDerivedSets) {
    Fixture fx;
    auto built = fx.reading(1);
    const auto& g = built.graph;
    ASSERT_EQ(g.size(), 7u);
    EXPECT_EQ(g.sets.at("IW").elements(), (std::vector<model::EventIndex>{0, 1}));
    EXPECT_EQ(g.sets.at("FW").elements(), (std::vector<model::EventIndex>{2, 4}));
    EXPECT_EQ(g.sets.at("M").count(), 6u);  // all but the fence
    EXPECT_EQ(g.sets.at("R").elements(), (std::vector<model::EventIndex>{5, 6}));
    EXPECT_EQ(g.sets.at("W").elements(), (std::vector<model::EventIndex>{0, 1, 2, 4}));
    EXPECT_EQ(g.sets.at("F").elements(), (std::vector<model::EventIndex>{3}));
    EXPECT_EQ(g.sets.at("MB").elements(), (std::vector<model::EventIndex>{3}));
    EXPECT_EQ(g.sets.at("ONCE").elements(), (std::vector<model::EventIndex>{2, 6}));
    EXPECT_EQ(g.sets.at("ACQUIRE").elements(), (std::vector<model::EventIndex>{5}));
}

TEST(ExecutionGraphBuilder, RelationsFollowHerdConventions) {
    Fixture fx;
    auto built = fx.reading(1);
    const auto& r = built.graph.relations;
    // Graph indices: 0 init x, 1 init y, 2 Wx, 3 F, 4 Wy, 5 Ry, 6 Rx.
    ASSERT_EQ(built.graph.size(), 7u);
    EXPECT_TRUE(r.at("po").contains(2, 4));
    EXPECT_TRUE(r.at("po").contains(5, 6));
    EXPECT_FALSE(r.at("po").contains(0, 2));  // initial writes have no po
    EXPECT_TRUE(r.at("rf").contains(4, 5));
    EXPECT_TRUE(r.at("rf").contains(2, 6));
    EXPECT_TRUE(r.at("ctrl").contains(5, 6));
    EXPECT_TRUE(r.at("loc").contains(0, 6));
    EXPECT_TRUE(r.at("loc").contains(2, 2));   // loc is reflexive on memory events
    EXPECT_FALSE(r.at("loc").contains(3, 3));  // fences have no location
    EXPECT_TRUE(r.at("int").contains(2, 3));
    EXPECT_TRUE(r.at("int").contains(2, 2));
    EXPECT_FALSE(r.at("int").contains(0, 0));  // herd: initial writes are in no thread
    EXPECT_FALSE(r.at("ext").contains(0, 1));  // ... yet never external to each other
    EXPECT_TRUE(r.at("ext").contains(0, 2));
    EXPECT_TRUE(r.at("ext").contains(2, 5));
    EXPECT_EQ(r.at("id").count(), 7u);
}

TEST(ExecutionGraphBuilder, EventInfoCarriesValuesAndLabels) {
    Fixture fx;
    auto built = fx.reading(1);
    const auto& e = built.graph.events[5];
    EXPECT_EQ(e.thread, 1);
    EXPECT_EQ(e.kind, "R");
    EXPECT_EQ(e.location, "y");
    EXPECT_EQ(e.value, 1);
    EXPECT_EQ(e.label, "R[ACQUIRE] y=1");
}

TEST(ExecutionGraphBuilder, LocationNames) {
    model::LocationTable t;
    t.locations.push_back({"x", model::LocationTable::addressOf(0), 4, 0});
    t.locations.push_back({"buf", model::LocationTable::addressOf(1), 16, 0});
    EXPECT_EQ(locationName(t, model::LocationTable::addressOf(0)), "x");
    EXPECT_EQ(locationName(t, model::LocationTable::addressOf(1) + 8), "buf+8");
    EXPECT_EQ(locationName(t, 5), "");
}

TEST(ExecutionGraphBuilder, ByteGranularLocationNamesReadAsTheLanguageWritesThem) {
    model::LocationTable t;
    t.byteGranular = true;
    auto at = [](std::size_t index) { return model::LocationTable::addressOf(index); };
    t.locations.push_back({"x", at(0), 8, 0, 8});     // u64 x
    t.locations.push_back({"buf", at(1), 16, 0, 1});  // u8 buf[16]
    t.locations.push_back({"v", at(2), 16, 0, 4});    // u32 v[4]
    t.locations.push_back({"c", at(3), 1, 0, 1});     // u8 c
    EXPECT_EQ(locationName(t, at(0)), "x+0 bytes");   // not the whole of x
    EXPECT_EQ(locationName(t, at(0) + 1), "x+1 byte");
    EXPECT_EQ(locationName(t, at(0) + 4), "x+4 bytes");
    EXPECT_EQ(locationName(t, at(1)), "buf[0]");
    EXPECT_EQ(locationName(t, at(1) + 5), "buf[5]");
    EXPECT_EQ(locationName(t, at(2) + 5), "v+5 bytes");  // never v+5: element 5
    EXPECT_EQ(locationName(t, at(3)), "c");
}

}  // namespace
}  // namespace memx::solver
