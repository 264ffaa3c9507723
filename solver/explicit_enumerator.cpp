#include "solver/explicit_enumerator.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <set>

#include "model/events/symbolic_values.hpp"
#include "solver/coherence_pruning.hpp"
#include "solver/herd_values.hpp"
#include "solver/used_choices.hpp"

namespace memx::solver {

namespace {

using model::EventKind;
using model::SymId;
using model::SymOp;

// What the search decides, in order, and the reads on or after a dependency cycle, whose
// sources it decides last and whose values it computes at each leaf.
struct DecisionPlan {
    std::vector<std::uint32_t> order;
    std::vector<std::uint32_t> lazy;
    // Writes whose guard waits on a read that may read from them, or from writes guarded the
    // same way (the cmpxchg of one thread's lock against another's): whether each runs is
    // guessed before the search, and the guess checked once its guard is known.
    std::vector<std::uint32_t> guessed;
};

// The static flow graph of the header comment. Nodes: events [0, n), then choices [n, n + c).
class FlowGraph {
public:
    explicit FlowGraph(const model::EventStructure& es)
        : es_(es),
          n_(static_cast<std::uint32_t>(es.events.size())),
          deps_(es.nodes.size()),
          succ_(es.events.size() + es.choiceCount),
          indegree_(succ_.size(), 0) {}

    // The reads and choices to decide, in an order where everything each one needs is decided
    // before it, and the reads whose values wait for the leaf (see DecisionPlan); nullopt when
    // the graph has a cycle the search cannot handle.
    std::optional<DecisionPlan> decisionOrder() {
        if (auto plan = orderGuessing({})) {
            return plan;
        }
        // A cycle through the guards of writes: guess whether each guarded write runs. Only
        // where nothing is left for the leaf (no cycle of values), so that every guess is
        // checked against a value the search computes, and herd's solving of open values
        // (docs/oota.md) does not meet a guess.
        // Only writes on or after a cycle (those Kahn could not reach) need a guess, and each
        // guess doubles the search's starts: past kMaxGuesses (2^16 starts) the test is left
        // to the solver.
        std::vector<bool> guess(n_, false);
        std::size_t guesses = 0;
        for (std::uint32_t e = 0; e < n_; ++e) {
            guess[e] = !visited_[e] && es_.events[e].kind == EventKind::Write &&
                       !constant(es_, es_.events[e].guard);
            guesses += guess[e] ? 1 : 0;
        }
        if (guesses == 0 || guesses > kMaxGuesses) {
            return std::nullopt;
        }
        for (auto& next : succ_) {
            next.clear();
        }
        std::fill(indegree_.begin(), indegree_.end(), 0);
        auto plan = orderGuessing(guess);
        if (!plan || !plan->lazy.empty()) {
            return std::nullopt;
        }
        for (std::uint32_t e = 0; e < n_; ++e) {
            if (guess[e]) {
                plan->guessed.push_back(e);
            }
        }
        return plan;
    }

    // decisionOrder with the guards of the events `guessed` marks left out of the graph.
    std::optional<DecisionPlan> orderGuessing(const std::vector<bool>& guessed) {
        for (std::uint32_t e = 0; e < n_; ++e) {
            const model::SymEvent& ev = es_.events[e];
            if (e >= guessed.size() || !guessed[e]) {
                edgesFrom(ev.guard, e);
            }
            if (ev.kind != EventKind::Fence) {
                edgesFrom(ev.address, e);
            }
            if (ev.kind == EventKind::Write) {
                edgesFrom(ev.value, e);
            }
        }
        for (std::uint32_t k = 0; k < es_.choiceCount && k < es_.choiceGuards.size(); ++k) {
            edgesFrom(es_.choiceGuards[k], n_ + k);
        }
        for (std::uint32_t r = 0; r < n_; ++r) {
            if (!es_.events[r].inSet("R")) {
                continue;
            }
            for (std::uint32_t w = 0; w < n_; ++w) {
                if (es_.events[w].inSet("W") && mayReadFrom(es_, w, r)) {
                    addEdge(w, r);
                }
            }
        }
        // Kahn's algorithm, smallest node first, so the order is stable.
        std::set<std::uint32_t> ready;
        for (std::uint32_t v = 0; v < succ_.size(); ++v) {
            if (indegree_[v] == 0) {
                ready.insert(v);
            }
        }
        DecisionPlan plan;
        std::vector<bool>& visited = visited_;
        visited.assign(succ_.size(), false);
        while (!ready.empty()) {
            std::uint32_t v = *ready.begin();
            ready.erase(ready.begin());
            visited[v] = true;
            if (v >= n_ || es_.events[v].inSet("R")) {
                plan.order.push_back(v);
            }
            for (std::uint32_t s : succ_[v]) {
                if (--indegree_[s] == 0) {
                    ready.insert(s);
                }
            }
        }
        // What Kahn could not reach lies on a cycle or after one: its reads wait for the leaf.
        for (std::uint32_t v = 0; v < succ_.size(); ++v) {
            if (!visited[v]) {
                if (v >= n_) {
                    return std::nullopt;  // a choice whose guard waits: cannot be decided
                }
                if (es_.events[v].inSet("R")) {
                    plan.lazy.push_back(v);
                }
            }
        }
        if (!plan.lazy.empty() && !lazyReadsCanWait(visited)) {
            return std::nullopt;
        }
        return plan;
    }

