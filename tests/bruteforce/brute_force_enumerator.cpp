#include "tests/bruteforce/brute_force_enumerator.hpp"

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>

#include "solver/herd_names.hpp"
#include "tests/bruteforce/partial_evaluator.hpp"

namespace memx::bruteforce {

namespace {

using model::EventKind;
using model::SymEvent;
using model::SymId;

constexpr std::int64_t kUnassigned = -2;
constexpr std::int64_t kNoSource = -1;

// What the inputs known so far say about the constraints: one is broken, or none is broken
// and some may still be open.
enum class Verdict { Broken, Fine };

class Search {
public:
    Search(const model::EventStructure& es, const std::vector<bool>& observed,
           const std::function<bool(const solver::Candidate&)>& onCandidate,
           const BruteForceLimits& limits)
        : es_(es),
          onCandidate_(onCandidate),
          limits_(limits),
          deadline_(std::chrono::steady_clock::now() +
                    std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                        std::chrono::duration<double>(limits.maxSeconds))),
          eval_(es) {
        for (std::uint32_t e = 0; e < es.events.size(); ++e) {
            if (es.events[e].inSet("R")) {
                const SymNode& v = es.nodes.at(es.events[e].value);
                if (v.op != model::SymOp::ReadValue || v.event != e) {
                    throw std::invalid_argument("read event " + std::to_string(e) +
                                                " has a value node that is not its ReadValue");
                }
                reads_.push_back(e);
                sources_.push_back(possibleSources(e));
            }
        }
        rf_.assign(reads_.size(), kUnassigned);
        declined_.assign(es.herdEquations.size(), false);
        readIndex_.assign(es.events.size(), -1);
        for (std::size_t i = 0; i < reads_.size(); ++i) {
            readIndex_[reads_[i]] = static_cast<std::int64_t>(i);
        }
        for (std::size_t cell = 0; cell < es.locations.cellCount(); ++cell) {
            std::size_t l = es.locations.cellLocation(cell);
            if (l < observed.size() && observed[l]) {
                observedCells_.push_back(static_cast<std::uint32_t>(cell));
            }
        }
    }

    BruteForceStats run() {
        chooseFrom(0);
        return stats_;
    }

private:
    using SymNode = model::SymNode;

    std::optional<std::int64_t> constant(SymId node) const {
        const SymNode& n = es_.nodes.at(node);
        return n.op == model::SymOp::Const ? std::optional(n.value) : std::nullopt;
    }

    std::vector<std::uint32_t> possibleSources(std::uint32_t r) const {
        const SymEvent& re = es_.events[r];
        std::vector<std::uint32_t> out;
        for (std::uint32_t w = 0; w < es_.events.size(); ++w) {
            const SymEvent& we = es_.events[w];
            if (w == r || !we.inSet("W")) {
                continue;
            }
            auto ra = constant(re.address);
            auto wa = constant(we.address);
            if (ra && wa && *ra != *wa) {
                continue;  // a pruning only: the address check below would reject it anyway
            }
            // Never from its own thread at or after it in po (the write half of its own RMW
            // included).
            if (we.thread >= 0 && we.thread == re.thread && we.poIndex >= re.poIndex) {
                continue;
            }
            out.push_back(w);
        }
        return out;
    }

    bool limitReached() {
        if (stats_.candidates >= limits_.maxCandidates || stats_.steps >= limits_.maxSteps ||
            std::chrono::steady_clock::now() > deadline_) {
            stats_.capped = true;
        }
        return stats_.capped || stats_.stopped;
    }

    // Every assignment of the free choices, then the reads' sources under it.
    void chooseFrom(std::uint32_t k) {
        if (limitReached()) {
            return;
        }
        if (k == es_.choiceCount) {
            assignFrom(0);
            return;
        }
        for (bool v : {false, true}) {
            eval_.setChoice(k, v);
            chooseFrom(k + 1);
        }
        eval_.setChoice(k, std::nullopt);
    }

    void assignFrom(std::size_t i) {
        ++stats_.steps;
        if (limitReached()) {
            return;
        }
        resolveValues();
        if (check() == Verdict::Broken) {
            return;
        }
        if (i == reads_.size()) {
            std::vector<Requirement> assumed;
            solve(assumed);
            return;
        }
        rf_[i] = kNoSource;
        assignFrom(i + 1);
        for (std::uint32_t w : sources_[i]) {
            rf_[i] = w;
            assignFrom(i + 1);
        }
        rf_[i] = kUnassigned;
    }

