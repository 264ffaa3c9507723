#include "render/access_figure.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "litmus/printer.hpp"
#include "render/event_names.hpp"

namespace memx::render {

namespace {

using model::EventIndex;
using model::EventInfo;
using model::Relation;

// ---------- source statements ----------

bool before(const SourcePos& a, const SourcePos& b) {
    return a.line < b.line || (a.line == b.line && a.column < b.column);
}

bool contains(const SourceRange& r, const SourcePos& p) {
    return !before(p, r.begin) && !before(r.end, p);
}

// An expression as the source writes it (`0x0202` stays hex), with runs of white space made
// one space; printed from the AST when the source is not at hand.
class ExprText {
public:
    explicit ExprText(const std::string& source) {
        for (std::size_t at = 0; at <= source.size();) {
            std::size_t end = source.find('\n', at);
            lines_.push_back(source.substr(at, end - at));
            at = end == std::string::npos ? source.size() + 1 : end + 1;
        }
    }

    std::string operator()(const litmus::Expr& e) const {
        const SourceRange& r = e.loc.range;
        if (r.begin.line == 0 || r.end.line >= lines_.size() + 1 || r.end.line < r.begin.line) {
            return litmus::printExpr(e);
        }
        std::string text;
        for (std::uint32_t l = r.begin.line; l <= r.end.line; ++l) {
            const std::string& line = lines_[l - 1];
            std::size_t from = l == r.begin.line ? r.begin.column - 1 : 0;
            std::size_t to =
                l == r.end.line ? std::min<std::size_t>(r.end.column, line.size()) : line.size();
            if (from > to || from > line.size()) {
                return litmus::printExpr(e);
            }
            if (l == r.end.line) {
                // A parenthesised operand's range may end before its `)` (`*(p + 1)`).
                auto open = [&] {
                    const std::string cut = text + line.substr(from, to - from);
                    return std::count(cut.begin(), cut.end(), '(') -
                           std::count(cut.begin(), cut.end(), ')');
                };
                for (std::size_t next = to; open() > 0 && next < line.size(); ++next) {
                    if (line[next] == ')') {
                        to = next + 1;
                    } else if (line[next] != ' ' && line[next] != '\t') {
                        break;
                    }
                }
            }
            text += (text.empty() ? "" : " ") + line.substr(from, to - from);
        }
        std::string out;
        for (char c : text) {
            bool space = c == ' ' || c == '\t' || c == '\r';
            if (!space || (!out.empty() && out.back() != ' ')) {
                out += space ? ' ' : c;
            }
        }
        while (!out.empty() && out.back() == ' ') {
            out.pop_back();
        }
        return out.empty() ? litmus::printExpr(e) : out;
    }

private:
    std::vector<std::string> lines_;
};

// The innermost statement of `s` around `p`, as the source writes it; empty if none.
std::string statementAt(const litmus::Stmt& s, const SourcePos& p, const ExprText& text) {
    if (!contains(s.loc.range, p)) {
        return {};
    }
    return std::visit(
        [&](const auto& n) -> std::string {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, litmus::DeclStmt>) {
                return n.init ? n.name + " = " + text(*n.init) : n.name;
            } else if constexpr (std::is_same_v<T, litmus::AssignStmt>) {
                return text(*n.target) + " = " + text(*n.value);
            } else if constexpr (std::is_same_v<T, litmus::ExprStmt>) {
                return text(*n.expr);
            } else if constexpr (std::is_same_v<T, litmus::IfStmt>) {
                for (const litmus::StmtPtr& branch : {n.then, n.otherwise}) {
                    if (branch) {
                        if (std::string inner = statementAt(*branch, p, text); !inner.empty()) {
                            return inner;
                        }
                    }
                }
                return "if (" + text(*n.cond) + ")";
            } else if constexpr (std::is_same_v<T, litmus::WhileStmt>) {
                for (const litmus::StmtPtr& part : {n.body, n.step}) {
                    if (part) {
                        if (std::string inner = statementAt(*part, p, text); !inner.empty()) {
                            return inner;
                        }
                    }
                }
                // An event of the condition itself (a read in `while (READ_ONCE(*x))`).
                return n.cond ? "while (" + text(*n.cond) + ")" : "for (;;)";
            } else if constexpr (std::is_same_v<T, litmus::JumpStmt>) {
                return {};  // break and continue access nothing
            } else {
                for (const litmus::StmtPtr& inner : n.body) {
                    if (std::string found = statementAt(*inner, p, text); !found.empty()) {
                        return found;
                    }
                }
                return {};
            }
        },
        s.node);
}

// ---------- byte ranges and values ----------

using Ranges = std::vector<std::pair<std::uint32_t, std::uint32_t>>;  // inclusive

Ranges rangesOf(const std::set<std::uint32_t>& offsets) {
    Ranges out;
    for (std::uint32_t o : offsets) {
        if (!out.empty() && out.back().second + 1 == o) {
            out.back().second = o;
        } else {
            out.push_back({o, o});
        }
    }
    return out;
}

std::string rangesText(const Ranges& ranges) {
    std::string s = "[";
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        s += (i ? "," : "") + std::to_string(ranges[i].first);
        if (ranges[i].second != ranges[i].first) {
            s += ".." + std::to_string(ranges[i].second);
        }
    }
    return s + "]";
}