    static bool mayReadFrom(const model::EventStructure& es, std::uint32_t w, std::uint32_t r) {
        if (w == r) {
            return false;
        }
        auto ca = constant(es, es.events[w].address);
        auto cb = constant(es, es.events[r].address);
        if (ca && cb && *ca != *cb) {
            return false;
        }
        const model::SymEvent& we = es.events[w];
        const model::SymEvent& re = es.events[r];
        // As the Z3 encoding: never from a write of the same thread at or after the read.
        return we.thread < 0 || we.thread != re.thread || we.poIndex < re.poIndex;
    }

    static std::optional<std::int64_t> constant(const model::EventStructure& es, SymId node) {
        if (node < es.nodes.size() && es.nodes[node].op == SymOp::Const) {
            return es.nodes[node].value;
        }
        return std::nullopt;
    }

    // The reads and choices a node may depend on (every operand, both sides of each Ite).
    const std::vector<std::uint32_t>& deps(SymId id) {
        if (!deps_[id]) {
            std::vector<std::uint32_t> out;
            const model::SymNode& n = es_.nodes[id];
            if (n.op == SymOp::ReadValue) {
                out.push_back(n.event);
            } else if (n.op == SymOp::Choice) {
                out.push_back(n_ + static_cast<std::uint32_t>(n.value));
            }
            for (SymId operand : n.operands) {
                const auto& sub = deps(operand);
                out.insert(out.end(), sub.begin(), sub.end());
            }
            std::sort(out.begin(), out.end());
            out.erase(std::unique(out.begin(), out.end()), out.end());
            deps_[id] = std::move(out);
        }
        return *deps_[id];
    }

private:
    // Whether the reads Kahn left (`visited` false) can get their values at the leaf: nothing
    // the search decides on (a guard, an address, a choice's guard) and no assumption depends
    // on them, and each write on a cycle passes one read of its cycle on plus or minus known
    // terms. Around a cycle the equation is then v = v + c: no solution when c != 0 (the solver
    // proposes no such candidate), any value when c == 0 (an undetermined candidate).
    bool lazyReadsCanWait(const std::vector<bool>& visited) {
        auto known = [&](SymId node) {
            const auto& d = deps(node);
            return std::all_of(d.begin(), d.end(), [&](std::uint32_t v) { return visited[v]; });
        };
        for (std::uint32_t e = 0; e < n_; ++e) {
            const model::SymEvent& ev = es_.events[e];
            if (!known(ev.guard) || (ev.kind != EventKind::Fence && !known(ev.address))) {
                return false;
            }
        }
        for (SymId guard : es_.choiceGuards) {
            if (!known(guard)) {
                return false;
            }
        }
        for (const auto& [guard, fact] : es_.assumptions) {
            if (!known(guard) || !known(fact)) {
                return false;
            }
        }
        // herd forks at a branch: the search must know its side before the leaf.
        for (const model::Branch& b : es_.branches) {
            if (!known(b.guard) || !known(b.taken)) {
                return false;
            }
        }
        const auto reach = reachability(visited);
        for (std::uint32_t w = 0; w < n_; ++w) {
            if (visited[w] || !es_.events[w].inSet("W") || !reach[w][w]) {
                continue;
            }
            if (es_.events[w].kind != EventKind::Write) {
                return false;  // a source with no value of its own on a cycle: not this shape
            }
            // The reads of w's own cycle (strongly connected with it).
            auto onCycle = [&](std::uint32_t r) {
                return !visited[r] && reach[w][r] && reach[r][w];
            };
            if (cycleReadsIn(es_.events[w].value, onCycle) != 1) {
                return false;
            }
        }
        return true;
    }

    // How many times a read satisfying `onCycle` occurs in `node` as a term added to known
    // values (ReadValue, Add, Sub on the left); -1 when one occurs any other way.
    template <typename OnCycle>
    int cycleReadsIn(SymId node, const OnCycle& onCycle) {
        const auto& d = deps(node);
        if (std::none_of(d.begin(), d.end(),
                         [&](std::uint32_t v) { return v < n_ && onCycle(v); })) {
            return 0;
        }
        const model::SymNode& n = es_.nodes[node];
        if (n.op == SymOp::ReadValue) {
            return 1;
        }
        if (n.op == SymOp::Add || n.op == SymOp::Sub) {
            const int left = cycleReadsIn(n.operands[0], onCycle);
            const int right = cycleReadsIn(n.operands[1], onCycle);
            if (left < 0 || right < 0 || (n.op == SymOp::Sub && right != 0)) {
                return -1;
            }
            return left + right;
        }
        return -1;
    }

