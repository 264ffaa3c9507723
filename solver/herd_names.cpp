#include "solver/herd_names.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

namespace memx::solver {

namespace {

// herd/partition.ml's union-find, step for step: union by rank, the first argument's root
// kept on a tie, paths compressed by each find. What herd reads out of it afterwards is each
// variable's *parent*, which is not always the root (as_solution).
class HerdPartition {
public:
    void add(std::uint32_t x) { cells_.try_emplace(x, Cell{x, 0}); }

    void unite(std::uint32_t a, std::uint32_t b) {
        const std::uint32_t ra = find(a);
        const std::uint32_t rb = find(b);
        Cell& ca = cells_.at(ra);
        Cell& cb = cells_.at(rb);
        if (ca.rank > cb.rank) {
            cb.parent = ra;
        } else if (cb.rank > ca.rank) {
            ca.parent = rb;
        } else if (ra != rb) {
            cb.parent = ra;
            ++ca.rank;
        }
    }

    // The variable herd substitutes for x after this round: its parent, or x itself.
    std::uint32_t substitute(std::uint32_t x) const {
        auto it = cells_.find(x);
        return it == cells_.end() ? x : it->second.parent;
    }

private:
    struct Cell {
        std::uint32_t parent;
        int rank;
    };
    std::uint32_t find(std::uint32_t x) {
        Cell& c = cells_.at(x);
        if (c.parent == x) {
            return x;
        }
        const std::uint32_t root = find(c.parent);
        cells_.at(x).parent = root;
        return root;
    }
    std::unordered_map<std::uint32_t, Cell> cells_;
};

// `x := y` between two variables: the only equations that merge variables.
struct Copy {
    std::uint32_t lhs;
    std::uint32_t rhs;
};

HerdPartition solveRound(const std::vector<Copy>& copies) {
    HerdPartition p;
    for (const Copy& c : copies) {
        p.add(c.lhs);
        p.add(c.rhs);
    }
    for (const Copy& c : copies) {
        p.unite(c.lhs, c.rhs);
    }
    return p;
}

// herd's normalisation rewrites the equations with the parents; those whose two sides still
// differ (a parent that is no longer a root) stay for the next round.
std::vector<Copy> remaining(const std::vector<Copy>& copies, const HerdPartition& p) {
    std::vector<Copy> out;
    for (const Copy& c : copies) {
        const std::uint32_t l = p.substitute(c.lhs);
        const std::uint32_t r = p.substitute(c.rhs);
        if (l != r) {
            out.push_back({l, r});
        }
    }
    return out;
}

// herd's numbers along one candidate's path. herd runs a thread's code as its monad composes it
// (herd/eventsMonad.ml): at a fork, the condition, then every structure of the `then` side,
// then those of the `else` side; after a statement, the rest of its list once per structure of
// the statement, in the order of herd's list of structures, which each composition reverses
// (`>>>` and `>>>>` add to the front). The event builder walked each statement once
// (EventStructure::herdCode), so a variable's number in herd is its number in that walk moved
// by what the earlier copies made.
class HerdNumbering {
public:
    HerdNumbering(const model::EventStructure& es, const Candidate& candidate,
                  const HerdTruth& truth)
        : es_(es),
          candidate_(candidate),
          truth_(truth),
          sizes_(es.herdCode.size()),
          visited_(es.herdCode.size()) {
        std::uint32_t last = 0;
        for (const auto& node : es.herdCode) {
            last = std::max(last, node.last);
        }
        toHerd_.assign(last + 1, 0);
        dropped_.assign(last + 1, false);
    }

    // Places every thread; false where herd's numbers cannot be had (a side not known, or
    // more copies than a 32-bit count).
    bool placeThreads() {
        std::uint64_t base = 0;
        for (std::uint32_t root : es_.herdThreadCode) {
            if (!place(root, base)) {
                return false;
            }
            base += sizeOf(root).variables;
            if (base > kLimit) {
                return false;
            }
        }
        return true;
    }

    bool visited(std::uint32_t node) const { return node < visited_.size() && visited_[node]; }
    // herd's number for the walk's variable v on this path (0: not on it).
    std::uint32_t herdNumber(std::uint32_t v) const { return v < toHerd_.size() ? toHerd_[v] : 0; }
    // The walk made v for the alternative of a fork that this path does not take.
    bool dropped(std::uint32_t v) const { return v < dropped_.size() && dropped_[v]; }

private:
    static constexpr std::uint64_t kLimit = 1u << 30;
    struct Size {
        std::uint64_t variables = 0;
        std::uint64_t structures = 1;
    };

