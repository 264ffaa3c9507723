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

TEST(RelationStyles, NineRelationsGetNineDashPatternsAndNoTwoLookAlike) {
    // Issue 16: fr and cumul-fence were both dash-dot, told apart by colour only.
    auto styles = render::assignStyles(
        {"po", "rf", "co", "fr", "cumul-fence", "rmb", "hb", "pb", "rb", "ppo", "prop"});
    std::set<render::LineStyle> lines;
    std::set<std::pair<std::string, render::LineStyle>> looks;
    std::set<std::size_t> marks;
    for (std::size_t i = 0; i < styles.size(); ++i) {
        if (i < 9) {
            lines.insert(styles[i].line);
        }
        looks.insert({styles[i].color.hex(), styles[i].line});
        marks.insert(styles[i].mark);
    }
    EXPECT_EQ(lines.size(), 9u);
    EXPECT_EQ(looks.size(), styles.size());
    EXPECT_EQ(marks.size(), styles.size());
}

TEST(RelationStyles, AnAliasBesideItsRelationGetsAStyleOfItsOwn) {
    auto styles = render::assignStyles({"po", "sb", "co", "mo"});
    ASSERT_EQ(styles.size(), 4u);
    EXPECT_NE(styles[1].mark, styles[0].mark);
    EXPECT_NE(styles[1].line, styles[0].line);
    EXPECT_NE(styles[3].line, styles[2].line);
}

TEST(RelationStyles, DuplicatesAndAliasesShareAStyle) {
    auto styles = render::assignStyles({"rf", "rf", "sb", "mo"});
    ASSERT_EQ(styles.size(), 3u);
    EXPECT_EQ(styles[1].color.hex(), "#000000");           // sb is RC11's po
    EXPECT_EQ(styles[2].line, render::LineStyle::Dotted);  // mo is RC11's co
}

}  // namespace
}  // namespace memx::render_test
