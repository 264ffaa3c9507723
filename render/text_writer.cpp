// Text figures for email and commit messages. Threads are columns and program order runs down
// them, as in the drawn figures; edges between vertically adjacent events of one thread are
// drawn, every other edge is listed under the grid by relation. Lines never exceed 80 columns
// for up to 4 threads, and never carry tabs or trailing spaces (mail clients mangle both).
#include <algorithm>
#include <map>
#include <set>

#include "render/figure.hpp"

namespace memx::render {

namespace {

constexpr std::size_t kMaxWidth = 80;
constexpr std::size_t kColumnGap = 2;
constexpr std::size_t kMinCell = 12;

struct Glyphs {
    const char* down;       // the vertical stroke of a drawn edge
    const char* downHead;   // its arrowhead
    const char* rule;       // underline of the thread headers
    const char* shortened;  // marks a label cut to fit its column
    const char* marked;     // marks a highlighted event
    const char* cycleTo;    // "-" in "a -po-> b"
    const char* cycleHead;
    // One per RelationStyle::mark, all 4 columns wide and all different: po, rf, co, fr, then
    // the other relations in order.
    std::vector<const char*> arrows;
};

const Glyphs kAscii{
    "|", "v", "-", "~", "!", "-", "->", {"--->", "- ->", "...>", "-.->", "~~~>", "===>",
                                         "-..>", "=.=>", ":::>", "+++>", "-~->", "=-=>",
                                         "-:->", "~.~>", "-+->", ".-.>", "=~=>", ":-:>",
                                         "-=->", "+-+>", "~-~>", ".:.>", "=:=>", "-*->"}};
const Glyphs kUnicode{
    "│", "▼", "─", "…", "◆", "─", "→", {"───▶", "╌╌╌▶", "┈┈┈▶", "─·─▶", "╍╍╍▶", "═══▶",
                                        "─··▶", "═·═▶", "┄┄┄▶", "┅┅┅▶", "─~─▶", "═─═▶",
                                        "─:─▶", "~·~▶", "─+─▶", "·─·▶", "═~═▶", ":─:▶",
                                        "─═─▶", "+─+▶", "~─~▶", "·:·▶", "═:═▶", "─*─▶"}};

// The arrow of style mark m: from the table, else numbered ("-25>"), so never two alike.
std::string arrowFor(const Glyphs& g, std::size_t mark) {
    if (mark < g.arrows.size()) {
        return g.arrows[mark];
    }
    std::string n = std::to_string(mark + 1);
    return "-" + n + std::string(n.size() < 2 ? 2 - n.size() : 0, '-') + ">";
}

// Display width: one column per code point (every glyph above is narrow).
std::size_t width(const std::string& s) {
    return std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; });
}

// The first n code points of s.
std::string prefix(const std::string& s, std::size_t n) {
    std::size_t points = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((s[i] & 0xC0) != 0x80 && points++ == n) {
            return s.substr(0, i);
        }
    }
    return s;
}

// The words of `s`, split at spaces, for TextBuilder::wrapped.
std::vector<std::string> words(const std::string& s) {
    std::vector<std::string> out;
    for (std::size_t at = 0; at < s.size();) {
        std::size_t space = s.find(' ', at);
        out.push_back(s.substr(at, space - at));
        at = space == std::string::npos ? s.size() : space + 1;
    }
    return out;
}

std::string repeat(const char* s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out += s;
    }
    return out;
}

class TextBuilder {
public:
    void line(std::string s) {
        s.erase(s.find_last_not_of(' ') + 1);
        out_ += s + "\n";
    }
    // Words separated by `sep`, wrapped at kMaxWidth with continuation lines indented to `lead`.
    void wrapped(const std::string& lead, const std::vector<std::string>& words,
                 const std::string& sep) {
        std::string current = lead;
        bool first = true;
        for (const std::string& w : words) {
            std::string piece = first ? w : sep + w;
            if (!first && width(current) + width(piece) > kMaxWidth) {
                line(current + sep);
                current = std::string(width(lead), ' ') + w;
            } else {
                current += piece;
            }
            first = false;
        }
        line(current);
    }
    std::string str() const { return out_; }

private:
    std::string out_;
};