    // The fixpoint: a read takes its source's value once that value is known.
    void resolveValues() {
        eval_.forgetReadValues();
        while (propagate()) {
        }
    }

    bool propagate() {
        bool progress = false;
        for (std::size_t i = 0; i < reads_.size(); ++i) {
            if (rf_[i] < 0 || eval_.readValue(reads_[i])) {
                continue;
            }
            auto v = eval_.value(es_.events[static_cast<std::size_t>(rf_[i])].value);
            if (v) {
                eval_.setReadValue(reads_[i], v);
                progress = true;
            }
        }
        return progress;
    }

    // A node the candidate requires to be non-zero (`nonZero`) or zero: the guard of an event
    // that runs or does not, an active assumption's fact, the guard of a choice that is 1.
    struct Requirement {
        SymId node;
        bool nonZero;
    };

    // What a requirement says about an unknown read: `r == c` required true (or `r != c`
    // required false) makes r's value c; `!x`, `&&` and `||` pass the requirement on. Returns
    // whether a read value was learnt. Every solution satisfies what this learns, so values
    // found this way are still the unique ones.
    bool force(SymId id, bool nonZero) {
        if (eval_.value(id)) {
            return false;
        }
        const SymNode& n = es_.nodes[id];
        switch (n.op) {
            case model::SymOp::ReadValue:
                if (!nonZero) {
                    eval_.setReadValue(n.event, 0);
                    return true;
                }
                return false;
            case model::SymOp::Not:
                return force(n.operands[0], !nonZero);
            case model::SymOp::LogAnd:
            case model::SymOp::LogOr:
                if (nonZero == (n.op == model::SymOp::LogAnd)) {
                    bool a = force(n.operands[0], nonZero);
                    return force(n.operands[1], nonZero) || a;
                }
                return false;
            case model::SymOp::Eq:
            case model::SymOp::Ne:
                if (nonZero == (n.op == model::SymOp::Eq)) {
                    return equate(n.operands[0], n.operands[1]);
                }
                return false;
            case model::SymOp::Ite: {
                auto cond = eval_.value(n.operands[0]);
                return cond && force(n.operands[*cond != 0 ? 1 : 2], nonZero);
            }
            default:
                return false;
        }
    }

    // `a == b` must hold: an unknown read on one side takes the other side's known value.
    bool equate(SymId a, SymId b) {
        auto va = eval_.value(a);
        auto vb = eval_.value(b);
        if (va.has_value() == vb.has_value()) {
            return false;
        }
        const SymNode& unknown = es_.nodes[va ? b : a];
        if (unknown.op != model::SymOp::ReadValue) {
            return false;
        }
        eval_.setReadValue(unknown.event, va ? va : vb);
        return true;
    }

    // The requirements of the current rf assignment, the active assumptions and the choices.
    std::vector<Requirement> requirements(const std::vector<Requirement>& assumed) {
        std::vector<Requirement> out = assumed;
        for (std::size_t i = 0; i < reads_.size(); ++i) {
            out.push_back({es_.events[reads_[i]].guard, rf_[i] >= 0});
            if (rf_[i] >= 0) {
                out.push_back({es_.events[static_cast<std::size_t>(rf_[i])].guard, true});
            }
        }
        for (const auto& [guard, fact] : es_.assumptions) {
            if (isNonZero(eval_.value(guard))) {
                out.push_back({fact, true});
            }
        }
        for (std::uint32_t k = 0; k < es_.choiceGuards.size() && k < es_.choiceCount; ++k) {
            if (eval_.choice(k) == true) {
                out.push_back({es_.choiceGuards[k], true});
            }
        }
        return out;
    }