// Byte values in memory order, every one in hex: "01 00*7".
std::string hexBytes(const std::vector<std::int64_t>& values) {
    std::string s;
    for (std::size_t i = 0; i < values.size();) {
        std::size_t j = i;
        while (j < values.size() && values[j] == values[i]) {
            ++j;
        }
        const std::string hex = fmt::format("{:02x}", values[i] & 0xff);
        for (std::size_t k = i; k < (j - i >= 3 ? i + 1 : j); ++k) {
            s += (s.empty() ? "" : " ") + hex + (j - i >= 3 ? "*" + std::to_string(j - i) : "");
        }
        i = j;
    }
    return s;
}

// Byte values as hexBytes writes them, except one byte in decimal and all zeros as "0".
std::string bytesText(const std::vector<std::int64_t>& values) {
    if (values.size() == 1) {
        return std::to_string(values[0]);
    }
    if (std::all_of(values.begin(), values.end(), [](std::int64_t v) { return v == 0; })) {
        return "0";
    }
    return hexBytes(values);
}

// The number 1 to 8 bytes in memory order stand for, in the test's byte order, sign-extended
// when `isSigned`.
std::string numberText(const std::vector<std::int64_t>& bytes, bool bigEndian, bool isSigned) {
    const std::size_t n = bytes.size();
    std::uint64_t v = 0;
    for (std::size_t k = 0; k < n; ++k) {
        v |= std::uint64_t(bytes[k] & 0xff) << (8 * (bigEndian ? n - 1 - k : k));
    }
    if (isSigned && n < 8 && ((v >> (8 * n - 1)) & 1) != 0) {
        v |= ~std::uint64_t(0) << (8 * n);
    }
    return isSigned ? std::to_string(std::int64_t(v)) : std::to_string(v);
}

// Element values as a C initializer with runs of three or more as "v*n": "{1,0,1,0*61}".
std::string elementsText(const std::vector<std::string>& elements) {
    std::string s;
    for (std::size_t i = 0; i < elements.size();) {
        std::size_t j = i;
        while (j < elements.size() && elements[j] == elements[i]) {
            ++j;
        }
        for (std::size_t k = i; k < (j - i >= 3 ? i + 1 : j); ++k) {
            s += (s.empty() ? "" : ",") + elements[i] +
                 (j - i >= 3 ? "*" + std::to_string(j - i) : "");
        }
        i = j;
    }
    return "{" + s + "}";
}