class TextFigure {
public:
    TextFigure(const Layout& l, const Glyphs& g) : l_(l), g_(g) {
        std::size_t columns = std::max<std::size_t>(1, l.columns);
        // One width for every column when that fits in 80. Else, in turn: each column as wide
        // as its own boxes; the boxes' text without the spaces after commas and around '='
        // (`r0=READ_ONCE(*p)`), and one space between columns rather than two, if that makes
        // it fit; else the widest columns shortened until the line fits. Then a column whose
        // name is longer ("P0 (waits forever at line 22)") widens as far as the line has room.
        auto wantedWidths = [&] {
            std::vector<std::size_t> wanted(columns, kMinCell);
            for (const NodeBox& n : l.nodes) {
                std::size_t& w = wanted[std::size_t(n.column) % columns];
                w = std::max(w, width(cellText(n)));
                for (const std::string& d : n.details) {
                    w = std::max(w, width(detailText(n, d)));
                }
            }
            return wanted;
        };
        auto sum = [](const std::vector<std::size_t>& v) {
            std::size_t total = 0;
            for (std::size_t w : v) {
                total += w;
            }
            return total;
        };
        std::vector<std::size_t> wanted = wantedWidths();
        const std::size_t widest = *std::max_element(wanted.begin(), wanted.end());
        if (widest * columns + kColumnGap * (columns - 1) <= kMaxWidth) {
            cells_.assign(columns, widest);
        } else {
            if (sum(wanted) + kColumnGap * (columns - 1) > kMaxWidth) {
                // Squeezed only if that spares shortening altogether.
                squeeze_ = true;
                std::vector<std::size_t> tight = wantedWidths();
                if (sum(tight) + kColumnGap * (columns - 1) <= kMaxWidth) {
                    wanted = tight;
                } else if (sum(tight) + (columns - 1) <= kMaxWidth) {
                    wanted = tight;
                    gap_ = 1;
                } else {
                    squeeze_ = false;
                }
            }
            cells_ = wanted;
            std::size_t total = sum(cells_);
            const std::size_t room = kMaxWidth - gap_ * (columns - 1);
            while (total > room) {
                auto most = std::max_element(cells_.begin(), cells_.end());
                if (*most <= kMinCell) {
                    break;
                }
                --*most;
                --total;
            }
        }
        std::size_t used = sum(cells_) + gap_ * (columns - 1);
        for (std::size_t c = 0; c < l.headers.size() && c < columns; ++c) {
            const std::size_t name = width(l.headers[c].title);
            const std::size_t wider = std::min(name > cells_[c] ? name - cells_[c] : 0,
                                               used < kMaxWidth ? kMaxWidth - used : 0);
            cells_[c] += wider;
            used += wider;
        }
        grid_.assign(l.rows, std::vector<const NodeBox*>(columns, nullptr));
        for (const NodeBox& n : l.nodes) {
            grid_[n.row][n.column] = &n;
        }
    }

    std::string write() {
        if (!l_.title.empty()) {
            b_.wrapped("", words(l_.title), " ");
            b_.line("");
        }
        for (int r = 0; r < l_.rows; ++r) {
            if (r == l_.initialRows) {
                writeHeaders();
            }
            writeRow(r);
            if (r + 1 < l_.rows && r >= l_.initialRows) {
                writeGap(r);
            } else if (r + 1 == l_.initialRows) {
                b_.line("");
            }
        }
        writeShortened();
        writeEdgeLists();
        writeCycle();
        writeLegend();
        return b_.str();
    }

private:
    std::string cellText(const NodeBox& n) const {
        return n.name + ": " + squeezed(n.label) +
               (n.highlighted ? std::string(" ") + g_.marked : "");
    }
    // A further line of a box, under its label (after "a: ").
    std::string detailText(const NodeBox& n, const std::string& d) const {
        return std::string(width(n.name) + 2, ' ') + squeezed(d);
    }
    // Without the spaces after commas and around '=' when the columns are tight.
    std::string squeezed(const std::string& s) const {
        if (!squeeze_) {
            return s;
        }
        std::string out;
        for (std::size_t i = 0; i < s.size(); ++i) {
            const bool afterTight = !out.empty() && (out.back() == ',' || out.back() == '=');
            const bool beforeEquals = i + 1 < s.size() && s[i + 1] == '=';
            if (s[i] == ' ' && (afterTight || beforeEquals)) {
                continue;
            }
            out += s[i];
        }
        return out;
    }

    std::string fit(const std::string& s, std::size_t cell) {
        if (width(s) <= cell) {
            return s + std::string(cell - width(s), ' ');
        }
        return prefix(s, cell - 1) + g_.shortened;
    }

