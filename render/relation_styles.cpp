#include "render/relation_styles.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace memx::render {

namespace {

struct PaletteColor {
    const char* name;
    Color color;
};

// Okabe & Ito, "Color Universal Design" (2008).
constexpr PaletteColor kBlack{"black", {0x00, 0x00, 0x00}};
constexpr PaletteColor kVermillion{"vermillion", {0xD5, 0x5E, 0x00}};
constexpr PaletteColor kBlue{"blue", {0x00, 0x72, 0xB2}};
constexpr PaletteColor kBluishGreen{"bluish green", {0x00, 0x9E, 0x73}};
// Yellow is last: it is the faintest on white.
constexpr std::array<PaletteColor, 4> kOtherColors{{{"reddish purple", {0xCC, 0x79, 0xA7}},
                                                    {"sky blue", {0x56, 0xB4, 0xE9}},
                                                    {"orange", {0xE6, 0x9F, 0x00}},
                                                    {"yellow", {0xF0, 0xE4, 0x42}}}};
// None of po's, rf's, co's or fr's patterns, so no other relation looks like those in grey.
constexpr std::array<LineStyle, 5> kOtherLines{LineStyle::LongDash, LineStyle::DashDotDot,
                                               LineStyle::LongDashDot, LineStyle::SparseDot,
                                               LineStyle::DenseDash};

// RC11 spells po as sb and co as mo; they get the same styles so figures compare across models
// (the second of such a pair in one figure takes a style of its own, so no two look alike).
bool fixedStyle(const std::string& name, RelationStyle& style,
                const std::vector<RelationStyle>& taken) {
    auto set = [&](const PaletteColor& c, LineStyle line, std::size_t mark) {
        if (std::any_of(taken.begin(), taken.end(),
                        [&](const RelationStyle& t) { return t.mark == mark; })) {
            return false;
        }
        style.color = c.color;
        style.colorName = c.name;
        style.line = line;
        style.mark = mark;
        return true;
    };
    if (name == "po" || name == "sb") {
        return set(kBlack, LineStyle::Solid, 0);
    }
    if (name == "rf") {
        return set(kVermillion, LineStyle::Dashed, 1);
    }
    if (name == "co" || name == "mo") {
        return set(kBlue, LineStyle::Dotted, 2);
    }
    if (name == "fr") {
        return set(kBluishGreen, LineStyle::DashDot, 3);
    }
    return false;
}

constexpr std::size_t kFixedMarks = 4;

}  // namespace

std::string Color::hex() const {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02X%02X%02X", r, g, b);
    return buf;
}

const char* lineStyleName(LineStyle style) {
    switch (style) {
        case LineStyle::Solid:
            return "solid";
        case LineStyle::Dashed:
            return "dashed";
        case LineStyle::Dotted:
            return "dotted";
        case LineStyle::DashDot:
            return "dash-dot";
        case LineStyle::LongDash:
            return "long dash";
        case LineStyle::DashDotDot:
            return "dash-dot-dot";
        case LineStyle::LongDashDot:
            return "long dash-dot";
        case LineStyle::SparseDot:
            return "sparse dots";
        case LineStyle::DenseDash:
            return "short dash";
    }
    return "solid";
}

std::vector<RelationStyle> assignStyles(const std::vector<std::string>& relationNames) {
    std::vector<RelationStyle> styles;
    std::size_t nextOther = 0;
    for (const std::string& name : relationNames) {
        bool seen = std::any_of(styles.begin(), styles.end(),
                                [&](const RelationStyle& s) { return s.relation == name; });
        if (seen) {
            continue;
        }
        RelationStyle style;
        style.relation = name;
        if (!fixedStyle(name, style, styles)) {
            // Colour and dash pattern cycle with coprime periods (4 and 5), so the first 20
            // other relations all differ in their pair.
            const PaletteColor& c = kOtherColors[nextOther % kOtherColors.size()];
            style.color = c.color;
            style.colorName = c.name;
            style.line = kOtherLines[nextOther % kOtherLines.size()];
            style.mark = kFixedMarks + nextOther;
            ++nextOther;
        }
        styles.push_back(style);
    }
    return styles;
}

}  // namespace memx::render