// The value of an access's bytes (offset -> byte) as the program means it: a scalar's or an
// element's number in the test's byte order and signedness (`42`, not `2a 00*3`); an array's
// elements (`{1,0,1,0*61}`, `0` when all are zero); a piece of a scalar of 2, 4 or 8 bytes as
// an unsigned number; other pieces as bytes in memory order. A torn read says so and, where its
// number hides them, gives its bytes too (`65537 torn, bytes 01 00 01 00`).
std::string valueText(const EventInfo& loc, const std::map<std::uint32_t, std::int64_t>& values,
                      bool torn) {
    std::vector<std::int64_t> bytes;
    for (const auto& [offset, v] : values) {
        bytes.push_back(v);
    }
    const std::uint32_t first = values.begin()->first;
    const std::size_t n = bytes.size();
    const bool contiguous = values.rbegin()->first - first + 1 == n;
    const std::uint32_t element = std::max<std::uint32_t>(1, loc.elementSize);
    std::string number;
    bool perByte = n == 1;
    if (contiguous && loc.array && element <= 8 && first % element == 0 && n % element == 0) {
        std::vector<std::string> elements;
        for (std::size_t k = 0; k < n; k += element) {
            elements.push_back(numberText(
                {bytes.begin() + std::ptrdiff_t(k), bytes.begin() + std::ptrdiff_t(k + element)},
                loc.bigEndian, loc.isSigned));
        }
        const bool zero = std::all_of(elements.begin(), elements.end(),
                                      [](const std::string& e) { return e == "0"; });
        number = elements.size() == 1 ? elements[0] : zero ? "0" : elementsText(elements);
        perByte = element == 1;
    } else if (contiguous && (n == 1 || n == 2 || n == 4 || n == 8)) {
        number = numberText(bytes, loc.bigEndian, loc.isSigned && !loc.array && n == element);
    } else {
        number = bytesText(bytes);
        perByte = true;
    }
    if (torn && !perByte) {
        return number + " torn, bytes " + hexBytes(bytes);
    }
    return number + (torn ? " torn" : "");
}

// The word a byte range's label names the access at the edge's other end with, so the label
// reads from the access its bytes are counted in: an rf edge's read takes its bytes "from" the
// write, a co edge's write comes "after" the one it overwrites, an fr edge's read comes
// "before" the write that overwrites its bytes. Empty for other relations.
std::string rangeWord(const std::string& relation, bool otherIsSource) {
    static const std::set<std::string> from{"rf", "rfe", "rfi"};
    static const std::set<std::string> after{"co", "coe", "coi", "mo"};
    static const std::set<std::string> before{"fr", "fre", "fri"};
    if (otherIsSource) {
        return from.count(relation) ? "from" : after.count(relation) ? "after" : "";
    }
    return before.count(relation) ? "before" : "";
}

std::string kindWithTags(const EventInfo& e) {
    std::string s = e.kind;
    if (!e.tags.empty()) {
        s += "[";
        for (std::size_t i = 0; i < e.tags.size(); ++i) {
            s += (i ? "," : "") + e.tags[i];
        }
        s += "]";
    }
    return s;
}

// The bytes an event stands for: its own and those byte classes left out that follow it.
std::vector<std::uint32_t> bytesOf(const EventInfo& e) {
    std::vector<std::uint32_t> out{e.offset};
    for (std::uint32_t k = 0; k < e.moreCount; ++k) {
        out.push_back(e.moreFirst + k);
    }
    return out;
}

// ---------- collapsing byte events into accesses ----------

// One side of an access: its byte events of one kind at one location (a copy has two).
struct Side {
    std::string kind;
    std::string base;
    std::vector<EventIndex> events;
    std::map<std::uint32_t, std::int64_t> values;  // byte offset -> value
    bool torn = false;
    std::uint32_t first() const { return values.empty() ? 0 : values.begin()->first; }
};

struct Access {
    std::vector<EventIndex> events;
    std::vector<Side> sides;
};

class Collapser {
public:
    Collapser(const model::ExecutionGraph& g, const FigureOptions& o) : g_(g), o_(o) {
        const model::EventSet* torn = nullptr;
        if (auto it = g.sets.find("torn"); it != g.sets.end()) {
            torn = &it->second;
        }
        std::map<std::tuple<int, int, std::string>, std::size_t> keys;
        nodeOf_.resize(g.size());
        for (EventIndex i = 0; i < g.size(); ++i) {
            const EventInfo& e = g.events[i];
            // A thread's access is its statement's poIndex; an initial write, its location.
            auto key = e.thread >= 0 ? std::make_tuple(e.thread, e.poIndex, std::string())
                       : e.byteEvent ? std::make_tuple(-1, 0, e.base)
                                     : std::make_tuple(-1, int(i), std::string());
            auto [it, fresh] = keys.try_emplace(key, accesses_.size());
            if (fresh) {
                accesses_.emplace_back();
            }
            nodeOf_[i] = it->second;
            Access& a = accesses_[it->second];
            a.events.push_back(i);
            if (!e.byteEvent) {
                continue;
            }
            auto side = std::find_if(a.sides.begin(), a.sides.end(), [&](const Side& s) {
                return s.kind == e.kind && s.base == e.base;
            });
            if (side == a.sides.end()) {
                a.sides.push_back({e.kind, e.base, {}, {}, false});
                side = std::prev(a.sides.end());
            }
            side->events.push_back(i);
            for (std::uint32_t b : bytesOf(e)) {
                side->values[b] = e.value.value_or(0);
            }
            side->torn = side->torn || (torn && torn->contains(i));
        }
    }