    // Values left open by rf alone (a dependency cycle) may still be fixed by what the
    // candidate requires, as the engine's uniqueness check sees them: learn those, and where
    // an event's guard stays unknown, try it both running and not. Whatever stays unknown
    // after that is undetermined.
    void solve(std::vector<Requirement>& assumed) {
        if (assumed.empty()) {
            // rf alone, and the addresses rf equates (herd unifies them too): where a read
            // stays open after that, herd's rule decides, not what guards would require.
            for (bool progress = true; progress;) {
                progress = propagate();
                for (std::size_t i = 0; i < reads_.size(); ++i) {
                    if (rf_[i] >= 0) {
                        const SymEvent& we = es_.events[static_cast<std::size_t>(rf_[i])];
                        progress = equate(es_.events[reads_[i]].address, we.address) || progress;
                    }
                }
            }
            for (std::size_t i = 0; i < reads_.size(); ++i) {
                if (rf_[i] >= 0 && !eval_.readValue(reads_[i]) && !es_.byteGranular()) {
                    if (check() != Verdict::Broken) {
                        openCandidates(0);
                    }
                    return;
                }
            }
        }
        bool progress = true;
        while (progress) {
            progress = propagate();
            for (const Requirement& req : requirements(assumed)) {
                progress = force(req.node, req.nonZero) || progress;
            }
            for (std::size_t i = 0; i < reads_.size(); ++i) {
                if (rf_[i] >= 0) {
                    const SymEvent& we = es_.events[static_cast<std::size_t>(rf_[i])];
                    progress = equate(es_.events[reads_[i]].address, we.address) || progress;
                }
            }
        }
        for (std::uint32_t e = 0; e < es_.events.size(); ++e) {
            SymId guard = es_.events[e].guard;
            bool tried = std::any_of(assumed.begin(), assumed.end(),
                                     [&](const Requirement& r) { return r.node == guard; });
            if (tried || eval_.value(guard)) {
                continue;
            }
            auto known = eval_.readValues();
            for (bool runs : {true, false}) {
                assumed.push_back({guard, runs});
                solve(assumed);
                assumed.pop_back();
                eval_.restoreReadValues(known);
            }
            return;
        }
        complete(assumed);
    }

    static bool isZero(const std::optional<std::int64_t>& v) { return v && *v == 0; }
    static bool isNonZero(const std::optional<std::int64_t>& v) { return v && *v != 0; }

    // The constraints whose inputs are known (a partial assignment prunes early).
    Verdict check() {
        for (std::size_t i = 0; i < reads_.size(); ++i) {
            if (rf_[i] == kUnassigned) {
                continue;
            }
            const SymEvent& re = es_.events[reads_[i]];
            auto guard = eval_.value(re.guard);
            if (rf_[i] == kNoSource) {
                if (isNonZero(guard)) {
                    return Verdict::Broken;
                }
                continue;
            }
            const SymEvent& we = es_.events[static_cast<std::size_t>(rf_[i])];
            if (isZero(guard) || isZero(eval_.value(we.guard))) {
                return Verdict::Broken;
            }
            auto ra = eval_.value(re.address);
            auto wa = eval_.value(we.address);
            if (ra && wa && *ra != *wa) {
                return Verdict::Broken;
            }
        }
        for (const auto& [guard, fact] : es_.assumptions) {
            if (isNonZero(eval_.value(guard)) && isZero(eval_.value(fact))) {
                return Verdict::Broken;
            }
        }
        for (std::uint32_t k = 0; k < es_.choiceGuards.size() && k < es_.choiceCount; ++k) {
            if (eval_.choice(k) == true && isZero(eval_.value(es_.choiceGuards[k]))) {
                return Verdict::Broken;
            }
        }
        return singleCopyAtomicityHolds() ? Verdict::Fine : Verdict::Broken;
    }

    // The addresses a group's events access, sorted; nullopt while one is unknown.
    std::optional<std::vector<std::int64_t>> footprint(const model::AccessGroup& group) {
        std::vector<std::int64_t> out;
        for (std::uint32_t e : group.events) {
            auto a = eval_.value(es_.events[e].address);
            if (!a) {
                return std::nullopt;
            }
            out.push_back(*a);
        }
        std::sort(out.begin(), out.end());
        return out;
    }

    bool isReadGroup(const model::AccessGroup& group) const {
        return std::all_of(group.events.begin(), group.events.end(),
                           [&](std::uint32_t e) { return es_.events[e].inSet("R"); });
    }