    // reach[a][b]: b is reachable from a by one or more edges, for the nodes Kahn left.
    std::vector<std::vector<bool>> reachability(const std::vector<bool>& visited) {
        std::vector<std::vector<bool>> reach(succ_.size());
        for (std::uint32_t from = 0; from < succ_.size(); ++from) {
            if (visited[from]) {
                continue;
            }
            reach[from].assign(succ_.size(), false);
            std::vector<std::uint32_t> stack(succ_[from].begin(), succ_[from].end());
            while (!stack.empty()) {
                std::uint32_t v = stack.back();
                stack.pop_back();
                if (reach[from][v]) {
                    continue;
                }
                reach[from][v] = true;
                stack.insert(stack.end(), succ_[v].begin(), succ_[v].end());
            }
        }
        return reach;
    }

    void edgesFrom(SymId node, std::uint32_t target) {
        for (std::uint32_t d : deps(node)) {
            addEdge(d, target);
        }
    }

    void addEdge(std::uint32_t from, std::uint32_t to) {
        succ_[from].push_back(to);
        ++indegree_[to];
    }

    static constexpr std::size_t kMaxGuesses = 16;

    const model::EventStructure& es_;
    std::uint32_t n_;
    std::vector<bool> visited_;  // the last ordering's Kahn-reached nodes
    std::vector<std::optional<std::vector<std::uint32_t>>> deps_;
    std::vector<std::vector<std::uint32_t>> succ_;
    std::vector<std::uint32_t> indegree_;
};

// Every read value is tied to an rf choice: ReadValue nodes name "R" reads only (as in the Z3
// encoding, where a value node of another event would be a free variable). Lock-family reads
// (LKR, RL, ...) are not in "R" and carry no value, so they are fine.
bool readsAreWellFormed(const model::EventStructure& es) {
    for (const model::SymNode& n : es.nodes) {
        if (n.op == SymOp::Choice &&
            (n.value < 0 || n.value >= static_cast<std::int64_t>(es.choiceCount))) {
            return false;
        }
        if (n.op == SymOp::ReadValue &&
            (n.event >= es.events.size() || !es.events[n.event].inSet("R"))) {
            return false;
        }
    }
    return true;
}

class Search {
public:
    Search(const model::EventStructure& es, const std::vector<bool>& observed, DecisionPlan plan,
           FlowGraph& flow, const std::function<bool(const Candidate&)>& onCandidate,
           std::optional<Clock::time_point> deadline, const std::atomic<bool>* cancel,
           const ExplicitPruning* pruning)
        : es_(es),
          observed_(observed),
          order_(std::move(plan.order)),
          lazy_(std::move(plan.lazy)),
          guessed_(std::move(plan.guessed)),
          onCandidate_(onCandidate),
          deadline_(deadline),
          cancel_(cancel),
          n_(static_cast<std::uint32_t>(es.events.size())),
          memo_(es.nodes.size(), 0),
          memoStamp_(es.nodes.size(), 0),
          readValue_(es.events.size(), 0),
          rf_(es.events.size()),
          choice_(es.choiceCount, 0),
          isLazy_(es.events.size(), false),
          isGuessed_(es.events.size(), false),
          guess_(es.events.size(), false),
          known_(es.nodes.size(), 0),
          knownStamp_(es.nodes.size(), 0),
          resolution_(es.events.size(), Resolution::Pending),
          flow_(flow),
          pruning_(pruning),
          decisionLimit_(pruning && pruning->decisionLimit
                             ? *pruning->decisionLimit
                             : std::numeric_limits<std::uint64_t>::max()) {
        for (std::uint32_t r : lazy_) {
            isLazy_[r] = true;
        }
        order_.insert(order_.end(), lazy_.begin(), lazy_.end());
        prepareGuesses();
        if (pruning_) {
            preparePruning();
        }
        for (std::uint32_t r = 0; r < n_; ++r) {
            if (!es.events[r].inSet("R")) {
                continue;
            }
            for (std::uint32_t w = 0; w < n_; ++w) {
                if (es.events[w].inSet("W") && FlowGraph::mayReadFrom(es, w, r)) {
                    sources_[r].push_back(w);
                }
            }
        }
    }

    EnumerationStats run() {
        if (!pruning_ || !propositionsFail(-1)) {
            guess(0);
        }
        return stats_;
    }

private:
    std::int64_t eval(SymId id) {
        if (memoStamp_[id] == stamp_) {
            return memo_[id];
        }
        const model::SymNode& n = es_.nodes[id];
        auto op = [&](std::size_t i) { return eval(n.operands[i]); };
        std::int64_t v = 0;
        switch (n.op) {
            case SymOp::Const:
                v = n.value;
                break;
            case SymOp::ReadValue:
                v = readValue_[n.event];
                break;
            case SymOp::Choice:
                v = choice_[static_cast<std::size_t>(n.value)];
                break;
            default:
                v = model::operatorValue(n, op);
                break;
        }
        memoStamp_[id] = stamp_;
        memo_[id] = v;
        return v;
    }