    void writeCells(const std::vector<std::string>& cells) {
        std::string s;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            s += (c ? std::string(gap_, ' ') : "") + fit(cells[c], cells_[c]);
        }
        b_.line(s);
    }

    void writeHeaders() {
        std::vector<std::string> titles(grid_.empty() ? 1 : grid_[0].size());
        for (std::size_t c = 0; c < l_.headers.size(); ++c) {
            titles[c] = l_.headers[c].title;
            if (c < cells_.size() && width(titles[c]) > cells_[c]) {
                shortenedTitles_.push_back(titles[c]);
            }
        }
        writeCells(titles);
        std::vector<std::string> rules;
        for (std::size_t w : cells_) {
            rules.push_back(repeat(g_.rule, w));
        }
        writeCells(rules);
    }

    void writeRow(int r) {
        std::vector<std::string> cells;
        std::size_t lines = 1;
        for (const NodeBox* n : grid_[r]) {
            cells.push_back(n ? cellText(*n) : "");
            const std::size_t cell = cells_[cells.size() - 1];
            bool cut = n && width(cellText(*n)) > cell;
            for (std::size_t k = 0; n && k < n->details.size(); ++k) {
                cut = cut || width(detailText(*n, n->details[k])) > cell;
            }
            if (cut) {
                shortened_.push_back(n);
            }
            lines = std::max(lines, n ? 1 + n->details.size() : 1);
        }
        writeCells(cells);
        for (std::size_t k = 0; k + 1 < lines; ++k) {
            std::vector<std::string> more;
            for (const NodeBox* n : grid_[r]) {
                more.push_back(n && k < n->details.size() ? detailText(*n, n->details[k]) : "");
            }
            writeCells(more);
        }
    }

    // Edges from row r to row r + 1 in the same column are drawn; the rest wait for the lists.
    void writeGap(int r) {
        std::vector<std::string> stems, heads;
        for (const NodeBox* top : grid_[r]) {
            const NodeBox* below = top ? grid_[r + 1][top->column] : nullptr;
            std::string names;
            for (const EdgeShape& e : l_.edges) {
                if (below && e.from == top->event && e.to == below->event) {
                    names += (names.empty() ? "" : ",") + e.label() + (e.inCycle ? "*" : "");
                    drawn_.insert(&e);
                }
            }
            stems.push_back(names.empty() ? "" : g_.down);
            heads.push_back(names.empty() ? "" : std::string(g_.downHead) + " " + names);
        }
        writeCells(stems);
        writeCells(heads);
    }

    void writeShortened() {
        if (!shortenedTitles_.empty()) {
            b_.line("");
            b_.line(std::string("columns shortened above (") + g_.shortened + "):");
            for (const std::string& title : shortenedTitles_) {
                b_.line("  " + title);
            }
        }
        if (shortened_.empty()) {
            return;
        }
        b_.line("");
        b_.line(std::string("events shortened above (") + g_.shortened + "):");
        squeeze_ = false;  // in full
        for (const NodeBox* n : shortened_) {
            b_.line("  " + cellText(*n));
            for (const std::string& d : n->details) {
                b_.line("  " + detailText(*n, d));
            }
        }
    }

    void writeEdgeLists() {
        std::size_t nameWidth = 0;
        for (const RelationStyle& s : l_.styles) {
            nameWidth = std::max(nameWidth, width(s.relation));
        }
        bool any = false;
        for (std::size_t s = 0; s < l_.styles.size(); ++s) {
            std::vector<std::string> items;
            for (const EdgeShape& e : l_.edges) {
                if (e.style == s && !drawn_.count(&e)) {
                    items.push_back(l_.nodes[e.from].name + "->" + l_.nodes[e.to].name +
                                    (e.inCycle ? "*" : "") +
                                    (e.extra.empty() ? "" : " " + e.extra));
                }
            }
            if (items.empty()) {
                continue;
            }
            if (!any) {
                b_.line("");
            }
            any = true;
            const RelationStyle& st = l_.styles[s];
            std::string lead = st.relation + std::string(nameWidth - width(st.relation), ' ') +
                               "  " + arrowFor(g_, st.mark) + "  ";
            b_.wrapped(lead, items, ", ");
        }
    }

    void writeCycle() {
        if (l_.cycle.empty()) {
            return;
        }
        std::vector<std::string> steps{l_.nodes[l_.cycle.front().from].name};
        for (const HighlightedEdge& h : l_.cycle) {
            steps.push_back(std::string(g_.cycleTo) + h.relation + g_.cycleHead + " " +
                            l_.nodes[h.to].name);
        }
        b_.line("");
        b_.wrapped("cycle (*): ", steps, " ");
    }

    void writeLegend() {
        b_.line("");
        b_.line("legend:");
        for (const LegendEntry& entry : l_.legend) {
            const RelationStyle& s = l_.styles[entry.style];
            b_.line("  " + arrowFor(g_, s.mark) + "  " + s.relation + " (" + s.colorName + ", " +
                    lineStyleName(s.line) + ")");
        }
        if (!l_.eventsNote.empty()) {
            b_.line("  " + std::string(g_.marked) + "     " + l_.eventsNote);
        }
        if (!l_.waitsNote.empty()) {
            b_.wrapped("  waits  ", words(l_.waitsNote), " ");
        }
    }

    const Layout& l_;
    const Glyphs& g_;
    std::vector<std::size_t> cells_;  // width of each column
    std::size_t gap_ = kColumnGap;    // spaces between two columns
    bool squeeze_ = false;            // see squeezed()
    std::vector<std::vector<const NodeBox*>> grid_;
    std::vector<const NodeBox*> shortened_;
    std::vector<std::string> shortenedTitles_;  // column names cut to fit, in full
    std::set<const EdgeShape*> drawn_;
    TextBuilder b_;
};

}  // namespace

std::string writeText(const Layout& layout, TextStyle style) {
    return TextFigure(layout, style == TextStyle::Ascii ? kAscii : kUnicode).write();
}

}  // namespace memx::render