    Figure collapse(const std::vector<DrawnRelation>& relations, const Highlight& highlight) {
        Figure f;
        for (std::size_t n = 0; n < accesses_.size(); ++n) {
            f.graph.events.push_back(describe(accesses_[n]));
        }
        names_ = shortEventNames(f.graph);
        for (std::size_t n = 0; n < accesses_.size(); ++n) {
            const EventInfo& e = f.graph.events[n];
            accessNames_.push_back(e.thread < 0 ? "init"
                                                : "P" + std::to_string(e.thread) + ":" + names_[n]);
        }
        for (const DrawnRelation& r : relations) {
            f.relations.push_back(lift(r));
        }
        for (EventIndex e : highlight.events) {
            addOnce(f.highlight.events, EventIndex(nodeOf_.at(e)));
        }
        f.highlight.eventsNote = highlight.eventsNote;
        for (const WaitingThread& w : highlight.waiting) {
            // A multi-byte read's bytes are one access: one marked box.
            WaitingThread lifted{w.thread, w.line, {}};
            for (EventIndex e : w.lastReads) {
                addOnce(lifted.lastReads, EventIndex(nodeOf_.at(e)));
            }
            f.highlight.waiting.push_back(std::move(lifted));
        }
        for (const HighlightedEdge& h : highlight.cycle) {
            HighlightedEdge lifted{EventIndex(nodeOf_.at(h.from)), EventIndex(nodeOf_.at(h.to)),
                                   h.relation};
            if (lifted.from != lifted.to &&
                std::find(f.highlight.cycle.begin(), f.highlight.cycle.end(), lifted) ==
                    f.highlight.cycle.end()) {
                f.highlight.cycle.push_back(lifted);
            }
        }
        bool torn = false;
        for (std::size_t n = 0; n < accesses_.size(); ++n) {
            for (const Side& s : accesses_[n].sides) {
                if (s.torn) {
                    addOnce(f.highlight.events, EventIndex(n));
                    torn = true;
                }
            }
        }
        if (torn && f.highlight.eventsNote.find("torn") == std::string::npos) {
            f.highlight.eventsNote =
                highlight.events.empty() ? "torn read" : f.highlight.eventsNote + ", torn read";
        }
        return f;
    }

private:
    static void addOnce(std::vector<EventIndex>& v, EventIndex e) {
        if (std::find(v.begin(), v.end(), e) == v.end()) {
            v.push_back(e);
        }
    }

    std::string sideText(const Side& s) const {
        const EventInfo& e = g_.events[s.events.front()];
        std::string where = byteRangeText(e, s.first(), s.values.rbegin()->first);
        return kindWithTags(e) + " " + where + "=" + valueText(e, s.values, s.torn);
    }

    EventInfo describe(const Access& a) const {
        const EventInfo& first = g_.events[a.events.front()];
        EventInfo info = first;
        info.value.reset();
        std::set<std::string> tags;
        for (EventIndex i : a.events) {
            for (const std::string& t : g_.events[i].tags) {
                if (tags.insert(t).second && i != a.events.front()) {
                    info.tags.push_back(t);
                }
            }
        }
        std::vector<std::string> lines;
        const std::string& statement = first.line && a.events.front() < o_.statements.size()
                                           ? o_.statements[a.events.front()]
                                           : empty_;
        if (!statement.empty()) {
            lines.push_back(statement + " L" + std::to_string(first.line));
        }
        for (const Side& s : a.sides) {
            // An initial write reads as `x=0`, without its kind.
            std::string text = sideText(s);
            lines.push_back(first.thread < 0 ? text.substr(text.find(' ') + 1) : text);
        }
        if (a.sides.empty()) {
            lines.push_back(eventLabel(first));
        }
        info.label.clear();
        for (const std::string& l : lines) {
            info.label += (info.label.empty() ? "" : "\n") + l;
        }
        info.location = a.sides.empty() ? first.location : a.sides.front().base;
        return info;
    }

