#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "render/relation_styles.hpp"

namespace memx::render_test {
namespace {

TEST(RelationStyles, BaseRelationsKeepTheirStylesWhateverTheOrder) {
    auto a = render::assignStyles({"po", "rf", "co", "fr"});
    auto b = render::assignStyles({"hb", "fr", "co", "rf", "po"});
    for (const auto& s : a) {
        auto match = std::find_if(b.begin(), b.end(),
                                  [&](const auto& t) { return t.relation == s.relation; });
        ASSERT_NE(match, b.end());
        EXPECT_EQ(match->color, s.color) << s.relation;
        EXPECT_EQ(match->line, s.line) << s.relation;
    }
    EXPECT_EQ(a[0].color.hex(), "#000000");  // po: black
    EXPECT_EQ(a[1].color.hex(), "#D55E00");  // rf: vermillion
}

TEST(RelationStyles, EightRelationsGetDistinctColoursAndDistinctDashes) {
    auto styles = render::assignStyles({"po", "rf", "co", "fr", "ppo", "hb", "pb", "rb"});
    ASSERT_EQ(styles.size(), 8u);
    std::set<std::string> colours;
    for (const auto& s : styles) {
        colours.insert(s.color.hex());
    }
    EXPECT_EQ(colours.size(), 8u);  // the whole Okabe-Ito palette
    // The four base relations differ by dash pattern too, so grey prints still read.
    std::set<render::LineStyle> baseLines;
    for (std::size_t i = 0; i < 4; ++i) {
        baseLines.insert(styles[i].line);
    }
    EXPECT_EQ(baseLines.size(), 4u);
}

TEST(RelationStyles, DuplicatesAndAliasesShareAStyle) {
    auto styles = render::assignStyles({"rf", "rf", "sb", "mo"});
    ASSERT_EQ(styles.size(), 3u);
    EXPECT_EQ(styles[1].color.hex(), "#000000");           // sb is RC11's po
    EXPECT_EQ(styles[2].line, render::LineStyle::Dotted);  // mo is RC11's co
}

}  // namespace
}  // namespace memx::render_test
