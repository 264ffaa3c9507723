#include "tests/bruteforce/brute_force_enumerator.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>

#include "tests/bruteforce/partial_evaluator.hpp"

namespace memx::bruteforce {

namespace {

using model::EventKind;
using model::SymEvent;
using model::SymId;

constexpr std::int64_t kUnassigned = -2;
constexpr std::int64_t kNoSource = -1;

bool inSet(const SymEvent& e, const char* name) {
    return std::find(e.sets.begin(), e.sets.end(), name) != e.sets.end();
}

// What the inputs known so far say about the constraints: one is broken, or none is broken
// and some may still be open.
enum class Verdict { Broken, Fine };

class Search {
public:
    Search(const model::EventStructure& es, const std::vector<bool>& observed,
           const std::function<bool(const solver::Candidate&)>& onCandidate,
           const BruteForceLimits& limits)
        : es_(es), onCandidate_(onCandidate), limits_(limits), eval_(es) {
        for (std::uint32_t e = 0; e < es.events.size(); ++e) {
            if (inSet(es.events[e], "R")) {
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
        for (std::uint32_t l = 0; l < es.locations.locations.size(); ++l) {
            if (l < observed.size() && observed[l]) {
                observed_.push_back(l);
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
            if (w == r || !inSet(we, "W")) {
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
        if (stats_.candidates >= limits_.maxCandidates || stats_.steps >= limits_.maxSteps) {
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
            complete();
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
        bool progress = true;
        while (progress) {
            progress = false;
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
        }
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
        return Verdict::Fine;
    }

    // Every rf source is chosen and no constraint is broken so far: read the candidate off,
    // or drop it when a value it needs is still unknown.
    void complete() {
        std::size_t n = es_.events.size();
        solver::Candidate c;
        c.executed.resize(n);
        c.rfSource.resize(n);
        c.values.resize(n);
        c.addresses.resize(n);
        c.finalWrite.resize(es_.locations.locations.size());
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
            ++stats_.undetermined;
            return;
        }
        std::vector<std::int64_t> key;
        for (std::uint32_t e = 0; e < n; ++e) {
            key.push_back(c.executed[e] ? 1 : 0);
        }
        key.insert(key.end(), rf_.begin(), rf_.end());
        for (const auto& [k, v] : usedChoices(c)) {
            key.push_back(k);
            key.push_back(v ? 1 : 0);
        }
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

    // The final-write options of observed location `l` in candidate `c`.
    std::optional<std::vector<std::uint32_t>> finalOptions(const solver::Candidate& c,
                                                           std::uint32_t l) const {
        std::int64_t address = es_.locations.locations[l].address;
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
        if (next == observed_.size()) {
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
        std::uint32_t l = observed_[next];
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
    PartialEvaluator eval_;
    std::vector<std::uint32_t> reads_;                 // "R" events, in event order
    std::vector<std::vector<std::uint32_t>> sources_;  // per read: the writes it may read
    std::vector<std::int64_t> rf_;                     // per read: kUnassigned, kNoSource or w
    std::vector<std::uint32_t> observed_;              // observed locations
    std::set<std::vector<std::int64_t>> seen_;         // candidate identities emitted
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