    bool executed(std::uint32_t e) {
        return isGuessed_[e] ? guess_[e] : eval(es_.events[e].guard) != 0;
    }

    // ---- Guessed guards (DecisionPlan::guessed) ----
    // Each guessed write is checked at the depth from which its guard is known.
    void prepareGuesses() {
        std::vector<std::int64_t> position(n_ + es_.choiceCount, -1);
        for (std::size_t i = 0; i < order_.size(); ++i) {
            position[order_[i]] = static_cast<std::int64_t>(i);
        }
        checkGuessesAt_.resize(order_.size() + 1);
        for (std::uint32_t w : guessed_) {
            isGuessed_[w] = true;
            std::int64_t at = -1;
            for (std::uint32_t v : flow_.deps(es_.events[w].guard)) {
                at = std::max(at, position[v]);
            }
            // A guard that depends on no decision is checked before the first one (slot 0).
            checkGuessesAt_[static_cast<std::size_t>(at + 1)].push_back(w);
        }
    }

    // Whether a guess checked once the decision at `depth` is made (-1: before any) is wrong.
    bool guessWrong(std::int64_t depth) {
        if (guessed_.empty()) {
            return false;
        }
        for (std::uint32_t w : checkGuessesAt_[static_cast<std::size_t>(depth + 1)]) {
            if ((eval(es_.events[w].guard) != 0) != guess_[w]) {
                return true;
            }
        }
        return false;
    }

    // Runs the search once per assignment of the guesses.
    void guess(std::size_t k) {
        if (k == guessed_.size()) {
            if (!guessWrong(-1)) {
                decide(0);
            }
            return;
        }
        for (bool runs : {true, false}) {
            guess_[guessed_[k]] = runs;
            guess(k + 1);
            if (stop_) {
                return;
            }
        }
    }

    // ---- Values of the lazy reads, computed at the leaf ----
    // A value met while resolving: known, or `root`'s own (unknown) value plus `offset`, when the
    // resolution walked back into `root`, a read still being resolved: a dependency cycle.
    struct Term {
        std::int64_t offset = 0;
        std::optional<std::uint32_t> root;
    };
    enum class Resolution : std::uint8_t { Pending, InProgress, Done };
    enum class CycleOutcome : std::uint8_t { None, NoSolution, AnyValue };

    // Fills readValue_ for every lazy read from its rf source. The worst cycle decides: one
    // without a solution removes the candidate; one where every value solves it leaves the
    // values undetermined (herd drops such candidates, and the Z3 enumeration counts them).
    CycleOutcome resolveLazyReads() {
        for (std::uint32_t r : lazy_) {
            resolution_[r] = Resolution::Pending;
        }
        ++stamp_;  // eval's memo may hold values computed from the placeholders
        CycleOutcome outcome = CycleOutcome::None;
        for (std::uint32_t r : lazy_) {
            resolveRead(r, outcome);
            if (outcome == CycleOutcome::NoSolution) {
                break;
            }
        }
        ++stamp_;
        return outcome;
    }

    Term resolveRead(std::uint32_t r, CycleOutcome& outcome) {
        if (!isLazy_[r] || resolution_[r] == Resolution::Done || !rf_[r]) {
            return {readValue_[r], std::nullopt};
        }
        if (resolution_[r] == Resolution::InProgress) {
            return {0, r};
        }
        resolution_[r] = Resolution::InProgress;
        Term t = resolveNode(es_.events[*rf_[r]].value, outcome);
        resolution_[r] = Resolution::Pending;
        if (t.root == r) {
            // v = v + offset around the cycle.
            if (outcome != CycleOutcome::NoSolution) {
                outcome = t.offset == 0 ? CycleOutcome::AnyValue : CycleOutcome::NoSolution;
            }
            t = {0, std::nullopt};
            readValue_[r] = 0;
            resolution_[r] = Resolution::Done;
            return t;
        }
        if (!t.root) {
            readValue_[r] = t.offset;
            resolution_[r] = Resolution::Done;
        }
        return t;  // still relative to an outer read of the cycle
    }

    // The value of a node whose reads may be lazy. Only Add and Sub carry a cycle's unknown
    // (FlowGraph::lazyReadsCanWait checked that); other nodes see known values only.
    Term resolveNode(SymId id, CycleOutcome& outcome) {
        if (knownStamp_[id] == stamp_) {
            return {known_[id], std::nullopt};
        }
        Term t = resolveNodeOnce(id, outcome);
        if (!t.root) {  // final: it met no read still being resolved
            knownStamp_[id] = stamp_;
            known_[id] = t.offset;
        }
        return t;
    }

