#include "solver/test_runner.hpp"

#include <algorithm>
#include <chrono>
#include <functional>
#include <limits>
#include <optional>

#include "litmus/prop_locations.hpp"
#include "model/cat/deep_stack.hpp"
#include "model/events/symbolic_values.hpp"
#include "solver/candidate_encoding.hpp"
#include "solver/candidate_enumerator.hpp"
#include "solver/coherence_pruning.hpp"
#include "solver/condition_encoding.hpp"
#include "solver/execution_graph_builder.hpp"
#include "solver/explicit_enumerator.hpp"
#include "solver/liveness_search.hpp"
#include "solver/observed_locations.hpp"
#include "solver/verdict_completion.hpp"
#include "solver/z3_session.hpp"

namespace memx::solver {

namespace {

// Whether every access's address is a constant, so that candidateBound counts only the writes
// a read can really read from.
bool addressesAreConstant(const model::EventStructure& events) {
    return std::all_of(events.events.begin(), events.events.end(), [&](const model::SymEvent& e) {
        return e.kind == model::EventKind::Fence || model::literalValue(events, e.address);
    });
}

// Checks candidates against the model and gathers what herd reports about the allowed ones.
class OutcomeCollector {
public:
    OutcomeCollector(const litmus::Program& program, const model::EventStructure& events,
                     const cat::Model& model, const RunOptions& options, TestOutcome& out,
                     const std::function<bool()>& mustStop)
        : program_(program),
          events_(events),
          model_(model),
          options_(options),
          out_(out),
          mustStop_(mustStop),
          displayed_(displayedLocations(program)) {}

    // Whether the candidate passes the filter, and whether the condition holds on it.
    std::optional<bool> conditionHolds(const Candidate& candidate) {
        FinalStateReader reader(program_, events_, candidate);
        if (program_.filter && !reader.holds(*program_.filter)) {
            ++out_.filtered;
            return std::nullopt;
        }
        return !program_.condition.prop || reader.holds(*program_.condition.prop);
    }

    // Evaluates the model on every execution of the candidate; true when one was allowed.
    bool consider(const Candidate& candidate, bool holds) {
        FinalState state = FinalStateReader(program_, events_, candidate).state(displayed_);
        BuiltGraph built = buildExecutionGraph(events_, candidate);
        bool anyAllowed = false;
        cat::EvaluateOptions evalOptions;
        evalOptions.ordersBuilt = &out_.ordersBuilt;
        evalOptions.checkpoint = [this] {
            if (mustStop_()) {
                throw TimeLimitReached{};
            }
        };
        const bool nativeCoherence = !built.graph.relations.count("co");
        if ((options_.keepExecutions || options_.keepForbidden) && nativeCoherence) {
            evalOptions.extraRelations = {"co", "fr"};
        }
        cat::evaluate(model_, built.graph, evalOptions, [&](const cat::ExecutionVerdict& v) {
            if (mustStop_()) {
                throw TimeLimitReached{};
            }
            ++out_.evaluated;
            if (!v.allowed) {
                if (options_.keepForbidden) {
                    keepRejected(v, state, holds, built.graph);
                }
                return;
            }
            anyAllowed = true;
            out_.states.insert(state);
            ++(holds ? out_.positive : out_.negative);
            out_.flags.insert(v.flags.begin(), v.flags.end());
            if (!v.undefinedChecks.empty()) {
                out_.undefined = true;
                out_.flags.insert("*undef*");
            }
            if (options_.keepExecutions) {
                out_.executions.push_back(keptAllowedExecution(state, holds, built.graph, v));
            }
        });
        return anyAllowed;
    }

private:
    // A rejected execution for TestOutcome::forbiddenExecutions, within the bound.
    void keepRejected(const cat::ExecutionVerdict& v, const FinalState& state, bool holds,
                      const model::ExecutionGraph& graph) {
        if (out_.forbiddenExecutions.size() >= options_.maxForbidden) {
            ++out_.forbiddenOmitted;
            return;
        }
        ForbiddenExecution e{state, holds, graph, v.withBindings, {}};
        for (const auto& [name, rel] : v.relations) {
            e.graph.relations[name] = rel;  // the co the model chose, as for allowed ones
        }
        for (const cat::CheckResult& check : v.checks) {
            if (check.mode == cat::CheckMode::Axiom && !check.holds) {
                e.failedAxioms.push_back(check.name);
            }
        }
        out_.forbiddenExecutions.push_back(std::move(e));
    }

