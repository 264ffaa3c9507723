#include "solver/candidate_enumerator.hpp"

#include <algorithm>
#include <thread>
#include <vector>

#include "solver/candidate_encoding.hpp"
#include "solver/explicit_enumerator.hpp"
#include "solver/herd_values.hpp"
#include "solver/used_choices.hpp"
#include "solver/z3_session.hpp"

namespace memx::solver {

namespace {

std::int64_t evalValue(const z3::model& m, const z3::expr& e) {
    z3::expr v = m.eval(e, true);
    std::uint64_t u = 0;
    if (!v.is_numeral_u64(u)) {
        return 0;
    }
    return static_cast<std::int64_t>(u);
}

bool evalBool(const z3::model& m, const z3::expr& e) {
    return m.eval(e, true).is_true();
}

// Reads a candidate off one Z3 model and remembers which literals describe its choices.
class CandidateReader {
public:
    CandidateReader(CandidateEncoding& enc, const z3::model& m) : enc_(enc), m_(m) {}

    Candidate read() {
        const model::EventStructure& es = enc_.events();
        Candidate c;
        std::size_t n = es.events.size();
        c.executed.resize(n);
        c.rfSource.resize(n);
        c.values.resize(n);
        c.addresses.resize(n);
        c.finalWrite.resize(es.locations.cellCount());
        for (std::uint32_t e = 0; e < n; ++e) {
            c.executed[e] = evalBool(m_, enc_.executed(e));
            const model::SymEvent& ev = es.events[e];
            c.addresses[e] = evalValue(m_, enc_.value(ev.address));
            c.values[e] = evalValue(m_, enc_.value(ev.value));
        }
        for (const auto& rf : enc_.rfChoices()) {
            if (evalBool(m_, rf.chosen)) {
                c.rfSource[rf.read] = rf.write;
            }
        }
        for (const auto& fw : enc_.finalWriteChoices()) {
            if (evalBool(m_, fw.chosen)) {
                c.finalWrite[fw.location] = fw.write;
            }
        }
        for (const auto& [thread, regs] : es.finalRegisters) {
            for (const auto& [name, node] : regs) {
                c.registers[thread][name] = evalValue(m_, enc_.value(node));
            }
        }
        return c;
    }

    // The conjunction that pins this candidate's choices: executed events, rf, final writes
    // and the free choices that the candidate actually uses.
    z3::expr choiceLiterals(const Candidate& c) {
        const model::EventStructure& es = enc_.events();
        z3::context& ctx = enc_.value(0).ctx();
        z3::expr_vector lits(ctx);
        auto pin = [&](const z3::expr& b, bool v) { lits.push_back(v ? b : !b); };
        for (std::uint32_t e = 0; e < es.events.size(); ++e) {
            pin(enc_.executed(e), c.executed[e]);
        }
        for (const auto& rf : enc_.rfChoices()) {
            pin(rf.chosen, c.rfSource[rf.read] == rf.write);
        }
        for (const auto& fw : enc_.finalWriteChoices()) {
            pin(fw.chosen, c.finalWrite[fw.location] == fw.write);
        }
        std::vector<bool> used = usedChoices(
            enc_.events(), c, [&](model::SymId id) { return evalValue(m_, enc_.value(id)); });
        for (std::size_t k = 0; k < used.size(); ++k) {
            if (used[k]) {
                const z3::expr& var = enc_.freeChoices().at(static_cast<std::int64_t>(k));
                pin(var, evalBool(m_, var));
            }
        }
        if (enc_.valuesMayBeUndetermined()) {
            // herd forks at each branch reached (docs/oota.md): where a cycle leaves the
            // condition's value open, each side is a candidate of its own.
            const auto zero = ctx.bv_val(0, 64);
            for (const model::Branch& b : es.branches) {
                if (evalValue(m_, enc_.value(b.guard)) != 0) {
                    z3::expr taken = enc_.value(b.taken) != zero;
                    pin(taken, evalBool(m_, taken));
                }
            }
        }
        return z3::mk_and(lits);
    }

    // The side of each branch in this model (EventStructure::branches).
    std::vector<bool> branchSides() {
        std::vector<bool> sides;
        for (const model::Branch& b : enc_.events().branches) {
            sides.push_back(evalValue(m_, enc_.value(b.taken)) != 0);
        }
        return sides;
    }