    Term resolveNodeOnce(SymId id, CycleOutcome& outcome) {
        const model::SymNode& n = es_.nodes[id];
        switch (n.op) {
            case SymOp::Const:
                return {n.value, std::nullopt};
            case SymOp::Choice:
                return {choice_[static_cast<std::size_t>(n.value)], std::nullopt};
            case SymOp::ReadValue:
                return resolveRead(n.event, outcome);
            default:
                break;
        }
        std::vector<Term> operands;
        operands.reserve(n.operands.size());
        std::optional<std::uint32_t> root;
        for (SymId operand : n.operands) {
            operands.push_back(resolveNode(operand, outcome));
            root = root ? root : operands.back().root;
        }
        if (root && (n.op == SymOp::Add || n.op == SymOp::Sub)) {
            return {model::binaryValue(n.op, operands[0].offset, operands[1].offset), root};
        }
        if (root) {
            // Cannot happen after lazyReadsCanWait; treated as a value nothing determines.
            outcome = outcome == CycleOutcome::NoSolution ? outcome : CycleOutcome::AnyValue;
            return {0, std::nullopt};
        }
        return {model::operatorValue(n, [&](std::size_t i) { return operands[i].offset; }),
                std::nullopt};
    }

    // An undetermined candidate counts once per final-write choice, as the Z3 enumeration
    // meets it once per choice.
    void countUndetermined() {
        Candidate c;
        c.executed.resize(n_);
        c.addresses.resize(n_);
        for (std::uint32_t e = 0; e < n_; ++e) {
            c.executed[e] = executed(e);
            c.addresses[e] = eval(es_.events[e].address);
        }
        std::uint64_t ways = 1;
        for (std::uint32_t l = 0; l < es_.locations.locations.size(); ++l) {
            if (l < observed_.size() && observed_[l]) {
                ways *= std::max<std::size_t>(1, finalWriteOptions(c, l).size());
            }
        }
        stats_.undetermined += ways;
    }

    bool mustStop() {
        if (stop_) {
            return true;
        }
        if ((cancel_ && cancel_->load()) || (deadline_ && Clock::now() > *deadline_)) {
            stats_.timedOut = true;
            stop_ = true;
        }
        return stop_;
    }

    void decide(std::size_t i) {
        if (mustStop()) {
            return;
        }
        if (++stats_.decisions > decisionLimit_) {
            stats_.overWork = true;
            stop_ = true;
            return;
        }
        if (i == order_.size()) {
            leaf();
            return;
        }
        const std::uint32_t v = order_[i];
        if (v >= n_) {  // a free choice: fixed to 0 where its call does not run
            const std::uint32_t k = v - n_;
            const bool runs = k < es_.choiceGuards.size() && eval(es_.choiceGuards[k]) != 0;
            for (std::int64_t value :
                 runs ? std::vector<std::int64_t>{0, 1} : std::vector<std::int64_t>{0}) {
                choice_[k] = value;
                ++stamp_;
                if (!guessWrong(static_cast<std::int64_t>(i)) && !cut(i, v)) {
                    decide(i + 1);
                }
            }
            choice_[k] = 0;
            ++stamp_;
            return;
        }
        const std::uint32_t r = v;
        if (!executed(r)) {
            rf_[r].reset();
            readValue_[r] = 0;
            ++stamp_;
            if (!guessWrong(static_cast<std::int64_t>(i)) && !cut(i, v)) {
                decide(i + 1);
            }
            return;
        }
        const std::int64_t address = eval(es_.events[r].address);
        for (std::uint32_t w : sources_[r]) {
            const model::SymEvent& we = es_.events[w];
            if (!executed(w) || eval(we.address) != address) {
                continue;
            }
            // A lazy read's source value may wait on reads not decided yet: the leaf computes it.
            const std::int64_t value = isLazy_[r] ? 0 : eval(we.value);
            rf_[r] = w;
            readValue_[r] = value;
            ++stamp_;
            if (!guessWrong(static_cast<std::int64_t>(i)) && !cut(i, v)) {
                decide(i + 1);
            }
            if (stop_) {
                break;
            }
        }
        rf_[r].reset();
        readValue_[r] = 0;
        ++stamp_;
    }

    // ---- ExplicitPruning ----
    static constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();
    static constexpr std::int64_t kUnset = -2;