    const litmus::Program& program_;
    const model::EventStructure& events_;
    const cat::Model& model_;
    const RunOptions& options_;
    TestOutcome& out_;
    const std::function<bool()>& mustStop_;
    std::vector<litmus::LocationRef> displayed_;
};

// What a run's CandidateRestriction tells Z3, for the solver-free search: cut candidates the
// filter drops, those whose condition is not `wanted` (a verdict search's side), and under
// `coherence` those incoherent or non-atomic per location.
class RunPruning {
public:
    // Without `wanted` (the exhaustive pass) the filter is left to the callback, which counts
    // what it drops (TestOutcome::filtered); the coherence cut needs no count, the model
    // rejecting all it cuts.
    RunPruning(const litmus::Program& program, const model::EventStructure& events, bool coherence,
               std::optional<bool> wanted) {
        pruning_.coherence = coherence;
        if (wanted && program.filter) {
            filter_.emplace(program, events, *program.filter);
            pruning_.propositions.emplace_back(&*filter_, true);
        }
        if (wanted && program.condition.prop) {
            condition_.emplace(program, events, *program.condition.prop);
            pruning_.propositions.emplace_back(&*condition_, *wanted);
        }
    }
    RunPruning(const RunPruning&) = delete;
    RunPruning& operator=(const RunPruning&) = delete;

