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
    const char* arrow[5];  // one per LineStyle, all 4 columns wide
};

const Glyphs kAscii{"|", "v", "-", "~", "!", "-", "->", {"--->", "- ->", "...>", "-.->", "~~~>"}};
const Glyphs kUnicode{"│", "▼", "─", "…", "◆", "─", "→", {"───▶", "╌╌╌▶", "┈┈┈▶", "─·─▶", "╍╍╍▶"}};

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
        std::size_t cap = (kMaxWidth - kColumnGap * (columns - 1)) / columns;
        cell_ = kMinCell;
        for (const NodeBox& n : l.nodes) {
            cell_ = std::max(cell_, width(cellText(n)));
        }
        cell_ = std::min(cell_, std::max(cap, kMinCell));
        grid_.assign(l.rows, std::vector<const NodeBox*>(columns, nullptr));
        for (const NodeBox& n : l.nodes) {
            grid_[n.row][n.column] = &n;
        }
    }

    std::string write() {
        if (!l_.title.empty()) {
            b_.line(l_.title);
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
        return n.text() + (n.highlighted ? std::string(" ") + g_.marked : "");
    }

    std::string fit(const std::string& s) {
        if (width(s) <= cell_) {
            return s + std::string(cell_ - width(s), ' ');
        }
        return prefix(s, cell_ - 1) + g_.shortened;
    }

    void writeCells(const std::vector<std::string>& cells) {
        std::string s;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            s += (c ? std::string(kColumnGap, ' ') : "") + fit(cells[c]);
        }
        b_.line(s);
    }

    void writeHeaders() {
        std::vector<std::string> titles(grid_.empty() ? 1 : grid_[0].size());
        for (std::size_t c = 0; c < l_.headers.size(); ++c) {
            titles[c] = l_.headers[c].title;
        }
        writeCells(titles);
        writeCells(std::vector<std::string>(titles.size(), repeat(g_.rule, cell_)));
    }

    void writeRow(int r) {
        std::vector<std::string> cells;
        for (const NodeBox* n : grid_[r]) {
            cells.push_back(n ? cellText(*n) : "");
            if (n && width(cellText(*n)) > cell_) {
                shortened_.push_back(n);
            }
        }
        writeCells(cells);
    }

    // Edges from row r to row r + 1 in the same column are drawn; the rest wait for the lists.
    void writeGap(int r) {
        std::vector<std::string> stems, heads;
        for (const NodeBox* top : grid_[r]) {
            const NodeBox* below = top ? grid_[r + 1][top->column] : nullptr;
            std::string names;
            for (const EdgeShape& e : l_.edges) {
                if (below && e.from == top->event && e.to == below->event) {
                    names += (names.empty() ? "" : ",") + e.relation + (e.inCycle ? "*" : "");
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
        if (shortened_.empty()) {
            return;
        }
        b_.line("");
        b_.line(std::string("events shortened above (") + g_.shortened + "):");
        for (const NodeBox* n : shortened_) {
            b_.line("  " + cellText(*n));
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
                                    (e.inCycle ? "*" : ""));
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
                               "  " + g_.arrow[int(st.line)] + "  ";
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
            b_.line("  " + std::string(g_.arrow[int(s.line)]) + "  " + s.relation + " (" +
                    s.colorName + ", " + lineStyleName(s.line) + ")");
        }
        if (!l_.eventsNote.empty()) {
            b_.line("  " + std::string(g_.marked) + "     " + l_.eventsNote);
        }
    }

    const Layout& l_;
    const Glyphs& g_;
    std::size_t cell_ = 0;
    std::vector<std::vector<const NodeBox*>> grid_;
    std::vector<const NodeBox*> shortened_;
    std::set<const EdgeShape*> drawn_;
    TextBuilder b_;
};

}  // namespace

std::string writeText(const Layout& layout, TextStyle style) {
    return TextFigure(layout, style == TextStyle::Ascii ? kAscii : kUnicode).write();
}

}  // namespace memx::render
