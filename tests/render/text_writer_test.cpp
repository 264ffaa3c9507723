// Text figures travel by email: 80 columns, no tabs, no trailing spaces, and a legend.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <vector>

#include "classic_executions.hpp"
#include "render/figure.hpp"

namespace memx::render_test {
namespace {

using render::TextStyle;

std::size_t displayWidth(const std::string& line) {
    std::size_t w = 0;
    for (char c : line) {
        w += (c & 0xC0) != 0x80 ? 1 : 0;
    }
    return w;
}

// Every line's problems, so a failure names the line.
void expectMailSafe(const std::string& text, const std::string& what) {
    std::istringstream in(text);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        EXPECT_LE(displayWidth(line), 80u) << what << " line " << number << ": " << line;
        EXPECT_EQ(line.find('\t'), std::string::npos) << what << " line " << number;
        EXPECT_TRUE(line.empty() || line.back() != ' ') << what << " line " << number;
    }
    EXPECT_FALSE(text.empty());
    EXPECT_EQ(text.back(), '\n') << what;
}

std::string textOf(const ClassicExecution& c, TextStyle style) {
    return render::writeText(render::layoutExecution(c.graph, c.relations, c.highlight, {c.name}),
                             style);
}

TEST(TextWriter, ClassicFiguresAreMailSafeInBothStyles) {
    for (const ClassicExecution& c : classicExecutions()) {
        expectMailSafe(textOf(c, TextStyle::Ascii), c.name + " ascii");
        expectMailSafe(textOf(c, TextStyle::Unicode), c.name + " unicode");
    }
}

TEST(TextWriter, AsciiIsSevenBitAndUnicodeDrawsBoxCharacters) {
    ClassicExecution iriw = classicExecutions()[3];
    std::string ascii = textOf(iriw, TextStyle::Ascii);
    for (char ch : ascii) {
        EXPECT_EQ(static_cast<unsigned char>(ch) & 0x80, 0);
    }
    EXPECT_NE(textOf(iriw, TextStyle::Unicode).find("│"), std::string::npos);
}

TEST(TextWriter, DrawsProgramOrderListsOtherEdgesAndSpellsOutTheCycle) {
    std::string mp = textOf(classicExecutions()[0], TextStyle::Ascii);
    EXPECT_NE(mp.find("v po*"), std::string::npos) << mp;
    EXPECT_NE(mp.find("b->c*"), std::string::npos) << mp;  // rf, in the cycle
    EXPECT_NE(mp.find("d->a*"), std::string::npos) << mp;  // fr, in the cycle
    EXPECT_NE(mp.find("cycle (*): a -po-> b -rf-> c -po-> d -fr-> a"), std::string::npos) << mp;
    EXPECT_NE(mp.find("legend:"), std::string::npos);
    for (const char* rel : {"po (black, solid)", "rf (vermillion, dashed)", "co (blue, dotted)",
                            "fr (bluish green, dash-dot)"}) {
        EXPECT_NE(mp.find(rel), std::string::npos) << rel;
    }
}

TEST(TextWriter, LegendListsOnlyRelationsWithEdges) {
    std::string lb = textOf(classicExecutions()[2], TextStyle::Ascii);  // LB has no fr edge
    EXPECT_NE(lb.find("data (reddish purple, long dash)"), std::string::npos) << lb;
    EXPECT_EQ(lb.find("fr ("), std::string::npos) << lb;
}

TEST(TextWriter, LongLabelsOnFourThreadsAreShortenedAndGivenInFull) {
    ClassicExecution iriw = classicExecutions()[3];
    // Too long even for a column of its own beside three others of 14 (issue 16 gives each
    // column its own width when one width for all would not fit).
    iriw.graph.events[2].label = "R[once,acquire,noreturn,rcu-lock,rcu-unlock,mb] x=1";
    std::string text = textOf(iriw, TextStyle::Ascii);
    expectMailSafe(text, "long IRIW");
    EXPECT_NE(text.find("events shortened above (~):"), std::string::npos) << text;
    EXPECT_NE(text.find("  c: R[once,acquire,noreturn,rcu-lock,rcu-unlock,mb] x=1\n"),
              std::string::npos)
        << text;
    std::string unicode = textOf(iriw, TextStyle::Unicode);
    expectMailSafe(unicode, "long IRIW unicode");
    EXPECT_NE(unicode.find("events shortened above (…):"), std::string::npos) << unicode;
}

TEST(TextWriter, ColumnsTakeTheirOwnWidthWhenOneWidthWouldNotFit) {
    ClassicExecution iriw = classicExecutions()[3];
    iriw.graph.events[2].label = "R[once,acquire,noreturn] x=1";
    std::string text = textOf(iriw, TextStyle::Ascii);
    expectMailSafe(text, "long IRIW");
    EXPECT_EQ(text.find("events shortened above"), std::string::npos) << text;
    EXPECT_NE(text.find("c: R[once,acquire,noreturn] x=1  f: R[once] y=1"), std::string::npos)
        << text;
}

TEST(TextWriter, HighlightedEventsAreMarkedAndExplained) {
    ClassicExecution sb = classicExecutions()[1];
    render::Highlight h;
    h.events = {0};
    h.eventsNote = "data race";
    std::string text =
        render::writeText(render::layoutExecution(sb.graph, sb.relations, h), TextStyle::Ascii);
    EXPECT_NE(text.find("a: W[once] x=1 !"), std::string::npos) << text;
    EXPECT_NE(text.find("!     data race"), std::string::npos) << text;
    EXPECT_EQ(text.find("d: W[once] y=1 !"), std::string::npos) << text;
}

TEST(TextWriter, AThreadThatWaitsForeverIsNamedAndItsLastReadMarked) {
    ClassicExecution blocked = blockedWait();
    render::Layout l =
        render::layoutExecution(blocked.graph, blocked.relations, blocked.highlight, {"t"});
    const render::WaitingThread& waiting = blocked.highlight.waiting.front();
    const std::string read = l.nodes[waiting.lastReads.front()].text();
    for (TextStyle style : {TextStyle::Ascii, TextStyle::Unicode}) {
        std::string text = render::writeText(l, style);
        expectMailSafe(text, "wait-can-block");
        std::istringstream in(text);
        std::vector<std::string> lines;
        for (std::string line; std::getline(in, line);) {
            lines.push_back(line);
        }
        // The column's name says where P0 waits; the next column's name follows it.
        auto header = std::find_if(lines.begin(), lines.end(), [](const std::string& line) {
            return line.rfind("P0 (waits forever at line 22)", 0) == 0;
        });
        ASSERT_NE(header, lines.end()) << text;
        EXPECT_NE(header->find("  P1"), std::string::npos) << text;
        // The wait's last read, and right under its label the line that says it waits.
        auto box = std::find_if(lines.begin(), lines.end(),
                                [&](const std::string& line) { return line.rfind(read, 0) == 0; });
        ASSERT_NE(box, lines.end()) << read << "\n" << text;
        ASSERT_NE(box + 1, lines.end());
        EXPECT_EQ((box + 1)->find("waits here"), l.nodes[waiting.lastReads.front()].name.size() + 2)
            << text;
        EXPECT_EQ(std::count_if(lines.begin(), lines.end(),
                                [](const std::string& line) {
                                    return line.find("waits here") != std::string::npos;
                                }),
                  1)
            << "only the wait's last read is marked\n"
            << text;
        // The legend says what the mark means.
        EXPECT_NE(text.find("\n  waits  a wait's last read, of the final write: reading again"),
                  std::string::npos)
            << text;
    }
}

TEST(TextWriter, FourThreadsWaitingForeverStayWithin80Columns) {
    ClassicExecution blocked = manyBlockedWaits(4);
    render::Layout l = render::layoutExecution(blocked.graph, blocked.relations, blocked.highlight,
                                               {"many-waits"});
    for (TextStyle style : {TextStyle::Ascii, TextStyle::Unicode}) {
        std::string text = render::writeText(l, style);
        expectMailSafe(text, "four waiting threads");
        // Each marked read, and each column's name, is given in full below the grid when its
        // column is too narrow for it.
        for (const render::NodeBox& n : l.nodes) {
            if (n.waits) {
                EXPECT_NE(text.find(n.text()), std::string::npos) << n.text() << "\n" << text;
            }
        }
        for (const render::ColumnHeader& h : l.headers) {
            EXPECT_NE(text.find(h.title), std::string::npos) << h.title << "\n" << text;
        }
    }
}

}  // namespace
}  // namespace memx::render_test