    Size sizeOf(std::uint32_t n) {
        if (sizes_[n]) {
            return *sizes_[n];
        }
        using Kind = model::EventStructure::HerdCodeNode::Kind;
        const auto& node = es_.herdCode[n];
        Size out;
        if (node.kind == Kind::Plain) {
            out.variables = node.last - node.first;
        } else if (node.kind == Kind::If) {
            const Size then = sizeOf(node.children.at(0));
            const Size otherwise = node.children.size() > 1 ? sizeOf(node.children[1]) : Size{};
            const std::uint64_t condition = node.conditionLast - node.first;
            if (node.decided >= 0) {  // no fork: herd runs the one side
                out = node.decided != 0 ? then : otherwise;
                out.variables += condition;
            } else {
                out.variables = condition + then.variables + otherwise.variables;
                out.structures = then.structures + otherwise.structures;
            }
        } else if (node.kind == Kind::Alt) {
            out.variables = (node.last - node.first) + secondSize(node);
            out.structures = 2;
        } else {
            out = suffixOf(n, 0);
        }
        out.variables = std::min(out.variables, kLimit + 1);
        out.structures = std::min(out.structures, kLimit + 1);
        sizes_[n] = out;
        return out;
    }

    // The statements i.. of a list, as herd composes them: the first, then the rest.
    Size suffixOf(std::uint32_t list, std::size_t i) {
        const auto& children = es_.herdCode[list].children;
        if (i == children.size()) {
            return {};
        }
        const Size head = sizeOf(children[i]);
        const Size rest = suffixOf(list, i + 1);
        return {std::min(head.variables + head.structures * rest.variables, kLimit + 1),
                std::min(head.structures * rest.structures, kLimit + 1)};
    }

    // The variables an Alt node's second alternative makes.
    static std::uint64_t secondSize(const model::EventStructure::HerdCodeNode& node) {
        std::uint64_t n = node.secondExtra;
        for (const auto& [from, to] : node.secondKeeps) {
            n += to - from;
        }
        return n;
    }

    void number(std::uint32_t from, std::uint32_t to, std::uint64_t base) {
        for (std::uint32_t v = from + 1; v <= to; ++v) {
            toHerd_[v] = static_cast<std::uint32_t>(base + (v - from));
        }
    }

    // Numbers node n's variables on the path from herd's number `base`, and gives the index,
    // in herd's list of n's structures, of the one the path takes.
    std::optional<std::uint64_t> place(std::uint32_t n, std::uint64_t base) {
        using Kind = model::EventStructure::HerdCodeNode::Kind;
        const auto& node = es_.herdCode[n];
        visited_[n] = true;
        if (sizeOf(n).variables > kLimit || sizeOf(n).structures > kLimit) {
            return std::nullopt;
        }
        if (node.kind == Kind::Plain) {
            number(node.first, node.last, base);
            return 0;
        }
        if (node.kind == Kind::List) {
            return placeSuffix(n, 0, base);
        }
        if (node.kind == Kind::Alt) {
            return placeAlt(node, base);
        }
        number(node.first, node.conditionLast, base);
        if (node.decided >= 0) {
            // herd ran this side alone (choiceT on a constant), and `>>>>` reverses its list.
            if (node.decided == 0 && node.children.size() < 2) {
                return 0;
            }
            const std::uint32_t only = node.children[node.decided != 0 ? 0 : 1];
            auto k = place(only, base + (node.conditionLast - node.first));
            if (!k) {
                return std::nullopt;
            }
            return sizeOf(only).structures - 1 - *k;
        }
        const auto side = truth_(node.taken);
        if (!side) {
            return std::nullopt;
        }
        const Size then = sizeOf(node.children.at(0));
        const Size otherwise = node.children.size() > 1 ? sizeOf(node.children[1]) : Size{};
        const std::uint64_t sideBase = base + (node.conditionLast - node.first);
        std::uint64_t position = 0;
        if (*side != 0) {
            auto k = place(node.children[0], sideBase);
            if (!k) {
                return std::nullopt;
            }
            position = *k;
        } else {
            std::uint64_t k = 0;
            if (node.children.size() > 1) {
                auto placed = place(node.children[1], sideBase + then.variables);
                if (!placed) {
                    return std::nullopt;
                }
                k = *placed;
            }
            position = then.structures + k;
        }
        // choiceT lists the `then` structures before the `else` ones; `>>>>` reverses them.
        return then.structures + otherwise.structures - 1 - position;
    }

    // herd runs both alternatives, the first then the second, each numbering its own
    // variables after those made before the fork; the path takes the first iff its event runs.
    std::uint64_t placeAlt(const model::EventStructure::HerdCodeNode& node, std::uint64_t base) {
        number(node.first, node.sharedLast, base);
        base += node.sharedLast - node.first;
        const bool first =
            node.firstEvent < candidate_.executed.size() && candidate_.executed[node.firstEvent];
        if (first) {
            number(node.sharedLast, node.last, base);
            return node.firstIndex;
        }
        for (std::uint32_t v = node.sharedLast + 1; v <= node.last; ++v) {
            dropped_[v] = true;
        }
        std::uint64_t at = base + (node.last - node.sharedLast);
        for (const auto& [from, to] : node.secondKeeps) {
            number(from, to, at);
            for (std::uint32_t v = from + 1; v <= to; ++v) {
                dropped_[v] = false;
            }
            at += to - from;
        }
        return 1 - node.firstIndex;
    }