    // The byte offsets, in its own side, that the end of a pair stands for.
    std::set<std::uint32_t> endBytes(EventIndex e) const {
        const Access& a = accesses_[nodeOf_[e]];
        const EventInfo& info = g_.events[e];
        std::uint32_t start = 0;
        for (const Side& s : a.sides) {
            if (s.kind == info.kind && s.base == info.base) {
                start = s.first();
            }
        }
        std::set<std::uint32_t> out;
        for (std::uint32_t b : bytesOf(info)) {
            out.insert(b - start);
        }
        return out;
    }

    std::size_t sideSize(EventIndex e) const {
        const EventInfo& info = g_.events[e];
        for (const Side& s : accesses_[nodeOf_[e]].sides) {
            if (s.kind == info.kind && s.base == info.base) {
                return s.values.size();
            }
        }
        return 0;
    }

    DrawnRelation lift(const DrawnRelation& r) const {
        Relation pairs =
            r.immediateOnly ? r.pairs - r.pairs.compose(r.pairs.transitiveClosure()) : r.pairs;
        const std::size_t n = accesses_.size();
        Relation lifted(n);
        std::map<std::pair<EventIndex, EventIndex>, std::set<std::uint32_t>> bytes;
        std::map<std::pair<EventIndex, EventIndex>, EventIndex> sample;
        std::map<std::pair<EventIndex, EventIndex>, bool> otherIsSource;
        std::set<std::pair<EventIndex, EventIndex>> notPerByte;
        bool anyNotPerByte = false;
        for (auto [a, b] : pairs.pairs()) {
            if (a >= g_.size() || b >= g_.size()) {
                continue;
            }
            const EventIndex A = EventIndex(nodeOf_[a]), B = EventIndex(nodeOf_[b]);
            if (A == B) {
                continue;
            }
            lifted.insert(A, B);
            const EventInfo& ea = g_.events[a];
            const EventInfo& eb = g_.events[b];
            const bool sameByte =
                ea.byteEvent && eb.byteEvent && ea.base == eb.base && ea.offset == eb.offset;
            if (!sameByte) {
                notPerByte.insert({A, B});
                anyNotPerByte = true;
                continue;
            }
            // The read end if there is one (rf's target, fr's source), else the target (co).
            const EventIndex end = ea.kind == "R" && eb.kind != "R" ? a : b;
            auto got = endBytes(end);
            bytes[{A, B}].insert(got.begin(), got.end());
            sample.try_emplace({A, B}, end);
            otherIsSource.try_emplace({A, B}, end == b);
        }
        if (r.immediateOnly && anyNotPerByte) {
            // po between accesses: the order of the statements, reduced again.
            lifted = lifted - lifted.compose(lifted.transitiveClosure());
        }
        DrawnRelation out{r.name, lifted, false, {}};
        for (const auto& [pair, offsets] : bytes) {
            if (notPerByte.count(pair) || !lifted.contains(pair.first, pair.second)) {
                continue;
            }
            if (offsets.size() == sideSize(sample.at(pair))) {
                continue;  // the whole access: no range to say
            }
            // "[1,3..63] from init": the bytes, and the access at the other end in words.
            const bool source = otherIsSource.at(pair);
            const std::string word = rangeWord(r.name, source);
            out.labels[pair] =
                rangesText(rangesOf(offsets)) +
                (word.empty() ? ""
                              : " " + word + " " + accessNames_[source ? pair.first : pair.second]);
        }
        return out;
    }

    const model::ExecutionGraph& g_;
    const FigureOptions& o_;
    std::vector<Access> accesses_;
    std::vector<std::size_t> nodeOf_;
    std::vector<std::string> names_;        // each access's short name ("a")
    std::vector<std::string> accessNames_;  // as range labels name it: "init", "P1:c"
    const std::string empty_;
};

