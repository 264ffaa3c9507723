#include "solver/herd_values.hpp"

#include <algorithm>
#include <map>

#include "model/events/symbolic_values.hpp"
#include "solver/herd_names.hpp"

namespace memx::solver {

using model::SymId;
using model::SymOp;

HerdValueSolver::HerdValueSolver(const model::EventStructure& events)
    : es_(events),
      parent_(events.events.size()),
      classValue_(events.events.size()),
      forced_(events.nodes.size()),
      memo_(events.nodes.size()),
      memoStamp_(events.nodes.size(), 0),
      readFree_(events.nodes.size(), -1),
      herdNumber_(herdVariableNumbers(events)) {}

std::uint32_t HerdValueSolver::find(std::uint32_t read) {
    while (parent_[read] != read) {
        parent_[read] = parent_[parent_[read]];
        read = parent_[read];
    }
    return read;
}

bool HerdValueSolver::setValue(std::uint32_t root, std::int64_t value) {
    if (classValue_[root]) {
        return *classValue_[root] == value;
    }
    classValue_[root] = value;
    ++stamp_;
    return true;
}

bool HerdValueSolver::unite(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) {
        return true;
    }
    if (classValue_[a] && classValue_[b] && *classValue_[a] != *classValue_[b]) {
        return false;
    }
    parent_[b] = a;
    if (!classValue_[a]) {
        classValue_[a] = classValue_[b];
    }
    ++stamp_;
    return true;
}

// Whether a node depends on no read: herd knows such a value before it solves memory (its
// register phase, or its semantics), and only there does its `x + 0` leave x as it is.
bool HerdValueSolver::readFree(SymId id) {
    if (readFree_[id] < 0) {
        const model::SymNode& n = es_.nodes[id];
        bool free = n.op != SymOp::ReadValue;
        for (SymId operand : n.operands) {
            free = free && readFree(operand);
        }
        readFree_[id] = free ? 1 : 0;
    }
    return readFree_[id] == 1;
}

HerdValueSolver::Term HerdValueSolver::eval(SymId id) {
    if (forced_[id]) {
        return {Term::Kind::Known, *forced_[id] ? 1 : 0, 0};
    }
    if (memoStamp_[id] == stamp_) {
        return memo_[id];
    }
    Term t = evalOperator(id);
    memoStamp_[id] = stamp_;
    memo_[id] = t;
    return t;
}

HerdValueSolver::Term HerdValueSolver::evalOperator(SymId id) {
    const model::SymNode& n = es_.nodes[id];
    using Kind = Term::Kind;
    switch (n.op) {
        case SymOp::Const:
            return {Kind::Known, n.value, 0};
        case SymOp::Choice: {
            const auto k = static_cast<std::size_t>(n.value);
            return {Kind::Known, k < choices_->choiceValues.size() ? choices_->choiceValues[k] : 0,
                    0};
        }
        case SymOp::ReadValue: {
            if (!choices_->candidate.executed[n.event]) {
                return {Kind::Known, 0, 0};
            }
            const std::uint32_t root = find(n.event);
            if (classValue_[root]) {
                return {Kind::Known, *classValue_[root], 0};
            }
            return {Kind::Open, 0, root};
        }
        case SymOp::Ite: {
            // Only the side taken is computed (an `if`'s merge of a register, or `?:`).
            const Term c = eval(n.operands[0]);
            if (c.kind != Kind::Known) {
                return {};
            }
            return eval(n.operands[c.value != 0 ? 1 : 2]);
        }
        default:
            break;
    }
    if (n.op == SymOp::LogAnd || n.op == SymOp::LogOr) {
        // A guard: decided by one side when that side decides it (`0 && c`, `1 || c`).
        const bool absorbing = n.op == SymOp::LogOr;
        for (SymId operand : n.operands) {
            const Term t = eval(operand);
            if (t.kind == Kind::Known && (t.value != 0) == absorbing) {
                return {Kind::Known, absorbing ? 1 : 0, 0};
            }
        }
    }
    std::vector<Term> operands;
    operands.reserve(n.operands.size());
    bool allKnown = true;
    for (SymId operand : n.operands) {
        operands.push_back(eval(operand));
        allKnown = allKnown && operands.back().kind == Kind::Known;
    }
    if (allKnown) {
        return {Kind::Known,
                model::operatorValue(n, [&](std::size_t i) { return operands[i].value; }), 0};
    }
    if (std::any_of(operands.begin(), operands.end(),
                    [](const Term& t) { return t.kind == Kind::Stuck; }) ||
        operands.size() != 2) {
        return {};
    }
    const Term& a = operands[0];
    const Term& b = operands[1];
    // herd's add and or give back the other operand for a 0 known before memory is solved.
    if (n.op == SymOp::Add || n.op == SymOp::BitOr) {
        if (a.kind == Kind::Known && a.value == 0 && readFree(n.operands[0])) {
            return b;
        }
        if (b.kind == Kind::Known && b.value == 0 && readFree(n.operands[1])) {
            return a;
        }
        return {};
    }
    // herd's xor and equality of one variable with itself.
    if (a.kind == Kind::Open && b.kind == Kind::Open && a.root == b.root) {
        switch (n.op) {
            case SymOp::BitXor:
            case SymOp::Ne:
                return {Kind::Known, 0, 0};
            case SymOp::Eq:
                return {Kind::Known, 1, 0};
            default:
                break;
        }
    }
    return {};
}