    const ExplicitPruning* get() const { return &pruning_; }
    // Whether the cuts can settle a branch before its leaf: only a register's value is known
    // early; shared memory's final values are known at the leaf.
    bool cutsBeforeLeaves() const {
        return (filter_ && !filter_->inputs().empty()) ||
               (condition_ && !condition_->inputs().empty());
    }
    void limitDecisions(std::uint64_t limit) { pruning_.decisionLimit = limit; }

private:
    std::optional<PartialProposition> filter_;
    std::optional<PartialProposition> condition_;
    ExplicitPruning pruning_;
};

// One half of a verdict search: the first allowed execution whose condition is `wanted`. The
// search proposes only candidates that pass the filter and whose condition is `wanted`, so it
// finds its witness, or proves there is none, without visiting the others: the solver-free
// search where it applies (cutting each branch at the decision that settles it), else Z3.
// Returns false when it could not finish (time limit, cancel).
bool searchForWitness(const litmus::Program& program, const model::EventStructure& events,
                      const std::vector<bool>& observed, OutcomeCollector& collector,
                      TestOutcome& out, bool wanted, std::optional<Clock::time_point> deadline,
                      const RunOptions& options) {
    if (!program.condition.prop && !wanted) {
        return true;  // no condition: every candidate's is true
    }
    CandidateRestriction restriction = [&](CandidateEncoding& enc, Z3Session& session) {
        if (options.coherentModel && !events.byteGranular()) {
            addPerLocationCoherence(enc, session);
        }
        if (program.filter) {
            session.add(encodeProposition(*program.filter, program, enc));
        }
        if (program.condition.prop) {
            z3::expr holds = encodeProposition(*program.condition.prop, program, enc);
            session.add(wanted ? holds : !holds);
        } else if (!wanted) {
            session.add(enc.value(0).ctx().bool_val(false));
        }
    };
    bool found = false;
    auto onCandidate = [&](const Candidate& candidate) {
        auto holds = collector.conditionHolds(candidate);
        if (!holds || *holds != wanted) {
            // The solver enforced both, but on a value a cycle leaves open (S<n>, which the
            // condition compares as herd does); the solver-free search, what it could.
            return true;
        }
        found = collector.consider(candidate, *holds);
        return !found;
    };
    RunPruning pruning(program, events, options.coherentModel, wanted);
    // The cut search is tried first, within a number of decisions: where the condition names
    // registers it settles branches early (C-ManfredSpraul-L1G2xchg: 48,718 decisions), but a
    // condition on shared memory is known only at the leaf (corpus/lkmm alias/pointers30,
    // `exists (y=1)` at the end of a chain of 31 copies: 2^31 leaves), where Z3, reasoning
    // back from the condition, needs a few checks. There the cut search gets one budget, not
    // 32: spending 32 took the pointers tests from 0.3-0.5 s to 0.9-3.2 s.
    const double budgets = pruning.cutsBeforeLeaves() ? 32 : 1;
    pruning.limitDecisions(static_cast<std::uint64_t>(budgets * options.exhaustiveBound));
    std::optional<EnumerationStats> stats = enumerateCandidatesExplicitly(
        events, observed, onCandidate, deadline, options.cancel, pruning.get());
    if (stats && stats->overWork && !found) {
        addEnumerationStats(out, *stats);
        stats.reset();
    }
    if (!stats) {
        stats = enumerateCandidatesWithZ3(events, observed, onCandidate, deadline, options.cancel,
                                          &restriction);
    }
    addEnumerationStats(out, *stats);
    return found || !stats->timedOut;
}

// After a verdict-only run's Observation is decided, byte-granular tests get their states
// and (under a built-in model) their flags made exact, as far as the deadline allows. Other
// tests in this mode are the word-sized tests beyond the budget (herd-timeout tests of the
// corpus), whose time is measured against herd's: they get no searches, so their states stay
// those of the executions checked, but a built-in model's flag that no candidate can raise
// (a race in a test of marked accesses only) is still proven absent, which costs nothing.
void completeVerdictRun(const litmus::Program& program, const model::EventStructure& events,
                        const std::vector<bool>& observed, const RunOptions& options,
                        std::optional<Clock::time_point> deadline, OutcomeCollector& collector,
                        TestOutcome& out) {
    out.statesCompleteness = Completeness::NotSearched;
    out.flagsExact = false;
    CompletionSearch search{
        program, events, observed, deadline, options.cancel, [&](const Candidate& candidate) {
            auto holds = collector.conditionHolds(candidate);
            return holds && collector.consider(candidate, *holds);
        }};
    const bool searches = events.byteGranular();
    if (searches) {
        completeStates(search, stateBound(options, events), out);
    }
    if (options.builtinFlags) {
        completeFlags(search, *options.builtinFlags, out, searches);
    }
}

}  // namespace

void addEnumerationStats(TestOutcome& out, const EnumerationStats& stats) {
    out.candidates += stats.candidates;
    out.undetermined += stats.undetermined;
    out.solverWork += stats.solverWork;
}

std::size_t stateBound(const RunOptions& options, const model::EventStructure& events) {
    if (options.maxStates) {
        return *options.maxStates;
    }
    return events.byteGranular() ? 64 : std::numeric_limits<std::size_t>::max();
}

namespace {

TestOutcome runTestHere(const litmus::Program& program, const model::EventStructure& events,
                        const cat::Model& model, const RunOptions& options) {
    auto start = Clock::now();
    const std::optional<Clock::time_point> deadline = deadlineAfter(options.timeoutSeconds, start);
    TestOutcome out;
    out.name = program.name;
    out.quantifier = program.condition.quantifier;
    out.loopCut = !events.loopCuts.empty();
    out.waits = events.waits.size();
    const auto observed = observedLocations(program, events);
    auto cancelled = [&]() { return options.cancel && options.cancel->load(); };
    std::function<bool()> mustStop = [&]() {
        return (deadline && Clock::now() > *deadline) || cancelled();
    };
    OutcomeCollector collector(program, events, model, options, out, mustStop);

    try {
        // A test far beyond the budget goes to the searches at once: checking the budget's
        // worth of candidates first would only spend the time limit. Otherwise the budget is
        // spent first, so that herd's States and witness counts come out exact wherever the
        // candidates are few enough to count. The bound is trusted only where it is close:
        // where the explicit search applies or bytes multiply it (each byte's sources are
        // real). With symbolic addresses and dependency cycles every read may read from every
        // write, and a test of 55 candidates gets a bound in the millions. So a solver-free
        // test with computed addresses goes at once only past 64 budgets, not 8
        // (C-RomanPenyaev-list-rcu-rr: a bound of 103,680 for 7 states; alias/pointers30: 4x10^9).
        // A filter makes the bound loose too (C-seqlock: a bound of 10^6, 18000 candidates,
        // 2538 that pass its filter), so a filtered test spends the budget first as well, and
        // so does an unrolled loop, whose reads' guards nest (cmpxchg-relaxed-retry-mp at
        // -unroll 4: a bound of 10^7 for 5 candidates).
        // Byte-granular tests go at once when the bound exceeds the budget itself: herd7 has
        // no counts for them to match, and each of their candidates costs a Z3 check.
        bool overBudget = false;
        const bool solverFree = explicitEnumerationApplies(events);
        if (options.search == SearchMode::Auto) {
            const double bound = candidateBound(events, observed);
            const double budgets = addressesAreConstant(events) ? 8 : 64;
            overBudget = events.byteGranular()
                             ? bound > options.exhaustiveBound
                             : solverFree && !program.filter && events.loopCuts.empty() &&
                                   bound > budgets * options.exhaustiveBound;
        }
        if (options.search != SearchMode::Verdict && !overBudget) {
            // Every candidate, unless Auto's budget runs out first. The budget counts the
            // candidates the model judges; a candidate the filter drops costs a Z3 check on
            // the solver's path, but only microseconds on the solver-free one, where up to
            // eight budgets of them are walked.
            const bool budgeted = options.search == SearchMode::Auto;
            double seen = 0;
            double judged = 0;
            // Under a built-in model, a candidate that breaks atomicity is never allowed; unless
            // the run keeps rejected executions to show, the model need not judge it.
            const bool skipNonAtomic =
                options.coherentModel && !options.keepForbidden && !events.byteGranular();
            auto onCandidate = [&](const Candidate& candidate) {
                auto holds = collector.conditionHolds(candidate);
                if (holds && skipNonAtomic && breaksRmwAtomicity(events, candidate)) {
                    holds.reset();
                }
                if (holds) {
                    collector.consider(candidate, *holds);
                    ++judged;
                }
                ++seen;
                const double counted = solverFree ? judged : seen;
                overBudget = budgeted && (counted >= options.exhaustiveBound ||
                                          seen >= 8 * options.exhaustiveBound);
                return !mustStop() && !overBudget;
            };
            std::optional<std::uint64_t> workLimit;
            if (budgeted) {
                workLimit = options.solverWorkBudget;
            }
            // On the solver's path every candidate costs a Z3 check, so Z3 is told what the
            // callback would drop: the filter, and (as above) what breaks coherence or
            // atomicity. Five cmpxchg locks taken in turn (corpus/lkmm absperf): 1265
            // candidates, over the work budget, before; the coherent ones alone after.
            CandidateRestriction dropped = [&](CandidateEncoding& enc, Z3Session& session) {
                if (skipNonAtomic) {
                    addPerLocationCoherence(enc, session);
                }
                if (program.filter) {
                    session.add(encodeProposition(*program.filter, program, enc));
                }
            };
            const RunPruning explicitDropped(program, events, skipNonAtomic, std::nullopt);
            EnumerationStats stats =
                enumerateCandidates(events, observed, onCandidate, deadline, options.cancel,
                                    workLimit, &dropped, explicitDropped.get());
            addEnumerationStats(out, stats);
            overBudget = overBudget || stats.overWork;
            out.timedOut = stats.timedOut || (stats.stopped && !overBudget);
        }
        if (!out.timedOut && (options.search == SearchMode::Verdict || overBudget)) {
            // What the executions checked so far did not show, the two searches decide.
            out.exhaustive = false;
            bool decided =
                (out.positive > 0 || searchForWitness(program, events, observed, collector, out,
                                                      true, deadline, options)) &&
                (out.negative > 0 || searchForWitness(program, events, observed, collector, out,
                                                      false, deadline, options));
            out.timedOut = !decided;
            if (decided) {
                completeVerdictRun(program, events, observed, options, deadline, collector, out);
            }
        }
        if (!out.timedOut && !events.waits.empty()) {
            // --loops await: is some thread left waiting forever?
            LivenessResult liveness =
                searchBlockedWait(program, events, model, deadline, options.cancel);
            switch (liveness.answer) {
                case LivenessAnswer::Blocked:
                    out.flags.insert("liveness");
                    out.blocked = std::move(liveness.blocked);
                    break;
                case LivenessAnswer::Unknown:
                    out.flagsExact = false;
                    out.unprovenFlags["liveness"] = Completeness::Stopped;
                    break;
                case LivenessAnswer::Live:
                    break;
            }
        }
    } catch (const TimeLimitReached&) {
        out.timedOut = true;
    }
    capStates(out, stateBound(options, events));
    out.cancelled = out.timedOut && cancelled();
    out.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return out;
}

}  // namespace

TestOutcome runTest(const litmus::Program& program, const model::EventStructure& events,
                    const cat::Model& model, const RunOptions& options) {
    // The model is evaluated on a thread with a deep stack (model/cat/deep_stack.hpp). Handing
    // each candidate's evaluation over to that thread and back cost two futex wake-ups and two
    // context switches per candidate, a quarter of L1G2xchg's time: the whole test runs there.
    TestOutcome out;
    cat::runOnDeepStack([&] { out = runTestHere(program, events, model, options); });
    return out;
}

}  // namespace memx::solver
