#include "solver/candidate_encoding.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>

namespace memx::solver {

namespace {

constexpr unsigned kValueBits = 64;

}  // namespace

CandidateEncoding::CandidateEncoding(const model::EventStructure& events,
                                     const std::vector<bool>& observed, Z3Session& session)
    : events_(events),
      session_(session),
      nodeExprs_(events.nodes.size()),
      nodeReads_(events.nodes.size()) {
    encodeReadsFrom();
    encodeFinalWrites(observed);
    encodeAssumptions();
    encodeChoiceGuards();
    encodeSingleCopyAtomicity();
    mayBeUndetermined_ = findDependencyCycle();
}

std::optional<std::int64_t> CandidateEncoding::constantValue(const model::EventStructure& es,
                                                             model::SymId node) {
    if (node < es.nodes.size() && es.nodes[node].op == model::SymOp::Const) {
        return es.nodes[node].value;
    }
    return std::nullopt;
}

bool CandidateEncoding::isRead(std::uint32_t event) const {
    return events_.events[event].inSet("R");
}

bool CandidateEncoding::isWrite(std::uint32_t event) const {
    return events_.events[event].inSet("W");
}

z3::expr CandidateEncoding::value(model::SymId node) {
    if (!nodeExprs_.at(node)) {
        nodeExprs_[node] = translate(node);
    }
    return *nodeExprs_[node];
}

z3::expr CandidateEncoding::executed(std::uint32_t event) {
    model::SymId guard = events_.events.at(event).guard;
    if (auto c = constantValue(events_, guard)) {
        return session_.context().bool_val(*c != 0);
    }
    return value(guard) != session_.context().bv_val(0, kValueBits);
}

z3::expr CandidateEncoding::translate(model::SymId id) {
    z3::context& c = session_.context();
    const model::SymNode& n = events_.nodes.at(id);
    auto zero = c.bv_val(0, kValueBits);
    auto one = c.bv_val(1, kValueBits);
    auto boolToValue = [&](const z3::expr& b) { return z3::ite(b, one, zero); };
    auto op = [&](std::size_t i) { return value(n.operands.at(i)); };
    using model::SymOp;
    switch (n.op) {
        case SymOp::Const:
            return c.bv_val(static_cast<std::uint64_t>(n.value), kValueBits);
        case SymOp::ReadValue:
            return c.bv_const(("v" + std::to_string(n.event)).c_str(), kValueBits);
        case SymOp::Not:
            return boolToValue(op(0) == zero);
        case SymOp::Neg:
            return -op(0);
        case SymOp::BitNot:
            return ~op(0);
        case SymOp::Add:
            return op(0) + op(1);
        case SymOp::Sub:
            return op(0) - op(1);
        case SymOp::Mul:
            return op(0) * op(1);
        case SymOp::Div:  // C division truncates toward zero, as bvsdiv does
            return op(0) / op(1);
        case SymOp::Mod:
            return z3::srem(op(0), op(1));
        case SymOp::BitAnd:
            return op(0) & op(1);
        case SymOp::BitOr:
            return op(0) | op(1);
        case SymOp::BitXor:
            return op(0) ^ op(1);
        case SymOp::Shl:
            return z3::shl(op(0), op(1));
        case SymOp::Shr:  // values are signed C integers: arithmetic shift
            return z3::ashr(op(0), op(1));
        case SymOp::Eq:
            return boolToValue(op(0) == op(1));
        case SymOp::Ne:
            return boolToValue(op(0) != op(1));
        case SymOp::Lt:
            return boolToValue(op(0) < op(1));
        case SymOp::Le:
            return boolToValue(op(0) <= op(1));
        case SymOp::Gt:
            return boolToValue(op(0) > op(1));
        case SymOp::Ge:
            return boolToValue(op(0) >= op(1));
        case SymOp::LogAnd:
            return boolToValue(op(0) != zero && op(1) != zero);
        case SymOp::LogOr:
            return boolToValue(op(0) != zero || op(1) != zero);
        case SymOp::Ite:
            return z3::ite(op(0) != zero, op(1), op(2));
        case SymOp::Choice:
            return boolToValue(choiceVar(n.value));
    }
    return zero;
}

z3::expr CandidateEncoding::choiceVar(std::int64_t number) {
    auto it = choices_.find(number);
    if (it == choices_.end()) {
        auto var = session_.context().bool_const(("choice" + std::to_string(number)).c_str());
        it = choices_.emplace(number, var).first;
    }
    return it->second;
}

bool CandidateEncoding::mayAlias(std::uint32_t a, std::uint32_t b) const {
    auto ca = constantValue(events_, events_.events[a].address);
    auto cb = constantValue(events_, events_.events[b].address);
    return !ca || !cb || *ca == *cb;
}

bool CandidateEncoding::mayReadFrom(std::uint32_t write, std::uint32_t read) const {
    if (write == read || !mayAlias(write, read)) {
        return false;
    }
    const model::SymEvent& w = events_.events[write];
    const model::SymEvent& r = events_.events[read];
    // As in herd, a read never takes its value from a write of its own thread that comes at or
    // after it in program order (that includes the write half of its own RMW).
    return w.thread < 0 || w.thread != r.thread || w.poIndex < r.poIndex;
}

void CandidateEncoding::encodeReadsFrom() {
    z3::context& c = session_.context();
    for (std::uint32_t r = 0; r < events_.events.size(); ++r) {
        if (!isRead(r)) {
            continue;
        }
        z3::expr_vector sources(c);
        for (std::uint32_t w = 0; w < events_.events.size(); ++w) {
            if (!isWrite(w) || !mayReadFrom(w, r)) {
                continue;
            }
            auto var = c.bool_const(("rf_" + std::to_string(w) + "_" + std::to_string(r)).c_str());
            const model::SymEvent& we = events_.events[w];
            const model::SymEvent& re = events_.events[r];
            session_.add(z3::implies(var, executed(w) && executed(r) &&
                                              value(we.address) == value(re.address) &&
                                              value(re.value) == value(we.value)));
            sources.push_back(var);
            rf_.push_back({w, r, var});
        }
        if (sources.empty()) {
            session_.add(!executed(r));
            continue;
        }
        session_.add(z3::implies(executed(r), z3::mk_or(sources)));
        addAtMostOne(sources);
    }
}

void CandidateEncoding::encodeFinalWrites(const std::vector<bool>& observed) {
    z3::context& c = session_.context();
    // One final write per cell: per location, or per byte in byte-granular tests.
    const model::LocationTable& table = events_.locations;
    for (std::uint32_t l = 0; l < table.cellCount(); ++l) {
        const std::size_t location = table.cellLocation(l);
        if (location >= observed.size() || !observed[location]) {
            continue;
        }
        const std::int64_t cellAddress = table.cellAddress(l);
        auto address = c.bv_val(static_cast<std::uint64_t>(cellAddress), kValueBits);
        z3::expr_vector options(c);
        z3::expr anyOtherWrite = c.bool_val(false);
        std::vector<z3::expr> initial;
        for (std::uint32_t w = 0; w < events_.events.size(); ++w) {
            const model::SymEvent& we = events_.events[w];
            if (we.kind != model::EventKind::Write) {
                continue;
            }
            auto ca = constantValue(events_, we.address);
            if (ca && *ca != cellAddress) {
                continue;
            }
            z3::expr writesHere = executed(w) && value(we.address) == address;
            if (we.thread >= 0) {
                anyOtherWrite = anyOtherWrite || writesHere;
            }
            auto var = c.bool_const(("fw_" + std::to_string(l) + "_" + std::to_string(w)).c_str());
            session_.add(z3::implies(var, writesHere));
            // herd (optace): a write followed in its thread by another write to the same
            // location is never final (this matters for lock writes: LKW before UL).
            for (std::uint32_t later = 0; later < events_.events.size(); ++later) {
                const model::SymEvent& le = events_.events[later];
                if (we.thread >= 0 && le.thread == we.thread && le.poIndex > we.poIndex &&
                    le.kind == model::EventKind::Write) {
                    session_.add(z3::implies(
                        var, !(executed(later) && value(le.address) == value(we.address))));
                }
            }
            if (we.thread < 0) {
                initial.push_back(var);
            }
            options.push_back(var);
            finalWrites_.push_back({l, w, var});
        }
        // The initial write is co-first, so it is final only when nothing else writes here.
        for (const auto& var : initial) {
            session_.add(z3::implies(var, !anyOtherWrite));
        }
        if (options.empty()) {
            continue;
        }
        if (initial.empty()) {
            // No initial write event: "no final write" is the option when nothing writes.
            session_.add(z3::implies(anyOtherWrite, z3::mk_or(options)));
        } else {
            session_.add(z3::mk_or(options));
        }
        addAtMostOne(options);
    }
}

void CandidateEncoding::addAtMostOne(const z3::expr_vector& vars) {
    // Pairwise clauses, not z3::atmost: Z3 4.8.12's pseudo-boolean constraints lose models
    // across the push/pop of the determinacy check (enumeration then stops early).
    for (unsigned i = 0; i < vars.size(); ++i) {
        for (unsigned j = i + 1; j < vars.size(); ++j) {
            session_.add(!vars[i] || !vars[j]);
        }
    }
}

void CandidateEncoding::encodeAssumptions() {
    auto zero = session_.context().bv_val(0, kValueBits);
    for (const auto& [guard, fact] : events_.assumptions) {
        session_.add(z3::implies(value(guard) != zero, value(fact) != zero));
    }
}

void CandidateEncoding::encodeChoiceGuards() {
    // A choice whose call does not run is fixed to 0, so it never splits a candidate in two.
    auto zero = session_.context().bv_val(0, kValueBits);
    for (std::uint32_t k = 0; k < events_.choiceGuards.size(); ++k) {
        session_.add(z3::implies(value(events_.choiceGuards[k]) == zero, !choiceVar(k)));
    }
}

const std::vector<std::uint32_t>& CandidateEncoding::readDependencies(model::SymId id) {
    if (!nodeReads_.at(id)) {
        std::vector<std::uint32_t> reads;
        const model::SymNode& n = events_.nodes[id];
        if (n.op == model::SymOp::ReadValue) {
            reads.push_back(n.event);
        }
        for (model::SymId operand : n.operands) {
            const auto& sub = readDependencies(operand);
            reads.insert(reads.end(), sub.begin(), sub.end());
        }
        std::sort(reads.begin(), reads.end());
        reads.erase(std::unique(reads.begin(), reads.end()), reads.end());
        nodeReads_[id] = std::move(reads);
    }
    return *nodeReads_[id];
}

bool CandidateEncoding::findDependencyCycle() {
    // Edges: a read feeds the value or address of an event; a write may feed a read by rf.
    std::size_t n = events_.events.size();
    std::vector<std::vector<std::uint32_t>> succ(n);
    for (std::uint32_t e = 0; e < n; ++e) {
        const model::SymEvent& ev = events_.events[e];
        if (ev.kind == model::EventKind::Fence) {
            continue;
        }
        for (std::uint32_t r : readDependencies(ev.address)) {
            succ[r].push_back(e);
        }
        if (isWrite(e)) {
            for (std::uint32_t r : readDependencies(ev.value)) {
                succ[r].push_back(e);
            }
        }
    }
    for (const auto& choice : rf_) {
        succ[choice.write].push_back(choice.read);
    }
    enum class Mark { White, Grey, Black };
    std::vector<Mark> mark(n, Mark::White);
    std::function<bool(std::uint32_t)> visit = [&](std::uint32_t v) {
        mark[v] = Mark::Grey;
        for (std::uint32_t s : succ[v]) {
            if (mark[s] == Mark::Grey || (mark[s] == Mark::White && visit(s))) {
                return true;
            }
        }
        mark[v] = Mark::Black;
        return false;
    };
    for (std::uint32_t v = 0; v < n; ++v) {
        if (mark[v] == Mark::White && visit(v)) {
            return true;
        }
    }
    return false;
}

}  // namespace memx::solver

