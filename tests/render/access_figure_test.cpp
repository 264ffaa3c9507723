// Figures of byte-granular executions drawn by access (issue 16), on a hand-built execution:
// P0 reads a u32 x with READ_ONCE and takes bytes 0-1 from P1's u16 WRITE_ONCE and bytes 2-3
// from the initial value, then copies 64 bytes of buf (two kept bytes standing for all 64).
#include <gtest/gtest.h>

#include <set>

#include "litmus/parser.hpp"
#include "render/access_figure.hpp"
#include "render/figure.hpp"

namespace memx::render_test {
namespace {

using model::EventInfo;
using model::ExecutionGraph;
using model::Relation;

EventInfo byteEvent(int thread, int po, const char* kind, const char* base, std::uint32_t offset,
                    std::int64_t value, std::uint32_t size, std::uint32_t element) {
    EventInfo e;
    e.thread = thread;
    e.poIndex = po;
    e.kind = kind;
    e.location = base;
    e.value = value;
    e.byteEvent = true;
    e.base = base;
    e.offset = offset;
    e.locationSize = size;
    e.elementSize = element;
    e.array = size > element;
    e.line = thread >= 0 ? 10 + po : 0;
    if (thread >= 0) {
        e.tags = {"ONCE"};
    }
    return e;
}

struct Example {
    ExecutionGraph graph;
    std::vector<render::DrawnRelation> relations;
    std::vector<std::string> statements;
};

Example example() {
    Example x;
    auto& ev = x.graph.events;
    for (std::uint32_t b = 0; b < 4; ++b) {
        ev.push_back(byteEvent(-1, 0, "W", "x", b, 0, 4, 4));  // 0-3: init x
    }
    ev.push_back(byteEvent(-1, 0, "W", "buf", 0, 0, 64, 1));  // 4, 5: init buf
    ev.push_back(byteEvent(-1, 0, "W", "buf", 1, 0, 64, 1));
    ev[4].moreFirst = 2;  // byte 0 stands for bytes 2..63 too
    ev[4].moreCount = 62;
    for (std::uint32_t b = 0; b < 4; ++b) {  // 6-9: P0's READ_ONCE of x
        ev.push_back(byteEvent(0, 0, "R", "x", b, b < 2 ? 1 : 0, 4, 4));
    }
    ev.push_back(byteEvent(0, 1, "R", "buf", 0, 0, 64, 1));  // 10, 11: memcpy's read side
    ev.push_back(byteEvent(0, 1, "R", "buf", 1, 0, 64, 1));
    ev[10].moreFirst = 2;
    ev[10].moreCount = 62;
    for (std::uint32_t b = 0; b < 2; ++b) {  // 12, 13: P1's WRITE_ONCE of the low half
        ev.push_back(byteEvent(1, 0, "W", "x", b, 1, 4, 4));
    }
    const std::size_t n = ev.size();
    Relation po(n), rf(n), co(n), fr(n);
    for (model::EventIndex a = 6; a < 10; ++a) {
        po.insert(a, 10);
        po.insert(a, 11);
    }
    rf.insert(12, 6);
    rf.insert(13, 7);
    rf.insert(2, 8);
    rf.insert(3, 9);
    rf.insert(4, 10);
    rf.insert(5, 11);
    co.insert(0, 12);
    co.insert(1, 13);
    fr.insert(8, 12);  // between different bytes (as a derived relation may relate them)
    x.relations = {{"po", po, true}, {"rf", rf}, {"co", co, true}, {"fr", fr}};
    x.statements.assign(n, "");
    for (model::EventIndex a = 6; a < 10; ++a) {
        x.statements[a] = "r0 = READ_ONCE(*x)";
    }
    x.statements[10] = x.statements[11] = "memcpy(out, buf, 64)";
    x.statements[12] = x.statements[13] = "WRITE_ONCE(*lo, 0x0101)";
    x.graph.sets["torn"] = model::EventSet(n);
    for (model::EventIndex a = 6; a < 10; ++a) {
        x.graph.sets["torn"].insert(a);
    }
    return x;
}

render::Figure figureOf(const Example& x, bool bytes = false) {
    render::FigureOptions o;
    o.bytes = bytes;
    o.statements = x.statements;
    return render::figureOf(x.graph, x.relations, {}, o);
}

const render::DrawnRelation& relation(const render::Figure& f, const std::string& name) {
    for (const auto& r : f.relations) {
        if (r.name == name) {
            return r;
        }
    }
    throw std::runtime_error("no relation " + name);
}

TEST(AccessFigure, OneBoxPerAccessLabelledWithItsStatementKindsBytesAndValues) {
    render::Figure f = figureOf(example());
    ASSERT_EQ(f.graph.size(), 5u);  // init x, init buf, READ_ONCE, memcpy, WRITE_ONCE
    EXPECT_EQ(f.graph.events[0].label, "x=0");
    EXPECT_EQ(f.graph.events[1].label, "buf=0");
    EXPECT_EQ(f.graph.events[2].label,
              "r0 = READ_ONCE(*x) L10\nR[ONCE] x=257 torn, bytes 01 01 00 00");
    EXPECT_EQ(f.graph.events[3].label, "memcpy(out, buf, 64) L11\nR[ONCE] buf=0");
    EXPECT_EQ(f.graph.events[4].label, "WRITE_ONCE(*lo, 0x0101) L10\nW[ONCE] x+0..1 bytes=257");
}

TEST(AccessFigure, PerByteFactsBecomeOneEdgePerPairOfAccessesWithMergedRanges) {
    render::Figure f = figureOf(example());
    const auto& rf = relation(f, "rf");
    EXPECT_EQ(rf.pairs.count(), 3u);
    // Accesses are named a (READ_ONCE), b (memcpy), c (P1's write), then the initial values.
    EXPECT_EQ(rf.labels.at({4, 2}), "[0..1] from P1:c");
    EXPECT_EQ(rf.labels.at({0, 2}), "[2..3] from init");
    EXPECT_TRUE(rf.pairs.contains(1, 3));  // all 64 bytes of the copy: no range to say
    EXPECT_EQ(rf.labels.count({1, 3}), 0u);
    const auto& co = relation(f, "co");
    EXPECT_TRUE(co.pairs.contains(0, 4));
    EXPECT_EQ(co.labels.count({0, 4}), 0u);  // the whole of the write's bytes
    // A pair between different bytes says nothing about bytes: the edge, without a range.
    EXPECT_TRUE(relation(f, "fr").pairs.contains(2, 4));
    EXPECT_TRUE(relation(f, "fr").labels.empty());
}

TEST(AccessFigure, RangesOfCoAndFrSayWhichWriteComesAfterTheOther) {
    Example x = example();
    for (std::uint32_t b = 0; b < 4; ++b) {  // 14-17: P2 writes the whole of x
        x.graph.events.push_back(byteEvent(2, 0, "W", "x", b, 2, 4, 4));
    }
    x.statements.resize(x.graph.size());
    const std::size_t n = x.graph.size();
    model::Relation co(n), fr(n);
    co.insert(12, 14);  // P2's write comes after P1's in bytes 0..1
    co.insert(13, 15);
    fr.insert(6, 12);  // the READ_ONCE's bytes 0..1, as if read before P1's write
    fr.insert(7, 13);
    x.relations = {{"co", co}, {"fr", fr}, {"hb", fr}};
    render::Figure f = figureOf(x);
    // Accesses: a (READ_ONCE), b (memcpy), c (P1's write), d (P2's), initial values.
    EXPECT_EQ(relation(f, "co").labels.at({4, 5}), "[0..1] after P1:c");
    EXPECT_EQ(relation(f, "fr").labels.at({2, 4}), "[0..1] before P1:c");
    EXPECT_EQ(relation(f, "hb").labels.at({2, 4}), "[0..1]");  // no words for other relations
}

// One location's initial value, of the given bytes in memory order, drawn by access.
std::string initialValueLabel(std::vector<std::int64_t> bytes, std::uint32_t element, bool isSigned,
                              bool bigEndian) {
    ExecutionGraph g;
    const auto size = std::uint32_t(bytes.size());
    for (std::uint32_t b = 0; b < size; ++b) {
        EventInfo e = byteEvent(-1, 0, "W", "x", b, bytes[b], size, element);
        e.isSigned = isSigned;
        e.bigEndian = bigEndian;
        g.events.push_back(e);
    }
    return render::figureOf(g, {}, {}, {}).graph.events.at(0).label;
}

TEST(AccessFigure, ValuesReadAsTheProgramMeansThem) {
    EXPECT_EQ(initialValueLabel({0x2a, 0, 0, 0}, 4, true, false), "x=42");
    EXPECT_EQ(initialValueLabel({0, 0, 0, 0x2a}, 4, true, true), "x=42");    // --endian big
    EXPECT_EQ(initialValueLabel({0xfe, 0xff}, 2, true, false), "x=-2");      // s16
    EXPECT_EQ(initialValueLabel({0xfe, 0xff}, 2, false, false), "x=65534");  // u16
    EXPECT_EQ(initialValueLabel({0xff}, 1, true, false), "x=-1");            // s8
    EXPECT_EQ(initialValueLabel({1, 0, 1, 1, 1, 1}, 1, false, false), "x={1,0,1*4}");    // u8[6]
    EXPECT_EQ(initialValueLabel({1, 0, 0, 0, 2, 0, 0, 0}, 4, false, false), "x={1,2}");  // u32[2]
    EXPECT_EQ(initialValueLabel({0, 0, 0, 0}, 1, false, false), "x=0");
    EXPECT_EQ(initialValueLabel({1, 2, 3}, 3, false, false), "x=01 02 03");  // no number
}

TEST(AccessFigure, PoIsTheOrderOfTheStatements) {
    render::Figure f = figureOf(example());
    const auto& po = relation(f, "po");
    EXPECT_EQ(po.pairs.count(), 1u);
    EXPECT_TRUE(po.pairs.contains(2, 3));
    EXPECT_FALSE(po.immediateOnly);  // reduced already, between accesses
}

TEST(AccessFigure, TornReadsAreHighlighted) {
    render::Figure f = figureOf(example());
    EXPECT_EQ(f.highlight.events, std::vector<model::EventIndex>{2});
    EXPECT_EQ(f.highlight.eventsNote, "torn read");
}

TEST(AccessFigure, BytesKeepsOneBoxPerByteEventNamedAsTheLanguageDoes) {
    Example x = example();
    render::Figure f = figureOf(x, true);
    ASSERT_EQ(f.graph.size(), x.graph.size());
    EXPECT_EQ(f.graph.events[5].label, "W buf[1]=0");
    EXPECT_EQ(f.graph.events[7].label, "R[ONCE] x+1 byte=1");
    EXPECT_EQ(f.graph.events[8].label, "R[ONCE] x+2 bytes=0");
}

TEST(AccessFigure, WordSizedTestsKeepTheirBoxesWithStatementAndLine) {
    ExecutionGraph g;
    EventInfo r;
    r.thread = 0;
    r.kind = "R";
    r.tags = {"ONCE"};
    r.location = "seq";
    r.value = 0;
    r.line = 7;
    g.events.push_back(r);
    render::FigureOptions o;
    o.statements = {"s0 = READ_ONCE(*seq)"};
    render::Figure f = render::figureOf(g, {}, {}, o);
    ASSERT_EQ(f.graph.size(), 1u);
    EXPECT_EQ(f.graph.events[0].label, "s0 = READ_ONCE(*seq)\nR[ONCE] seq=0 L7");
    render::Layout l = render::layoutExecution(f.graph, f.relations, f.highlight);
    EXPECT_EQ(l.nodes[0].label, "s0 = READ_ONCE(*seq)");
    EXPECT_EQ(l.nodes[0].details, std::vector<std::string>{"R[ONCE] seq=0 L7"});
}

TEST(AccessFigure, ByteRangesReadAsTheLanguageWritesThem) {
    EventInfo u8array = byteEvent(0, 0, "R", "buf", 0, 0, 64, 1);
    EXPECT_EQ(render::byteRangeText(u8array, 0, 63), "buf");
    EXPECT_EQ(render::byteRangeText(u8array, 5, 5), "buf[5]");
    EXPECT_EQ(render::byteRangeText(u8array, 4, 7), "buf[4..7]");
    EventInfo u32array = byteEvent(0, 0, "R", "v", 0, 0, 16, 4);
    EXPECT_EQ(render::byteRangeText(u32array, 4, 7), "v[1]");
    EXPECT_EQ(render::byteRangeText(u32array, 5, 5), "v+5 bytes");  // never v+5: element 5
    EventInfo u64 = byteEvent(0, 0, "R", "x", 0, 0, 8, 8);
    EXPECT_EQ(render::byteRangeText(u64, 4, 7), "x+4..7 bytes");
    EXPECT_EQ(render::byteRangeText(u64, 1, 1), "x+1 byte");
}

TEST(AccessFigure, FourThreadsOfStatementsFitIn80ColumnsWithoutShortening) {
    ExecutionGraph g;
    std::vector<std::string> statements;
    for (int t = 0; t < 4; ++t) {
        for (int k = 0; k < 2; ++k) {
            EventInfo e;
            e.thread = t;
            e.poIndex = k;
            e.kind = t % 2 ? "R" : "W";
            e.tags = {"ONCE"};
            e.location = k ? "q" : "p";
            e.value = 1;
            e.line = 20 + 10 * t + k;
            g.events.push_back(e);
            statements.push_back(t % 2 ? (k ? "r1 = READ_ONCE(*q)" : "r0 = READ_ONCE(*p)")
                                       : (k ? "WRITE_ONCE(*q, 1)" : "WRITE_ONCE(*p, 1)"));
        }
    }
    render::FigureOptions o;
    o.statements = statements;
    render::Figure f = render::figureOf(g, {}, {}, o);
    std::string text = render::writeText(render::layoutExecution(f.graph, f.relations, f.highlight),
                                         render::TextStyle::Ascii);
    EXPECT_EQ(text.find("events shortened"), std::string::npos) << text;
    EXPECT_NE(text.find("c: r0=READ_ONCE(*p) "), std::string::npos) << text;
    for (std::size_t at = 0, end; (end = text.find('\n', at)) != std::string::npos; at = end + 1) {
        EXPECT_LE(end - at, 80u) << text.substr(at, end - at);
    }
}

TEST(AccessFigure, InitialWritesSortByLocationThenNumericOffset) {
    ExecutionGraph g;
    for (std::uint32_t b : {10u, 2u, 1u}) {
        g.events.push_back(byteEvent(-1, 0, "W", "kbuf", b, 0, 16, 1));
    }
    g.events.push_back(byteEvent(0, 0, "R", "kbuf", 0, 0, 16, 1));
    render::Layout l = render::layoutExecution(g, {}, {});
    // One thread, so one initial write per row: kbuf[1], kbuf[2], kbuf[10].
    EXPECT_EQ(l.nodes[2].row, 0);
    EXPECT_EQ(l.nodes[1].row, 1);
    EXPECT_EQ(l.nodes[0].row, 2);
}

TEST(AccessFigure, ExternalThreadsAreNamedSoAndLabelsBetweenNeighboursHaveRoom) {
    ExecutionGraph g;
    for (int t = 0; t < 2; ++t) {
        g.events.push_back(byteEvent(t, 0, t ? "W" : "R", "x", 0, 1, 1, 1));
    }
    Relation rf(2);
    rf.insert(1, 0);
    std::vector<render::DrawnRelation> drawn{{"rf", rf, false, {{{1, 0}, "[0..3] from P1:b"}}}};
    render::LayoutOptions o;
    o.externalThreads = {1};
    render::Layout l = render::layoutExecution(g, drawn, {}, o);
    ASSERT_EQ(l.headers.size(), 2u);
    EXPECT_EQ(l.headers[0].title, "P0");
    EXPECT_EQ(l.headers[1].title, "P1 (external)");
    ASSERT_EQ(l.edges.size(), 1u);
    const render::EdgeShape& e = l.edges[0];
    EXPECT_EQ(e.label(), "rf [0..3] from P1:b");
    // The label sits between the two boxes, clear of both.
    EXPECT_GE(e.labelCenter.x - e.labelWidth / 2, l.nodes[0].center.x + l.nodes[0].width / 2);
    EXPECT_LE(e.labelCenter.x + e.labelWidth / 2, l.nodes[1].center.x - l.nodes[1].width / 2);
}

TEST(AccessFigure, StatementsKeepTheirClosingParentheses) {
    const std::string source =
        "C t\n{\nu16 x = 0;\n}\nP0(u16 *x)\n{\n\tu8 *p = (u8 *)x;\n\t*(p + 1) = 0x05;\n}\n"
        "exists (x=0)\n";
    DiagnosticSink sink;
    auto program = litmus::parseLitmus(source, "t.litmus", sink);
    ASSERT_TRUE(program) << (sink.diagnostics().empty() ? "" : sink.diagnostics()[0].message);
    ExecutionGraph g;
    EventInfo w = byteEvent(0, 0, "W", "x", 1, 5, 2, 2);
    w.line = 8;
    w.column = 2;
    g.events.push_back(w);
    EXPECT_EQ(render::sourceStatements(*program, g, source)[0], "*(p + 1) = 0x05");
}

TEST(AccessFigure, OrdersByDefinitionAreReduced) {
    for (const char* name : {"po", "co", "sb", "mo", "po-loc"}) {
        EXPECT_TRUE(render::isTransitiveByDefinition(name, nullptr)) << name;
    }
    EXPECT_FALSE(render::isTransitiveByDefinition("hb", nullptr));
}

TEST(AccessFigure, EveryRelationHasItsOwnArrowInTheTextLegend) {
    ExecutionGraph g;
    for (int i = 0; i < 12; ++i) {
        EventInfo e;
        e.thread = i % 2;
        e.poIndex = i / 2;
        e.kind = "W";
        e.location = "x";
        g.events.push_back(e);
    }
    std::vector<render::DrawnRelation> drawn;
    for (const char* name : {"po", "rf", "co", "fr", "cumul-fence", "hb", "pb", "rb", "ppo", "prop",
                             "rcu-link", "sb", "mo"}) {
        Relation r(g.size());
        r.insert(0, 1);
        drawn.push_back({name, r});
    }
    std::string text =
        render::writeText(render::layoutExecution(g, drawn, {}), render::TextStyle::Ascii);
    std::string legend = text.substr(text.find("legend:"));
    std::set<std::string> arrows;
    std::size_t lines = 0;
    for (std::size_t at = legend.find('\n') + 1; at < legend.size();) {
        std::size_t end = legend.find('\n', at);
        arrows.insert(legend.substr(at + 2, 4));
        ++lines;
        at = end + 1;
    }
    EXPECT_EQ(lines, drawn.size()) << legend;
    EXPECT_EQ(arrows.size(), drawn.size()) << legend;  // fr and cumul-fence no longer share -.->
}

}  // namespace
}  // namespace memx::render_test