    // Byte-granular tests (event_structure.hpp, AccessGroup), after Flur et al.: where the
    // footprints of a single-copy-atomic read and a single-copy-atomic write (not an initial
    // one) intersect, the read takes all of those bytes from that write or none of them.
    // Checked on the sources chosen so far: a byte that reads from such a write needs every
    // other byte of the read in the write's footprint to read from it too, so a partial
    // assignment is pruned as soon as it breaks the rule.
    bool singleCopyAtomicityHolds() {
        for (const model::AccessGroup& group : es_.accessGroups) {
            if (!group.singleCopyAtomic || group.events.empty() || !isReadGroup(group) ||
                !footprint(group)) {
                continue;
            }
            for (std::uint32_t e : group.events) {
                const std::int64_t w = rf_[static_cast<std::size_t>(readIndex_[e])];
                if (w < 0) {
                    continue;
                }
                const std::uint32_t wg = es_.groupOf[static_cast<std::size_t>(w)];
                if (wg == model::EventStructure::kNoGroup ||
                    !es_.accessGroups[wg].singleCopyAtomic ||
                    es_.events[static_cast<std::size_t>(w)].thread < 0) {
                    continue;
                }
                auto writeBytes = footprint(es_.accessGroups[wg]);
                if (!writeBytes) {
                    continue;
                }
                for (std::uint32_t other : group.events) {
                    const std::int64_t source = rf_[static_cast<std::size_t>(readIndex_[other])];
                    auto a = eval_.value(es_.events[other].address);
                    if (source == kUnassigned || !a ||
                        !std::binary_search(writeBytes->begin(), writeBytes->end(), *a)) {
                        continue;
                    }
                    if (source < 0 || es_.groupOf[static_cast<std::size_t>(source)] != wg) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    // Every rf source is chosen and no constraint is broken so far: read the candidate off,
    // or drop it when a value it needs is still unknown.
    void complete(const std::vector<Requirement>& assumed) {
        if (check() == Verdict::Broken) {
            return;
        }
        for (const Requirement& req : assumed) {
            auto v = eval_.value(req.node);
            if (v && (*v != 0) != req.nonZero) {
                return;
            }
        }
        // A read's value, learnt from a requirement, must still be its source's value.
        for (std::size_t i = 0; i < reads_.size(); ++i) {
            if (rf_[i] >= 0) {
                auto source = eval_.value(es_.events[static_cast<std::size_t>(rf_[i])].value);
                auto read = eval_.readValue(reads_[i]);
                if (source && read && *source != *read) {
                    return;
                }
            }
        }
        std::size_t n = es_.events.size();
        solver::Candidate c;
        c.executed.resize(n);
        c.rfSource.resize(n);
        c.values.resize(n);
        c.addresses.resize(n);
        c.finalWrite.resize(es_.locations.cellCount());
        bool determined = true;
        auto need = [&](const std::optional<std::int64_t>& v) {
            determined = determined && v.has_value();
            return v.value_or(0);
        };
        for (std::uint32_t e = 0; e < n; ++e) {
            const SymEvent& ev = es_.events[e];
            c.executed[e] = need(eval_.value(ev.guard)) != 0;
            auto address = eval_.value(ev.address);
            auto value = eval_.value(ev.value);
            c.addresses[e] = c.executed[e] ? need(address) : address.value_or(0);
            c.values[e] = c.executed[e] ? need(value) : value.value_or(0);
        }
        for (std::size_t i = 0; i < reads_.size(); ++i) {
            if (rf_[i] >= 0) {
                c.rfSource[reads_[i]] = static_cast<std::uint32_t>(rf_[i]);
            }
        }
        for (const auto& [thread, registers] : es_.finalRegisters) {
            for (const auto& [name, node] : registers) {
                c.registers[thread][name] = need(eval_.value(node));
            }
        }
        for (const auto& [guard, fact] : es_.assumptions) {
            if (need(eval_.value(guard)) != 0 && need(eval_.value(fact)) == 0) {
                return;
            }
        }
        for (std::uint32_t k = 0; k < es_.choiceGuards.size() && k < es_.choiceCount; ++k) {
            if (eval_.choice(k) == true && need(eval_.value(es_.choiceGuards[k])) == 0) {
                return;
            }
        }
        if (!determined) {
            openCandidates(0);
            return;
        }
        emit(c, {});
    }

    // herd7's rule for values rf leaves open (docs/oota.md), stated on its own: herd forks at
    // every branch it reaches, so each side whose condition rf does not decide is tried, with
    // the condition taken as that side; what stays open must be a class of reads each of which
    // copies the value of another read of the class (`*y = r` with r read, `r + 0`, `r | 0`).
    // Such a class is kept as one symbolic value; anything else open is an unsolved equation,
    // and herd drops the candidate.
    void openCandidates(std::size_t firstBranch) {
        while (propagate()) {
        }
        if (forkAtAnAssignment(firstBranch)) {
            return;
        }
        for (std::size_t b = firstBranch; b < es_.branches.size(); ++b) {
            const model::Branch& branch = es_.branches[b];
            if (!isNonZero(eval_.value(branch.guard)) || eval_.value(branch.taken)) {
                continue;
            }
            auto known = eval_.readValues();
            for (std::int64_t side : {1, 0}) {
                eval_.setForced(branch.taken, side);
                forcedSides_.emplace_back(b, side);
                openCandidates(b + 1);
                forcedSides_.pop_back();
                eval_.setForced(branch.taken, std::nullopt);
                eval_.restoreReadValues(known);
            }
            return;
        }
        openCandidate();
    }

    // herd's assignments (a successful cmpxchg reads `old`, a failed atomic_add_unless reads
    // `u`, a successful C11 compare-exchange reads *expected) are one side of a fork; the other
    // side is the condition `read != old` (neqT). Where a running read's value is still open,
    // both sides are tried, each with everything else rf and the other assignments decide:
    // the assigning side gives the read the assigned value, and herd equates each read with the
    // value its source writes, so the read that value copies takes it too, and so on round the
    // cycle; the other side needs the read's value, in the end, known and different
    // (openCandidate). Trying one assignment at a time matters: a read open now may be fixed
    // by another assignment (fuzz seed 903206).
    bool forkAtAnAssignment(std::size_t firstBranch) {
        for (std::size_t q = 0; q < es_.herdEquations.size(); ++q) {
            const model::EventStructure::HerdEquation& eq = es_.herdEquations[q];
            if (declined_[q] || eval_.readValue(eq.read) ||
                !isNonZero(eval_.value(es_.events[eq.read].guard))) {
                continue;
            }
            const auto v = eval_.value(eq.rhs);
            if (!v) {
                continue;
            }
            const auto known = eval_.readValues();
            for (std::optional<std::uint32_t> read = eq.read; read && !eval_.readValue(*read);) {
                eval_.setReadValue(*read, v);
                const std::int64_t source = rf_[static_cast<std::size_t>(readIndex_[*read])];
                read = source < 0 ? std::nullopt
                                  : copiedRead(es_.events[static_cast<std::size_t>(source)].value);
            }
            openCandidates(firstBranch);
            eval_.restoreReadValues(known);
            declined_[q] = true;
            openCandidates(firstBranch);
            declined_[q] = false;
            return true;
        }
        return false;
    }

    // The read whose value `node` copies (herd makes no equation for `r + 0` or `r | 0`).
    std::optional<std::uint32_t> copiedRead(SymId node) {
        const SymNode& n = es_.nodes[node];
        if (n.op == model::SymOp::ReadValue) {
            return n.event;
        }
        if ((n.op == model::SymOp::Add || n.op == model::SymOp::BitOr) && n.operands.size() == 2) {
            for (int side = 0; side < 2; ++side) {
                const SymId zero = n.operands[static_cast<std::size_t>(side)];
                if (!dependsOnRead(zero) && eval_.value(zero) == std::optional<std::int64_t>(0)) {
                    return copiedRead(n.operands[static_cast<std::size_t>(1 - side)]);
                }
            }
        }
        return std::nullopt;
    }

    bool dependsOnRead(SymId node) {
        const SymNode& n = es_.nodes[node];
        return n.op == model::SymOp::ReadValue ||
               std::any_of(n.operands.begin(), n.operands.end(),
                           [&](SymId o) { return dependsOnRead(o); });
    }

    void openCandidate() {
        // The reads still unknown are herd's open variables: from here on, herd's algebra.
        struct HerdAlgebra {
            PartialEvaluator& eval;
            explicit HerdAlgebra(PartialEvaluator& e) : eval(e) { eval.setHerdAlgebra(true); }
            ~HerdAlgebra() { eval.setHerdAlgebra(false); }
            HerdAlgebra(const HerdAlgebra&) = delete;
            HerdAlgebra& operator=(const HerdAlgebra&) = delete;
        } herdAlgebra{eval_};
        const std::size_t n = es_.events.size();
        auto undetermined = [&]() { ++stats_.undetermined; };
        // An assignment's other side: herd's `read != old`, which an open read leaves unsolved.
        for (std::size_t q = 0; q < es_.herdEquations.size(); ++q) {
            if (!declined_[q]) {
                continue;
            }
            const auto seen = eval_.readValue(es_.herdEquations[q].read);
            if (!seen) {
                return undetermined();
            }
            if (*seen == eval_.value(es_.herdEquations[q].rhs)) {
                return;  // the assigning side's candidate
            }
        }
        // Each side taken must be the condition's value, computed (herd's `c := 1`).
        for (const auto& [b, side] : forcedSides_) {
            auto real = eval_.computed(es_.branches[b].taken);
            if (!real) {
                return undetermined();
            }
            if ((*real != 0) != (side != 0)) {
                return;
            }
        }
        // Classes of open reads joined by copies.
        std::vector<std::uint32_t> cls(n);
        for (std::uint32_t e = 0; e < n; ++e) {
            cls[e] = e;
        }
        std::function<std::uint32_t(std::uint32_t)> root = [&](std::uint32_t e) {
            return cls[e] == e ? e : root(cls[e]);
        };
        std::vector<bool> open(n, false);
        for (std::size_t i = 0; i < reads_.size(); ++i) {
            open[reads_[i]] = rf_[i] >= 0 && !eval_.readValue(reads_[i]);
        }
        for (std::size_t i = 0; i < reads_.size(); ++i) {
            if (!open[reads_[i]]) {
                continue;
            }
            auto copied = copiedRead(es_.events[static_cast<std::size_t>(rf_[i])].value);
            if (!copied || !open[*copied]) {
                return undetermined();
            }
            cls[root(reads_[i])] = root(*copied);
        }
        // herd's name for a class (docs/oota.md): the highest of its variables.
        std::map<std::uint32_t, std::uint32_t> names;
        auto number = [&](std::uint32_t e) {
            return e < es_.herdVariables.size() ? es_.herdVariables[e] : 0;
        };
        solver::Candidate c;
        c.executed.resize(n);
        c.rfSource.resize(n);
        c.values.resize(n);
        c.addresses.resize(n);
        c.symbolic.assign(n, 0);
        c.finalWrite.resize(es_.locations.cellCount());
        for (std::uint32_t e = 0; e < n; ++e) {
            const SymEvent& ev = es_.events[e];
            auto guard = eval_.value(ev.guard);
            if (!guard) {
                return undetermined();
            }
            c.executed[e] = *guard != 0;
            if (!c.executed[e] || ev.kind == EventKind::Fence) {
                continue;
            }
            auto address = eval_.value(ev.address);
            if (!address) {
                return undetermined();
            }
            c.addresses[e] = *address;
            if (auto v = eval_.value(ev.value)) {
                c.values[e] = *v;
                continue;
            }
            auto copied = copiedRead(ev.value);
            if (!copied || !open[*copied]) {
                return undetermined();
            }
            std::uint32_t& name = names[root(*copied)];
            name = std::max({name, number(e), number(*copied)});
        }
        // A structure built without herd's numbers (unit tests): one more than the class's
        // first read.
        for (std::uint32_t e = 0; e < n; ++e) {
            if (open[e] && names.count(root(e)) && names[root(e)] == 0) {
                names[root(e)] = e + 1;
            }
        }
        for (std::size_t i = 0; i < reads_.size(); ++i) {
            // rf was chosen before herd's assignments fixed some guards: a read runs iff it
            // reads, and only from a write that runs.
            if (c.executed[reads_[i]] != (rf_[i] >= 0) ||
                (rf_[i] >= 0 && !c.executed[static_cast<std::size_t>(rf_[i])])) {
                return;
            }
            if (rf_[i] < 0) {
                continue;
            }
            c.rfSource[reads_[i]] = static_cast<std::uint32_t>(rf_[i]);
            // An assigned read must see what its source writes (herd's `0 := 2`).
            const auto seen = eval_.readValue(reads_[i]);
            const auto written = eval_.value(es_.events[static_cast<std::size_t>(rf_[i])].value);
            if (seen && written && *seen != *written) {
                return;
            }
        }
        // Where the event builder recorded herd's register events, herd's own union-find
        // names each value (solver/herd_names.hpp); the checker takes those names as given,
        // since no independent statement of them is simpler than herd's algorithm.
        const auto exact =
            std::find(open.begin(), open.end(), true) == open.end()
                ? std::nullopt
                : solver::herdNames(es_, c, [&](SymId id) { return eval_.value(id); });
        for (std::uint32_t e = 0; e < n; ++e) {
            if (c.executed[e] && es_.events[e].kind != EventKind::Fence &&
                !eval_.value(es_.events[e].value)) {
                const std::uint32_t herds = exact ? exact->nameOf(number(e)) : 0;
                c.symbolic[e] = herds != 0 ? herds : names[root(*copiedRead(es_.events[e].value))];
            }
        }
        for (const auto& [thread, registers] : es_.finalRegisters) {
            for (const auto& [name, node] : registers) {
                auto v = eval_.value(node);
                c.registers[thread][name] = v.value_or(0);
                if (v) {
                    continue;
                }
                auto copied = copiedRead(node);
                if (!copied || !open[*copied]) {
                    return undetermined();
                }
                const std::uint32_t herds = exact ? exact->finalNameOf(thread, name) : 0;
                c.symbolicRegisters[thread][name] = herds != 0 ? herds : names[root(*copied)];
            }
        }
        for (const auto& [guard, fact] : es_.assumptions) {
            auto g = eval_.value(guard);
            auto f = eval_.value(fact);
            if (!g || (*g != 0 && !f)) {
                return undetermined();
            }
            if (*g != 0 && *f == 0) {
                return;
            }
        }
        // An operator that ran on an open value and is no copy: herd's equation for it is
        // unsolved, even where nothing uses its result.
        for (const model::EventStructure::HerdOperator& op : es_.herdOperators) {
            auto g = eval_.value(op.guard);
            if (!g) {
                return undetermined();
            }
            if (*g != 0 && !eval_.value(op.value)) {
                auto copied = copiedRead(op.value);
                if (!copied || !open[*copied]) {
                    return undetermined();
                }
            }
        }
        std::vector<std::int64_t> sides;
        for (const auto& [b, side] : forcedSides_) {
            sides.push_back(static_cast<std::int64_t>(b));
            sides.push_back(side);
        }
        emit(c, sides);
    }

    void emit(solver::Candidate& c, const std::vector<std::int64_t>& sides) {
        const std::size_t n = es_.events.size();
        std::vector<std::int64_t> key;
        for (std::uint32_t e = 0; e < n; ++e) {
            key.push_back(c.executed[e] ? 1 : 0);
        }
        key.insert(key.end(), rf_.begin(), rf_.end());
        for (const auto& [k, v] : usedChoices(c)) {
            key.push_back(k);
            key.push_back(v ? 1 : 0);
        }
        key.push_back(-2);  // the sides of the branches a cycle leaves open
        key.insert(key.end(), sides.begin(), sides.end());
        chooseFinals(c, 0, key);
    }

    // Choices reachable from what the candidate runs, its final registers and its active
    // assumptions, through the taken side of each Ite (a choice in a branch not taken is not
    // part of the candidate's identity).
    std::vector<std::pair<std::int64_t, bool>> usedChoices(const solver::Candidate& c) {
        std::set<std::int64_t> used;
        std::vector<bool> seen(es_.nodes.size(), false);
        std::vector<SymId> stack;
        auto push = [&](SymId id) {
            if (!seen[id]) {
                seen[id] = true;
                stack.push_back(id);
            }
        };
        for (std::uint32_t e = 0; e < es_.events.size(); ++e) {
            if (c.executed[e]) {
                push(es_.events[e].guard);
                if (es_.events[e].kind != EventKind::Fence) {
                    push(es_.events[e].address);
                    push(es_.events[e].value);
                }
            }
        }
        for (const auto& [thread, registers] : es_.finalRegisters) {
            for (const auto& [name, node] : registers) {
                push(node);
            }
        }
        for (const auto& [guard, fact] : es_.assumptions) {
            if (isNonZero(eval_.value(guard))) {
                push(guard);
                push(fact);
            }
        }
        while (!stack.empty()) {
            const SymNode& node = es_.nodes[stack.back()];
            stack.pop_back();
            if (node.op == model::SymOp::Choice) {
                used.insert(node.value);
            } else if (node.op == model::SymOp::Ite) {
                push(node.operands[0]);
                push(node.operands[isNonZero(eval_.value(node.operands[0])) ? 1 : 2]);
            } else {
                for (SymId operand : node.operands) {
                    push(operand);
                }
            }
        }
        std::vector<std::pair<std::int64_t, bool>> out;
        for (std::int64_t k : used) {
            out.emplace_back(k, eval_.choice(static_cast<std::uint32_t>(k)).value_or(false));
        }
        return out;
    }

    // The final-write options of observed cell `cell` (a location, or one byte of it in
    // byte-granular tests) in candidate `c`.
    std::optional<std::vector<std::uint32_t>> finalOptions(const solver::Candidate& c,
                                                           std::uint32_t cell) const {
        std::int64_t address = es_.locations.cellAddress(cell);
        auto writesHere = [&](std::uint32_t e) {
            return es_.events[e].kind == EventKind::Write && c.executed[e] &&
                   c.addresses[e] == address;
        };
        bool threadWriteRuns = false;
        bool hasInitialWrite = false;
        for (std::uint32_t w = 0; w < es_.events.size(); ++w) {
            const SymEvent& we = es_.events[w];
            if (we.kind != EventKind::Write) {
                continue;
            }
            auto a = constant(we.address);
            hasInitialWrite = hasInitialWrite || (we.thread < 0 && (!a || *a == address));
            threadWriteRuns = threadWriteRuns || (we.thread >= 0 && writesHere(w));
        }
        std::vector<std::uint32_t> options;
        for (std::uint32_t w = 0; w < es_.events.size(); ++w) {
            const SymEvent& we = es_.events[w];
            if (!writesHere(w)) {
                continue;
            }
            if (we.thread < 0) {
                if (!threadWriteRuns) {
                    options.push_back(w);
                }
                continue;
            }
            bool overwritten = false;
            for (std::uint32_t later = 0; later < es_.events.size(); ++later) {
                const SymEvent& le = es_.events[later];
                overwritten = overwritten || (le.thread == we.thread && le.poIndex > we.poIndex &&
                                              writesHere(later));
            }
            if (!overwritten) {
                options.push_back(w);
            }
        }
        if (options.empty() && hasInitialWrite) {
            return std::nullopt;  // some final write is required and none qualifies
        }
        return options;
    }

    void chooseFinals(solver::Candidate& c, std::size_t next, std::vector<std::int64_t>& key) {
        if (limitReached()) {
            return;
        }
        if (next == observedCells_.size()) {
            if (!seen_.insert(key).second) {
                ++stats_.duplicates;
                return;
            }
            ++stats_.candidates;
            if (!onCandidate_(c)) {
                stats_.stopped = true;
            }
            return;
        }
        std::uint32_t l = observedCells_[next];
        auto options = finalOptions(c, l);
        if (!options) {
            return;
        }
        if (options->empty()) {
            c.finalWrite[l] = std::nullopt;
            key.push_back(kNoSource);
            chooseFinals(c, next + 1, key);
            key.pop_back();
            return;
        }
        for (std::uint32_t w : *options) {
            c.finalWrite[l] = w;
            key.push_back(w);
            chooseFinals(c, next + 1, key);
            key.pop_back();
        }
        c.finalWrite[l] = std::nullopt;
    }

    const model::EventStructure& es_;
    const std::function<bool(const solver::Candidate&)>& onCandidate_;
    BruteForceLimits limits_;
    std::chrono::steady_clock::time_point deadline_;
    PartialEvaluator eval_;
    std::vector<std::uint32_t> reads_;                 // "R" events, in event order
    std::vector<std::vector<std::uint32_t>> sources_;  // per read: the writes it may read
    std::vector<std::int64_t> rf_;                     // per read: kUnassigned, kNoSource or w
    std::vector<std::int64_t> readIndex_;              // per event: index into reads_, or -1
    std::vector<std::uint32_t> observedCells_;         // cells of the observed locations
    std::set<std::vector<std::int64_t>> seen_;         // candidate identities emitted
    std::vector<std::pair<std::size_t, std::int64_t>> forcedSides_;  // (branch, side) tried
    std::vector<bool> declined_;  // per herd equation: its other side is tried
    BruteForceStats stats_;
};

}  // namespace

BruteForceStats enumerateByBruteForce(
    const model::EventStructure& events, const std::vector<bool>& observed,
    const std::function<bool(const solver::Candidate&)>& onCandidate,
    const BruteForceLimits& limits) {
    return Search(events, observed, onCandidate, limits).run();
}

}  // namespace memx::bruteforce