    void preparePruning() {
        position_.assign(succ(), kNever);
        for (std::size_t i = 0; i < order_.size(); ++i) {
            position_[order_[i]] = static_cast<std::int64_t>(i);
        }
        readyAt_.assign(es_.nodes.size(), kUnset);
        feedsPropositions_.assign(succ(), false);
        for (const auto& [prop, wanted] : pruning_->propositions) {
            for (SymId input : prop->inputs()) {
                for (std::uint32_t v : flow_.deps(input)) {
                    feedsPropositions_[v] = true;
                }
            }
        }
        rmwWrite_.resize(n_);
        for (const auto& [read, write] : es_.rmw) {
            if (!isLockEvent(es_.events[read]) && !isLockEvent(es_.events[write])) {
                rmwWrite_[read] = write;
                rmwReads_.push_back(read);
            }
        }
        for (std::uint32_t e = 0; e < n_; ++e) {
            const model::SymEvent& ev = es_.events[e];
            if (ev.thread < 0) {
                continue;
            }
            if (ev.inSet("R")) {
                threadReads_[ev.thread].push_back(e);
            }
            if (ev.inSet("W")) {
                threadWrites_[ev.thread].push_back(e);
            }
        }
    }

    std::size_t succ() const { return n_ + es_.choiceCount; }

    // The depth from which `node`'s value is known: every read and choice it depends on is
    // decided (a lazy read's value only at the leaf); -1 for a constant.
    std::int64_t readyAt(SymId node) {
        if (readyAt_[node] == kUnset) {
            std::int64_t at = -1;
            for (std::uint32_t v : flow_.deps(node)) {
                at = std::max(at, v < n_ && isLazy_[v] ? kNever : position_[v]);
            }
            readyAt_[node] = at;
        }
        return readyAt_[node];
    }

    std::optional<std::int64_t> knownAt(SymId node, std::int64_t depth) {
        if (readyAt(node) > depth) {
            return std::nullopt;
        }
        return eval(node);
    }

    // Whether the decision at `depth` (of read or choice `v`) leaves only candidates that
    // `pruning_` cuts.
    bool cut(std::size_t depth, std::uint32_t v) {
        if (!pruning_) {
            return false;
        }
        const auto at = static_cast<std::int64_t>(depth);
        if (pruning_->coherence && v < n_ && rf_[v] && breaksCoherence(at, v)) {
            return true;
        }
        return feedsPropositions_[v] && propositionsFail(at);
    }

    bool propositionsFail(std::int64_t depth) {
        for (const auto& [prop, wanted] : pruning_->propositions) {
            const Truth t = prop->evaluate([&](SymId node) { return knownAt(node, depth); });
            if (t.known() && t != Truth(wanted)) {
                return true;
            }
        }
        return false;
    }

    // A known fact of an event: it runs, and at `address`.
    bool runsAt(std::uint32_t e, std::int64_t address, std::int64_t depth) {
        const model::SymEvent& ev = es_.events[e];
        // A guessed write's running is a fact of this branch (a wrong guess dies with it).
        auto runs = isGuessed_[e] ? std::optional<std::int64_t>(guess_[e] ? 1 : 0)
                                  : knownAt(ev.guard, depth);
        auto where = knownAt(ev.address, depth);
        return runs && *runs != 0 && where && *where == address;
    }

    // coherence_pruning.hpp's rules for read `r`, just given its source, against what is known.
    bool breaksCoherence(std::int64_t depth, std::uint32_t r) {
        const model::SymEvent& re = es_.events[r];
        const std::uint32_t w = *rf_[r];
        const model::SymEvent& source = es_.events[w];
        const std::int64_t address = eval(re.address);
        if (re.thread >= 0) {
            // CoWR: not a write co-before a write of this thread po-before the read.
            for (std::uint32_t other : threadWrites_[re.thread]) {
                const model::SymEvent& oe = es_.events[other];
                if (other != w && oe.poIndex < re.poIndex && alwaysCoBefore(source, oe) &&
                    runsAt(other, address, depth)) {
                    return true;
                }
            }
            // CoRR: of two reads of this thread, the later one's source is not co-before the
            // earlier one's.
            for (std::uint32_t other : threadReads_[re.thread]) {
                if (other == r || !rf_[other] || *rf_[other] == w ||
                    eval(es_.events[other].address) != address) {
                    continue;
                }
                const bool otherFirst = es_.events[other].poIndex < re.poIndex;
                const model::SymEvent& earlier = es_.events[otherFirst ? *rf_[other] : w];
                const model::SymEvent& later = es_.events[otherFirst ? w : *rf_[other]];
                if (alwaysCoBefore(later, earlier)) {
                    return true;
                }
            }
        }
        // Atomicity: two updates whose writes happen do not read from one write.
        if (rmwWrite_[r] && runsAt(*rmwWrite_[r], address, depth)) {
            for (std::uint32_t other : rmwReads_) {
                if (other != r && rf_[other] && *rf_[other] == w &&
                    runsAt(*rmwWrite_[other], eval(es_.events[other].address), depth)) {
                    return true;
                }
            }
        }
        return false;
    }

