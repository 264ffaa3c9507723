#include "solver/herd_names.hpp"

#include <algorithm>
#include <tuple>
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

bool isPlainRead(const model::SymEvent& e) {
    return e.kind == model::EventKind::Read &&
           std::find(e.sets.begin(), e.sets.end(), "R") != e.sets.end();
}

}  // namespace

std::optional<HerdNames> herdNames(const model::EventStructure& es, const Candidate& candidate) {
    if (!es.herdRegistersExact) {
        return std::nullopt;
    }
    HerdNames names;
    // Round 1, registers (herd's match_reg_events): each register read equals the last write
    // of its register before it, or the initial state (a constant). herd's map of registers
    // is folded in ascending order, each register's equations put in front of the others', so
    // the last register comes first; within a register the reads come in program order.
    using Key = std::pair<int, std::string>;
    std::map<Key, std::vector<Copy>> byRegister;
    std::map<Key, std::uint32_t> lastWrite;  // 0: a constant
    for (const auto& a : es.herdRegisterAccesses) {
        const Key key{a.thread, a.name};
        if (a.isWrite) {
            lastWrite[key] = a.variable;
            continue;
        }
        auto w = lastWrite.find(key);
        if (w != lastWrite.end() && w->second != 0 && w->second != a.variable) {
            byRegister[key].push_back({a.variable, w->second});
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
        if (!isPlainRead(es.events[e]) || e >= candidate.executed.size() ||
            !candidate.executed[e] || !candidate.rfSource[e]) {
            continue;
        }
        const std::uint32_t w = *candidate.rfSource[e];
        const std::uint32_t written = es.events[w].thread < 0 ? 0 : variableOf(w);
        if (variableOf(e) == 0 || written == 0) {
            continue;  // a constant: no variables merge
        }
        const std::uint32_t l = registers.substitute(variableOf(e));
        const std::uint32_t r = registers.substitute(written);
        if (l != r) {
            memoryCopies.push_back({l, r});
        }
    }
    const std::vector<Copy> left = remaining(registerCopies, registers);
    memoryCopies.insert(memoryCopies.end(), left.begin(), left.end());
    const HerdPartition memory = solveRound(memoryCopies);

    auto print = [&](std::uint32_t v) {
        if (v != 0) {
            names.printed.emplace(v, memory.substitute(registers.substitute(v)));
        }
    };
    for (std::uint32_t e = 0; e < es.events.size(); ++e) {
        print(variableOf(e));
    }
    for (const auto& [key, variable] : lastWrite) {
        names.finalRegisterVariables[key.first][key.second] = variable;
        print(variable);
    }
    return names;
}

}  // namespace memx::solver