// Labels of a figure that keeps one box per event: the statement above the event's own label.
Figure oneBoxPerEvent(const model::ExecutionGraph& graph,
                      const std::vector<DrawnRelation>& relations, const Highlight& highlight,
                      const FigureOptions& options) {
    Figure f{graph, relations, highlight};
    for (EventIndex i = 0; i < graph.size(); ++i) {
        EventInfo& e = f.graph.events[i];
        std::string label = eventLabel(e);
        if (e.byteEvent && !e.location.empty()) {
            label = kindWithTags(e) + " " + byteRangeText(e, e.offset, e.offset) +
                    (e.value ? "=" + std::to_string(*e.value) : "");
        }
        if (e.line && i < options.statements.size() && !options.statements[i].empty() &&
            !options.bytes) {
            // The line number after the kinds, where the line is shorter.
            label = options.statements[i] + "\n" + label + " L" + std::to_string(e.line);
        }
        e.label = label;
    }
    return f;
}

}  // namespace

bool isTransitiveByDefinition(const std::string& name, const cat::Model* model) {
    static const std::set<std::string> orders{"po", "co", "sb", "mo", "po-loc"};
    if (orders.count(name)) {
        return true;
    }
    if (!model) {
        return false;
    }
    const cat::Expr* value = nullptr;
    for (const cat::Stmt& s : model->statements) {
        if (s.kind != cat::StmtKind::Let && s.kind != cat::StmtKind::LetRec) {
            continue;
        }
        for (const cat::Binding& b : s.bindings) {
            if (!b.pattern.isTuple && b.pattern.names.size() == 1 && b.pattern.names[0] == name) {
                value = b.value.get();  // the last binding wins, as finalSlots says
            }
        }
    }
    return value && value->kind == cat::ExprKind::Plus;
}

std::vector<std::string> sourceStatements(const litmus::Program& program,
                                          const model::ExecutionGraph& graph,
                                          const std::string& source) {
    const ExprText text(source);
    std::vector<std::string> out(graph.size());
    for (EventIndex i = 0; i < graph.size(); ++i) {
        const EventInfo& e = graph.events[i];
        if (e.thread < 0 || e.line == 0) {
            continue;
        }
        const SourcePos p{e.line, e.column};
        for (const litmus::Thread& t : program.threads) {
            if (t.id != e.thread) {
                continue;
            }
            for (const litmus::StmtPtr& s : t.body) {
                if (out[i].empty()) {
                    out[i] = statementAt(*s, p, text);
                }
            }
        }
    }
    return out;
}

std::set<int> externalThreads(const litmus::Program& program) {
    std::set<int> out;
    for (const litmus::Thread& t : program.threads) {
        if (t.external) {
            out.insert(t.id);
        }
    }
    return out;
}

std::string byteRangeText(const model::EventInfo& loc, std::uint32_t first, std::uint32_t last) {
    const std::uint32_t element = std::max<std::uint32_t>(1, loc.elementSize);
    if (first == 0 && last + 1 == loc.locationSize) {
        return loc.base;  // the whole location, array or not
    }
    if (loc.array && first % element == 0 && (last + 1) % element == 0) {
        const std::uint32_t a = first / element, b = last / element;
        return loc.base + "[" + std::to_string(a) + (a == b ? "" : ".." + std::to_string(b)) + "]";
    }
    if (first == last) {
        return loc.base + "+" + std::to_string(first) + (first == 1 ? " byte" : " bytes");
    }
    return loc.base + "+" + std::to_string(first) + ".." + std::to_string(last) + " bytes";
}

Figure figureOf(const model::ExecutionGraph& graph, const std::vector<DrawnRelation>& relations,
                const Highlight& highlight, const FigureOptions& options) {
    const bool byteGranular = std::any_of(graph.events.begin(), graph.events.end(),
                                          [](const EventInfo& e) { return e.byteEvent; });
    if (!byteGranular || options.bytes) {
        return oneBoxPerEvent(graph, relations, highlight, options);
    }
    return Collapser(graph, options).collapse(relations, highlight);
}

}  // namespace memx::render