    void leaf() {
        bool open = false;
        if (!lazy_.empty()) {
            switch (resolveLazyReads()) {
                case CycleOutcome::None:
                    break;
                case CycleOutcome::NoSolution:
                    return;  // v = v + c with c != 0: the solver has no such candidate
                case CycleOutcome::AnyValue:
                    open = true;  // v = v: herd's solving decides (docs/oota.md)
                    break;
            }
        }
        for (const auto& [guard, fact] : es_.assumptions) {
            if (eval(guard) != 0 && eval(fact) == 0) {
                return;
            }
        }
        Candidate c;
        c.executed.resize(n_);
        c.rfSource.resize(n_);
        c.values.resize(n_);
        c.addresses.resize(n_);
        for (std::uint32_t e = 0; e < n_; ++e) {
            const model::SymEvent& ev = es_.events[e];
            c.executed[e] = executed(e);
            c.addresses[e] = eval(ev.address);
            c.values[e] = ev.inSet("R") ? readValue_[e] : eval(ev.value);
            if (c.executed[e]) {
                c.rfSource[e] = rf_[e];
            }
        }
        if (es_.choiceCount > 0 && !firstTime(c)) {
            return;
        }
        for (const auto& [thread, regs] : es_.finalRegisters) {
            for (const auto& [name, node] : regs) {
                c.registers[thread][name] = eval(node);
            }
        }
        if (open) {
            if (!herdValues_) {
                herdValues_.emplace(es_);
            }
            std::vector<bool> sides;
            for (const model::Branch& b : es_.branches) {
                sides.push_back(eval(b.taken) != 0);
            }
            HerdChoices choices{c, choice_, sides};
            switch (herdValues_->solve(choices)) {
                case HerdSolution::Solved:
                    herdValues_->fill(c);
                    break;
                case HerdSolution::Unsolved:
                    countUndetermined();
                    return;
                case HerdSolution::Contradiction:
                    return;
            }
        }
        c.finalWrite.resize(es_.locations.locations.size());
        std::vector<std::pair<std::uint32_t, std::vector<std::uint32_t>>> finals;
        for (std::uint32_t l = 0; l < es_.locations.locations.size(); ++l) {
            if (l < observed_.size() && observed_[l]) {
                auto options = finalWriteOptions(c, l);
                if (!options.empty()) {
                    finals.emplace_back(l, std::move(options));
                }
            }
        }
        chooseFinalWrites(c, finals, 0);
    }

    // The final-write options of location l, as the Z3 encoding's FW choices: any executed
    // Write-kind event to it not followed in its thread by another one (herd's optace), and the
    // initial write only when no thread writes there.
    std::vector<std::uint32_t> finalWriteOptions(const Candidate& c, std::uint32_t l) {
        const std::int64_t address = es_.locations.locations[l].address;
        auto writesHere = [&](std::uint32_t w) {
            return es_.events[w].kind == EventKind::Write && c.executed[w] &&
                   c.addresses[w] == address;
        };
        bool threadWrites = false;
        for (std::uint32_t w = 0; w < n_; ++w) {
            threadWrites = threadWrites || (writesHere(w) && es_.events[w].thread >= 0);
        }
        std::vector<std::uint32_t> options;
        for (std::uint32_t w = 0; w < n_; ++w) {
            if (!writesHere(w)) {
                continue;
            }
            const model::SymEvent& we = es_.events[w];
            if (we.thread < 0) {
                if (!threadWrites) {
                    options.push_back(w);
                }
                continue;
            }
            bool overwritten = false;
            for (std::uint32_t later = 0; later < n_ && !overwritten; ++later) {
                const model::SymEvent& le = es_.events[later];
                overwritten = le.thread == we.thread && le.poIndex > we.poIndex &&
                              le.kind == EventKind::Write && c.executed[later] &&
                              c.addresses[later] == c.addresses[w];
            }
            if (!overwritten) {
                options.push_back(w);
            }
        }
        return options;
    }

    void chooseFinalWrites(
        Candidate& c,
        const std::vector<std::pair<std::uint32_t, std::vector<std::uint32_t>>>& finals,
        std::size_t i) {
        if (stop_) {
            return;
        }
        if (i == finals.size()) {
            ++stats_.candidates;
            if (!onCandidate_(c)) {
                stats_.stopped = true;
                stop_ = true;
            }
            mustStop();
            return;
        }
        for (std::uint32_t w : finals[i].second) {
            c.finalWrite[finals[i].first] = w;
            chooseFinalWrites(c, finals, i + 1);
        }
        c.finalWrite[finals[i].first].reset();
    }

    // Two assignments of the free choices that differ only in choices the candidate does not
    // use are one candidate (the Z3 enumeration blocks used choices only): keep the first.
    bool firstTime(const Candidate& c) {
        std::vector<std::int64_t> key;
        key.reserve(2 * n_ + es_.choiceCount);
        for (std::uint32_t e = 0; e < n_; ++e) {
            key.push_back(c.executed[e] ? 1 : 0);
            key.push_back(c.rfSource[e] ? static_cast<std::int64_t>(*c.rfSource[e]) : -1);
        }
        std::vector<bool> used = usedChoices(es_, c, [&](SymId id) { return eval(id); });
        for (std::uint32_t k = 0; k < es_.choiceCount; ++k) {
            key.push_back(used[k] ? choice_[k] : -1);
        }
        return seen_.insert(std::move(key)).second;
    }