HerdSolution HerdValueSolver::solve(const HerdChoices& choices) {
    choices_ = &choices;
    const Candidate& c = choices.candidate;
    const auto n = static_cast<std::uint32_t>(es_.events.size());
    for (std::uint32_t e = 0; e < n; ++e) {
        parent_[e] = e;
        classValue_[e].reset();
    }
    std::fill(forced_.begin(), forced_.end(), std::nullopt);
    ++stamp_;
    // Propagation, to a fixpoint: the side of each branch reached (herd's `c := 1` or
    // `c := 0` of its choiceT), and for each read its source's value, or the class of the read
    // whose value the source only copies (herd's normalisation of `x := y`, then its solving).
    std::vector<bool> reached(es_.branches.size(), false);
    for (bool changed = true; changed;) {
        const std::uint32_t before = stamp_;
        for (std::size_t b = 0; b < es_.branches.size(); ++b) {
            const Term g = eval(es_.branches[b].guard);
            if (reached[b] || g.kind != Term::Kind::Known || g.value == 0) {
                continue;
            }
            const bool side = b < choices.branchTaken.size() && choices.branchTaken[b];
            auto& forced = forced_[es_.branches[b].taken];
            if (forced && *forced != side) {
                return HerdSolution::Contradiction;  // one condition, two sides
            }
            forced = side;
            reached[b] = true;
            ++stamp_;
        }
        // herd's assignments (EventStructure::herdEquations): solved like rf's equations.
        for (const model::EventStructure::HerdEquation& eq : es_.herdEquations) {
            if (!c.executed[eq.read] || c.executed[eq.write] != eq.writeRuns) {
                continue;
            }
            const Term a = eval(eq.lhs);
            const Term b = eval(eq.rhs);
            bool ok = true;
            if (a.kind == Term::Kind::Open && b.kind == Term::Kind::Open) {
                ok = unite(b.root, a.root);
            } else if (a.kind == Term::Kind::Open && b.kind == Term::Kind::Known) {
                ok = setValue(a.root, b.value);
            } else if (a.kind == Term::Kind::Known && b.kind == Term::Kind::Open) {
                ok = setValue(b.root, a.value);
            }
            if (!ok) {
                return HerdSolution::Contradiction;
            }
        }
        for (std::uint32_t r = 0; r < n; ++r) {
            if (!c.executed[r] || !c.rfSource[r] || !es_.events[r].inSet("R")) {
                continue;
            }
            const Term t = eval(es_.events[*c.rfSource[r]].value);
            bool ok = true;
            if (t.kind == Term::Kind::Known) {
                ok = setValue(find(r), t.value);
            } else if (t.kind == Term::Kind::Open) {
                ok = unite(t.root, r);
            }
            if (!ok) {
                return HerdSolution::Contradiction;
            }
        }
        changed = stamp_ != before;
    }
    bool unsolved = false;
    auto require = [&](const Term& t, bool truth) {
        if (t.kind != Term::Kind::Known) {
            unsolved = true;
            return true;
        }
        return (t.value != 0) == truth;
    };
    // Each branch reached: its condition must come out on the side taken (herd's `c := 1`).
    for (std::size_t b = 0; b < es_.branches.size(); ++b) {
        const Term g = eval(es_.branches[b].guard);
        if (!require(g, reached[b])) {
            return HerdSolution::Contradiction;
        }
        if (reached[b] &&
            !require(evalOperator(es_.branches[b].taken), forced_[es_.branches[b].taken].value())) {
            return HerdSolution::Contradiction;
        }
    }
    for (std::uint32_t e = 0; e < n; ++e) {
        const model::SymEvent& ev = es_.events[e];
        if (!require(eval(ev.guard), c.executed[e])) {
            return HerdSolution::Contradiction;
        }
        if (!c.executed[e]) {
            continue;
        }
        if (ev.kind != model::EventKind::Fence) {
            const Term a = eval(ev.address);
            if (a.kind != Term::Kind::Known) {
                unsolved = true;
            } else if (a.value != c.addresses[e]) {
                return HerdSolution::Contradiction;
            }
        }
        if (ev.inSet("W") && !ev.inSet("R") && eval(ev.value).kind == Term::Kind::Stuck) {
            unsolved = true;  // an equation for the value written is left
        }
    }
    // herd's equation for every operator the code ran, its value used or not.
    for (const model::EventStructure::HerdOperator& op : es_.herdOperators) {
        const Term g = eval(op.guard);
        if (g.kind != Term::Kind::Known ||
            (g.value != 0 && eval(op.value).kind == Term::Kind::Stuck)) {
            unsolved = true;
        }
    }
    for (const auto& [guard, fact] : es_.assumptions) {
        const Term g = eval(guard);
        if (g.kind != Term::Kind::Known) {
            unsolved = true;
        } else if (g.value != 0 && !require(eval(fact), true)) {
            return HerdSolution::Contradiction;
        }
    }
    for (const auto& [thread, regs] : es_.finalRegisters) {
        for (const auto& [name, node] : regs) {
            unsolved = unsolved || eval(node).kind == Term::Kind::Stuck;
        }
    }
    return unsolved ? HerdSolution::Unsolved : HerdSolution::Solved;
}