namespace memx::solver {

// Byte-granular tests (docs/byte-memory.md): a single-copy-atomic read group (a marked,
// aligned 2/4/8-byte access) takes its bytes from at most one single-copy-atomic write group
// that covers its whole footprint (an initial write, a WRITE_ONCE of the same or a larger
// aligned size). Other writes (bytewise copies, plain or external stores) may still supply
// some bytes: tearing against those is allowed. Footprints are compared on constant addresses.
// Mixed-size single-copy atomicity (Flur et al., POPL 2017): where the footprints of a
// single-copy-atomic read group and a single-copy-atomic write group intersect, the read takes
// either all of those bytes from that write or none of them. So for each such pair, "byte b
// reads from the write" is one boolean for every b of the intersection. Initial writes are left
// out: the initial state is not an access racing with the read, and a u64 read whose halves
// two u32 writes update may see one half old and the other new.
void CandidateEncoding::encodeSingleCopyAtomicity() {
    const auto& groups = events_.accessGroups;
    if (groups.empty()) {
        return;
    }
    // Byte address -> event, per group with a constant footprint; empty otherwise.
    std::vector<std::map<std::int64_t, std::uint32_t>> bytes(groups.size());
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (!groups[g].singleCopyAtomic) {
            continue;
        }
        for (std::uint32_t e : groups[g].events) {
            auto a = constantValue(events_, events_.events[e].address);
            if (!a) {
                bytes[g].clear();
                break;
            }
            bytes[g][*a] = e;
        }
    }
    std::map<std::pair<std::uint32_t, std::uint32_t>, z3::expr> chosen;  // (read, write)
    std::set<std::pair<std::uint32_t, std::uint32_t>> pairs;             // (read g, write g)
    for (const RfChoice& rf : rf_) {
        chosen.emplace(std::make_pair(rf.read, rf.write), rf.chosen);
        const std::uint32_t rg = events_.groupOf.at(rf.read);
        const std::uint32_t wg = events_.groupOf.at(rf.write);
        if (rg != model::EventStructure::kNoGroup && wg != model::EventStructure::kNoGroup &&
            !bytes[rg].empty() && !bytes[wg].empty() && isRead(groups[rg].events.front()) &&
            events_.events[rf.write].thread >= 0) {
            pairs.emplace(rg, wg);
        }
    }
    for (const auto& [rg, wg] : pairs) {
        std::optional<z3::expr> first;
        for (const auto& [address, read] : bytes[rg]) {
            auto w = bytes[wg].find(address);
            if (w == bytes[wg].end()) {
                continue;
            }
            auto it = chosen.find({read, w->second});
            z3::expr x = it != chosen.end() ? it->second : session_.context().bool_val(false);
            if (!first) {
                first = x;
            } else {
                session_.add(x == *first);
            }
        }
    }
}

}  // namespace memx::solver
