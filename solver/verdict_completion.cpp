#include "solver/verdict_completion.hpp"

#include <iterator>
#include <map>

#include <z3++.h>

#include "solver/candidate_encoding.hpp"
#include "solver/condition_encoding.hpp"
#include "solver/final_state.hpp"
#include "solver/flag_needs.hpp"
#include "solver/test_runner.hpp"
#include "solver/z3_session.hpp"

namespace memx::solver {

namespace {

// One restricted enumeration: `restrict` adds the search's own constraint (after the filter),
// `onAllowed` is told each allowed candidate and says whether to go on. Exact when the
// restricted space ran out, Stopped at the deadline; the caller knows when it stopped early.
Completeness searchRestricted(const CompletionSearch& search, const CandidateRestriction& restrict,
                              const std::function<bool(const Candidate&)>& onAllowed,
                              TestOutcome& out) {
    CandidateRestriction restriction = [&](CandidateEncoding& enc, Z3Session& session) {
        if (search.program.filter) {
            session.add(encodeProposition(*search.program.filter, search.program, enc));
        }
        restrict(enc, session);
    };
    try {
        EnumerationStats stats = enumerateCandidatesWithZ3(
            search.events, search.observed,
            [&](const Candidate& candidate) {
                // A candidate the model forbids is skipped: the enumerator blocks it alone.
                return !search.judge(candidate) || onAllowed(candidate);
            },
            search.deadline, search.cancel, &restriction);
        addEnumerationStats(out, stats);
        return stats.timedOut ? Completeness::Stopped : Completeness::Exact;
    } catch (const TimeLimitReached&) {
        return Completeness::Stopped;
    }
}

bool pastDeadline(const CompletionSearch& search) {
    return (search.deadline && Clock::now() > *search.deadline) ||
           (search.cancel && search.cancel->load());
}

}  // namespace

void completeStates(const CompletionSearch& search, std::size_t maxStates, TestOutcome& out) {
    if (out.states.size() > maxStates) {
        out.statesCompleteness = Completeness::Capped;
        return;
    }
    if (pastDeadline(search)) {
        out.statesCompleteness = Completeness::Stopped;
        return;
    }
    const auto displayed = displayedLocations(search.program);
    // Set by the restriction: the encoding lives for the whole enumeration, and a constraint
    // added between two candidates holds for every later one (see CandidateRestriction), so
    // each allowed state is blocked as soon as it is found. No Z3 expression is kept here:
    // it would outlive the session's context.
    CandidateEncoding* encoding = nullptr;
    Z3Session* session = nullptr;
    auto differs = [&](const FinalState& state) {
        z3::context& ctx = session->context();
        z3::expr_vector any(ctx);
        for (std::size_t i = 0; i < displayed.size(); ++i) {
            const auto value = static_cast<std::uint64_t>(state.items[i].second.value);
            any.push_back(encodeLocationValue(displayed[i], search.program, *encoding) !=
                          ctx.bv_val(value, 64));
        }
        return any.empty() ? ctx.bool_val(false) : z3::mk_or(any);
    };
    auto blockKnownStates = [&](CandidateEncoding& enc, Z3Session& s) {
        encoding = &enc;
        session = &s;
        for (const FinalState& state : out.states) {
            s.add(differs(state));
        }
    };
    bool capped = false;
    auto onAllowed = [&](const Candidate& candidate) {
        session->add(
            differs(FinalStateReader(search.program, search.events, candidate).state(displayed)));
        capped = out.states.size() > maxStates;
        return !capped;
    };
    const Completeness searched = searchRestricted(search, blockKnownStates, onAllowed, out);
    out.statesCompleteness = capped ? Completeness::Capped : searched;
}

void completeFlags(const CompletionSearch& search, const std::vector<FlagCondition>& flags,
                   TestOutcome& out, bool searchCandidates) {
    for (const FlagCondition& flag : flags) {
        if (out.flags.contains(flag.raisedAs)) {
            continue;
        }
        FlagNeedAnalysis need(flag, search.events);
        if (!need.possible()) {
            continue;  // no candidate can raise it
        }
        if (!need.searchable() || !searchCandidates) {
            out.unprovenFlags[flag.name] = Completeness::NotSearched;
            continue;
        }
        if (pastDeadline(search)) {
            out.unprovenFlags[flag.name] = Completeness::Stopped;
            continue;
        }
        auto meetsNeed = [&](CandidateEncoding& enc, Z3Session& session) {
            session.add(need.encode(enc));
        };
        auto onAllowed = [&](const Candidate&) { return !out.flags.contains(flag.raisedAs); };
        const Completeness searched = searchRestricted(search, meetsNeed, onAllowed, out);
        if (searched != Completeness::Exact && !out.flags.contains(flag.raisedAs)) {
            out.unprovenFlags[flag.name] = searched;
        }
    }
    // A later search may have met an execution raising a flag an earlier one could not finish.
    std::erase_if(out.unprovenFlags, [&](const auto& unproven) {
        for (const FlagCondition& flag : flags) {
            if (flag.name == unproven.first && out.flags.contains(flag.raisedAs)) {
                return true;
            }
        }
        return false;
    });
    out.flagsExact = out.unprovenFlags.empty();
}

void capStates(TestOutcome& out, std::size_t maxStates) {
    while (out.states.size() > maxStates) {
        out.states.erase(std::prev(out.states.end()));
        ++out.statesOmitted;
    }
}

}  // namespace memx::solver