    const model::EventStructure& es_;
    const std::vector<bool>& observed_;
    std::vector<std::uint32_t> order_;    // decided first to last (the lazy reads last)
    std::vector<std::uint32_t> lazy_;     // reads whose values the leaf computes
    std::vector<std::uint32_t> guessed_;  // writes whose running is guessed (DecisionPlan)
    const std::function<bool(const Candidate&)>& onCandidate_;
    std::optional<Clock::time_point> deadline_;
    const std::atomic<bool>* cancel_;
    std::uint32_t n_;

    std::vector<std::int64_t> memo_;
    std::vector<std::uint32_t> memoStamp_;
    std::uint32_t stamp_ = 1;

    std::map<std::uint32_t, std::vector<std::uint32_t>> sources_;
    std::vector<std::int64_t> readValue_;
    std::vector<std::optional<std::uint32_t>> rf_;
    std::vector<std::int64_t> choice_;
    std::set<std::vector<std::int64_t>> seen_;
    std::vector<bool> isLazy_;
    std::vector<bool> isGuessed_;
    std::vector<bool> guess_;                                 // per guessed write: it runs
    std::vector<std::vector<std::uint32_t>> checkGuessesAt_;  // by depth + 1
    std::vector<std::int64_t> known_;  // resolveNode's memo, valid while knownStamp_ == stamp_
    std::vector<std::uint32_t> knownStamp_;
    std::vector<Resolution> resolution_;

    FlowGraph& flow_;
    const ExplicitPruning* pruning_;
    std::uint64_t decisionLimit_;
    std::vector<std::int64_t> position_;  // per read or choice: its depth in order_
    std::vector<std::int64_t> readyAt_;   // per node, kUnset until asked
    std::vector<bool> feedsPropositions_;
    std::vector<std::optional<std::uint32_t>> rmwWrite_;  // per update's read: its write
    std::vector<std::uint32_t> rmwReads_;
    std::map<int, std::vector<std::uint32_t>> threadReads_;
    std::map<int, std::vector<std::uint32_t>> threadWrites_;

    std::optional<HerdValueSolver> herdValues_;
    EnumerationStats stats_;
    bool stop_ = false;
};

}  // namespace

bool explicitEnumerationApplies(const model::EventStructure& events) {
    return !events.byteGranular() && readsAreWellFormed(events) &&
           FlowGraph(events).decisionOrder().has_value();
}

std::optional<EnumerationStats> enumerateCandidatesExplicitly(
    const model::EventStructure& events, const std::vector<bool>& observed,
    const std::function<bool(const Candidate&)>& onCandidate,
    std::optional<Clock::time_point> deadline, const std::atomic<bool>* cancel,
    const ExplicitPruning* pruning) {
    // Byte-granular tests need per-byte final writes and single-copy atomicity: Z3 only.
    if (events.byteGranular() || !readsAreWellFormed(events)) {
        return std::nullopt;
    }
    FlowGraph flow(events);
    auto order = flow.decisionOrder();
    if (!order) {
        return std::nullopt;
    }
    Search search(events, observed, std::move(*order), flow, onCandidate, deadline, cancel,
                  pruning);
    return search.run();
}

double candidateBound(const model::EventStructure& events, const std::vector<bool>& observed) {
    const auto n = static_cast<std::uint32_t>(events.events.size());
    double bound = 1;
    for (std::uint32_t r = 0; r < n; ++r) {
        if (!events.events[r].inSet("R")) {
            continue;
        }
        // A read that may not run has one more way: not running. One whose guard is the
        // constant true has only its sources (a 6-thread RR chain: 2^12, not 3^12).
        const auto guard = FlowGraph::constant(events, events.events[r].guard);
        double sources = guard && *guard != 0 ? 0 : 1;
        for (std::uint32_t w = 0; w < n; ++w) {
            sources += events.events[w].inSet("W") && FlowGraph::mayReadFrom(events, w, r);
        }
        bound *= sources;
    }
    const model::LocationTable& table = events.locations;
    for (std::size_t cell = 0; cell < table.cellCount(); ++cell) {
        const std::size_t l = table.cellLocation(cell);
        if (l >= observed.size() || !observed[l]) {
            continue;
        }
        double writes = 0;
        for (const auto& ev : events.events) {
            auto address = FlowGraph::constant(events, ev.address);
            writes +=
                ev.kind == EventKind::Write && (!address || *address == table.cellAddress(cell));
        }
        bound *= std::max(1.0, writes);
    }
    for (std::uint32_t k = 0; k < events.choiceCount; ++k) {
        bound *= 2;
    }
    return bound;
}

}  // namespace memx::solver