    std::optional<std::uint64_t> placeSuffix(std::uint32_t list, std::size_t i,
                                             std::uint64_t base) {
        const auto& children = es_.herdCode[list].children;
        if (i == children.size()) {
            return 0;
        }
        const Size head = sizeOf(children[i]);
        const Size rest = suffixOf(list, i + 1);
        auto k = place(children[i], base);
        if (!k) {
            return std::nullopt;
        }
        // The rest runs once per structure of the head, in list order: this path's copy comes
        // after k others.
        auto r = placeSuffix(list, i + 1, base + head.variables + *k * rest.variables);
        if (!r) {
            return std::nullopt;
        }
        return head.structures * rest.structures - 1 - (*k * rest.structures + *r);
    }

    const model::EventStructure& es_;
    const Candidate& candidate_;
    const HerdTruth& truth_;
    std::vector<std::optional<Size>> sizes_;
    std::vector<bool> visited_;
    std::vector<std::uint32_t> toHerd_;
    std::vector<bool> dropped_;
};

}  // namespace

std::optional<HerdNames> herdNames(const model::EventStructure& es, const Candidate& candidate,
                                   const HerdTruth& truth) {
    if (!es.herdRegistersExact) {
        return std::nullopt;
    }
    HerdNumbering numbering(es, candidate, truth);
    if (!numbering.placeThreads()) {
        return std::nullopt;
    }
    bool consistent = true;
    auto herd = [&](std::uint32_t walk) {
        const std::uint32_t h = numbering.herdNumber(walk);
        consistent = consistent && (walk == 0 || h != 0);
        return h;
    };
    HerdNames names;
    // Round 1, registers (herd's match_reg_events): each register read equals the last write
    // of its register before it, or the initial state (a constant). herd's map of registers is
    // folded in ascending order, each register's equations put in front of the others', so
    // the last register comes first; within a register the reads come in program order.
    using Key = std::pair<int, std::string>;
    std::map<Key, std::vector<Copy>> byRegister;
    std::map<Key, std::uint32_t> lastWrite;  // the walk's variable; 0: a constant
    for (const auto& a : es.herdRegisterAccesses) {
        if (!numbering.visited(a.code) || numbering.dropped(a.variable)) {
            continue;  // on a side of a fork this candidate does not take
        }
        const Key key{a.thread, a.name};
        if (a.isWrite) {
            lastWrite[key] = a.variable;
            continue;
        }
        auto w = lastWrite.find(key);
        if (w != lastWrite.end() && w->second != 0) {
            byRegister[key].push_back({herd(a.variable), herd(w->second)});
        }
    }
    std::vector<Copy> registerCopies;
    for (auto it = byRegister.rbegin(); it != byRegister.rend(); ++it) {
        registerCopies.insert(registerCopies.end(), it->second.begin(), it->second.end());
    }
    const HerdPartition registers = solveRound(registerCopies);

    // Round 2, memory (herd's solve_mem): its loads are taken in descending event order, each
    // read's equation with the value of the write it reads from; then what round 1 left.
    auto variableOf = [&](std::uint32_t e) {
        return e < es.herdVariables.size() ? es.herdVariables[e] : 0u;
    };
    std::vector<Copy> memoryCopies;
    for (std::size_t i = es.events.size(); i-- > 0;) {
        const auto e = static_cast<std::uint32_t>(i);
        if (es.events[e].kind != model::EventKind::Read || !es.events[e].inSet("R") ||
            e >= candidate.executed.size() || !candidate.executed[e] || !candidate.rfSource[e]) {
            continue;
        }
        const std::uint32_t w = *candidate.rfSource[e];
        const std::uint32_t written = es.events[w].thread < 0 ? 0 : variableOf(w);
        if (variableOf(e) == 0 || written == 0) {
            continue;  // a constant: no variables merge
        }
        const std::uint32_t l = registers.substitute(herd(variableOf(e)));
        const std::uint32_t r = registers.substitute(herd(written));
        if (l != r) {
            memoryCopies.push_back({l, r});
        }
    }
    const std::vector<Copy> left = remaining(registerCopies, registers);
    memoryCopies.insert(memoryCopies.end(), left.begin(), left.end());
    const HerdPartition memory = solveRound(memoryCopies);

    auto print = [&](std::uint32_t walk) {
        if (const std::uint32_t h = herd(walk); h != 0) {
            names.printed.emplace(walk, memory.substitute(registers.substitute(h)));
        }
    };
    for (std::uint32_t e = 0; e < es.events.size(); ++e) {
        if (e < candidate.executed.size() && candidate.executed[e]) {
            print(variableOf(e));
        }
    }
    for (const auto& [key, variable] : lastWrite) {
        names.finalRegisterVariables[key.first][key.second] = variable;
        print(variable);
    }
    if (!consistent) {
        return std::nullopt;  // a variable the path does not make: not herd's numbering
    }
    return names;
}

}  // namespace memx::solver