    std::vector<std::int64_t> choiceValues() {
        std::vector<std::int64_t> values(enc_.events().choiceCount, 0);
        for (const auto& [k, var] : enc_.freeChoices()) {
            if (k >= 0 && static_cast<std::size_t>(k) < values.size()) {
                values[static_cast<std::size_t>(k)] = evalBool(m_, var) ? 1 : 0;
            }
        }
        return values;
    }

private:
    CandidateEncoding& enc_;
    const z3::model& m_;
};

// True when the candidate's choices admit only its values for the reads it executes.
CheckResult valuesDetermined(Z3Session& session, CandidateEncoding& enc, const Candidate& c,
                             const z3::expr& choices) {
    z3::context& ctx = session.context();
    z3::expr_vector differs(ctx);
    for (std::uint32_t e = 0; e < c.executed.size(); ++e) {
        if (c.executed[e] && enc.isRead(e)) {
            const model::SymEvent& ev = enc.events().events[e];
            differs.push_back(enc.value(ev.value) !=
                              ctx.bv_val(static_cast<std::uint64_t>(c.values[e]), 64));
        }
    }
    if (differs.empty()) {
        return CheckResult::Sat;
    }
    Z3Session::Scope scope(session);
    session.add(choices);
    session.add(z3::mk_or(differs));
    CheckResult r = session.check();
    if (r == CheckResult::Unknown) {
        return r;
    }
    return r == CheckResult::Unsat ? CheckResult::Sat : CheckResult::Unsat;
}

// Interrupts the session's Z3 context once `*cancel` becomes true: a single check can run for
// seconds, and Z3_interrupt is the one call Z3 allows from another thread. Polls every 10 ms;
// joins (and stops polling) when destroyed, which must happen before the session goes.
class CancelWatcher {
public:
    CancelWatcher(Z3Session& session, const std::atomic<bool>* cancel) {
        if (!cancel) {
            return;
        }
        thread_ = std::jthread([&session, cancel](std::stop_token stop) {
            while (!stop.stop_requested()) {
                if (cancel->load()) {
                    session.context().interrupt();
                    return;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
        });
    }

private:
    std::jthread thread_;
};

}  // namespace

std::optional<Clock::time_point> deadlineAfter(std::optional<double> seconds,
                                               Clock::time_point start) {
    if (!seconds) {
        return std::nullopt;
    }
    return start +
           std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(*seconds));
}

EnumerationStats enumerateCandidates(const model::EventStructure& events,
                                     const std::vector<bool>& observed,
                                     const std::function<bool(const Candidate&)>& onCandidate,
                                     std::optional<Clock::time_point> deadline,
                                     const std::atomic<bool>* cancel,
                                     std::optional<std::uint64_t> solverWorkLimit,
                                     const CandidateRestriction* solverRestriction,
                                     const ExplicitPruning* explicitPruning) {
    if (auto stats = enumerateCandidatesExplicitly(events, observed, onCandidate, deadline, cancel,
                                                   explicitPruning)) {
        return *stats;
    }
    return enumerateCandidatesWithZ3(events, observed, onCandidate, deadline, cancel,
                                     solverRestriction, solverWorkLimit);
}

EnumerationStats enumerateCandidatesWithZ3(const model::EventStructure& events,
                                           const std::vector<bool>& observed,
                                           const std::function<bool(const Candidate&)>& onCandidate,
                                           std::optional<Clock::time_point> deadline,
                                           const std::atomic<bool>* cancel,
                                           const CandidateRestriction* restriction,
                                           std::optional<std::uint64_t> solverWorkLimit) {
    Z3Session session;
    CandidateEncoding enc(events, observed, session);
    if (restriction) {
        (*restriction)(enc, session);
    }
    // A restricted search of a byte-granular test (the verdict searches and those completing
    // states and flags) runs in Z3's incremental core, which a solver scope selects. The QF_BV
    // solver's first check bit-blasts the whole formula, and where the restriction pins no
    // values (the condition's negation, a state blocked) that took 5-7 s for a copy of 256
    // bytes against 0.2 s incrementally (bench/usercopy, n = 256: 14.0 s -> 2.2 s). Word-sized
    // tests keep the QF_BV solver, measured faster on their enumerations (z3_session.cpp).
    std::optional<Z3Session::Scope> incremental;
    if (restriction && events.byteGranular()) {
        incremental.emplace(session);
    }
    EnumerationStats stats;
    std::optional<HerdValueSolver> herdValues;
    CancelWatcher watcher(session, cancel);
    auto armTimeout = [&]() {
        if (cancel && cancel->load()) {
            return false;
        }
        if (!deadline) {
            // Without a deadline the parameters are set before each check all the same: Z3's
            // search differs when they are (lockfree/reclamation's verdict search: 135
            // candidates in 8 s with them, 574 in 67 s without), and a run must not depend on
            // whether it was given a time limit, nor differ from the corpus measurements,
            // which all have one.
            session.setTimeout(0);
            return true;
        }
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - Clock::now());
        if (left.count() <= 0) {
            return false;
        }
        session.setTimeout(static_cast<unsigned>(left.count()));
        return true;
    };
    while (true) {
        if (!armTimeout()) {
            stats.timedOut = true;
            break;
        }
        CheckResult r = session.check();
        if (r == CheckResult::Unsat) {
            break;
        }
        if (r == CheckResult::Unknown) {
            stats.timedOut = true;
            break;
        }
        z3::model m = session.model();
        CandidateReader reader(enc, m);
        Candidate candidate = reader.read();
        z3::expr choices = reader.choiceLiterals(candidate);
        bool determined = true;
        bool contradiction = false;
        if (enc.valuesMayBeUndetermined() && !events.byteGranular()) {
            // herd's own solving decides what the cycle leaves open (docs/oota.md).
            if (!herdValues) {
                herdValues.emplace(events);
            }
            const auto sides = reader.branchSides();
            const auto choiceValues = reader.choiceValues();
            HerdChoices herdChoices{candidate, choiceValues, sides};
            switch (herdValues->solve(herdChoices)) {
                case HerdSolution::Solved:
                    herdValues->fill(candidate);
                    break;
                case HerdSolution::Unsolved:
                    determined = false;
                    break;
                case HerdSolution::Contradiction:
                    contradiction = true;  // cannot happen: Z3's values solve the equations
                    break;
            }
        } else if (enc.valuesMayBeUndetermined()) {
            if (!armTimeout()) {
                stats.timedOut = true;
                break;
            }
            CheckResult d = valuesDetermined(session, enc, candidate, choices);
            if (d == CheckResult::Unknown) {
                stats.timedOut = true;
                break;
            }
            determined = d == CheckResult::Sat;
        }
        session.add(!choices);
        if (contradiction) {
            continue;
        }
        if (!determined) {
            ++stats.undetermined;
            continue;
        }
        ++stats.candidates;
        if (!onCandidate(candidate)) {
            stats.stopped = true;
            break;
        }
        if (solverWorkLimit && session.work() >= *solverWorkLimit) {
            stats.overWork = true;
            break;
        }
    }
    stats.solverWork = session.work();
    return stats;
}

}  // namespace memx::solver