// An approximation of herd's name for an open class, where herd_names.hpp cannot follow herd
// (after a loop, `?:` or a C11 RMW): the highest variable among the class's read values and
// the register reads its writes copy (`*y = r`, or `r + 0`, which herd's add gives back as r's
// variable). It is herd's for rings of straight-line threads, such as S8 for two threads of
// `r = *x; *y = r;` (docs/oota.md).
std::uint32_t HerdValueSolver::nameOf(std::uint32_t root) {
    std::uint32_t best = 0;
    std::uint32_t first = 0;  // for structures built without herd's numbers (unit tests)
    bool seen = false;
    const Candidate& c = choices_->candidate;
    auto number = [&](std::uint32_t e) { return e < herdNumber_.size() ? herdNumber_[e] : 0; };
    for (std::uint32_t e = 0; e < es_.events.size(); ++e) {
        if (!c.executed[e]) {
            continue;
        }
        const model::SymEvent& ev = es_.events[e];
        if (ev.inSet("R") && find(e) == root) {
            best = std::max(best, number(e));
            first = seen ? first : e;
            seen = true;
        } else if (ev.inSet("W") && !ev.inSet("R")) {
            const Term v = eval(ev.value);
            if (v.kind == Term::Kind::Open && find(v.root) == root) {
                best = std::max(best, number(e));
            }
        }
    }
    return best != 0 ? best : first + 1;
}

void HerdValueSolver::fill(Candidate& candidate) {
    const auto n = static_cast<std::uint32_t>(es_.events.size());
    // herd's own naming where the event builder followed herd's numbering (herd_names.hpp),
    // computed at the first open value (most candidates have none); elsewhere one name per
    // open class (nameOf).
    std::optional<std::optional<HerdNames>> computed;
    auto herds = [&]() -> const HerdNames* {
        if (!computed) {
            computed = herdNames(es_, candidate, [&](SymId id) -> std::optional<std::int64_t> {
                const Term t = eval(id);
                return t.kind == Term::Kind::Known ? std::optional<std::int64_t>(t.value)
                                                   : std::nullopt;
            });
        }
        return *computed ? &**computed : nullptr;
    };
    std::map<std::uint32_t, std::uint32_t> names;
    // `herdsName` is herd's name where herd_names gives one (0 where it does not).
    auto name = [&](std::uint32_t root, std::uint32_t herdsName) {
        if (herdsName != 0) {
            return herdsName;
        }
        auto it = names.find(root);
        if (it == names.end()) {
            it = names.emplace(root, nameOf(root)).first;
        }
        return it->second;
    };
    candidate.values.assign(n, 0);
    candidate.symbolic.assign(n, 0);
    for (std::uint32_t e = 0; e < n; ++e) {
        if (!candidate.executed[e] || es_.events[e].kind == model::EventKind::Fence) {
            continue;
        }
        const Term t = eval(es_.events[e].value);
        if (t.kind == Term::Kind::Known) {
            candidate.values[e] = t.value;
        } else if (t.kind == Term::Kind::Open) {
            const HerdNames* h = herds();
            candidate.symbolic[e] = name(
                t.root, h != nullptr && e < herdNumber_.size() ? h->nameOf(herdNumber_[e]) : 0);
        }
    }
    candidate.registers.clear();
    candidate.symbolicRegisters.clear();
    for (const auto& [thread, regs] : es_.finalRegisters) {
        for (const auto& [reg, node] : regs) {
            const Term t = eval(node);
            candidate.registers[thread][reg] = t.kind == Term::Kind::Known ? t.value : 0;
            if (t.kind == Term::Kind::Open) {
                const HerdNames* h = herds();
                candidate.symbolicRegisters[thread][reg] =
                    name(t.root, h != nullptr ? h->finalNameOf(thread, reg) : 0);
            }
        }
    }
}

std::vector<std::uint32_t> herdVariableNumbers(const model::EventStructure& events) {
    std::vector<std::uint32_t> out(events.events.size(), 0);
    for (std::size_t e = 0; e < out.size() && e < events.herdVariables.size(); ++e) {
        out[e] = events.herdVariables[e];
    }
    return out;
}

}  // namespace memx::solver
