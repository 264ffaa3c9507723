// Enumerates the candidates of an event structure without a solver, when its data flow allows:
// the same candidates as the Z3 enumeration (candidate_enumerator.hpp), in another order.
//
// Why: most litmus tests have a few dozen candidates, and a Z3 check per candidate cost as much
// as the model's evaluation of it (docs/engine.md, "Two enumerators"). A depth-first search
// over the reads-from choices gets each candidate for the price of evaluating a few value nodes.
//
// When: the search decides the reads (and the free choices) in a topological order of the
// static flow graph, so that when a read is decided its guard, its address and every candidate
// source's guard, address and value are already known. Edges: a read feeds every event whose
// guard, address or written value depends on its value; a write may feed a read by rf; a free
// choice feeds the events that depend on it, and is fed by its guard's reads.
//
// Reads on or after a cycle in that graph (counter updates that read each other's writes, load
// buffering through dependencies) are decided last, by guard and address only, and their values
// computed at the leaf: possible when no guard, address or assumption depends on them and each
// write on a cycle adds known terms to one read of the cycle, so that a cycle's equation is
// v = v + c (no candidate when c != 0, an undetermined one when c == 0, as the solver finds).
// A cycle through the guards of writes, with no data cycle (cmpxchg locks of several threads:
// each write runs only if its read saw the lock free, and each read may read another's write),
// is broken by guessing: whether each guarded write on or after the cycle runs is fixed before
// the search (at most 16 of them) and checked at the depth from which its guard is known.
// Other cycles (branches on such values, products) need values guessed and checked: there
// `applies` is false and the Z3 enumeration runs.
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <vector>

#include "model/events/event_structure.hpp"
#include "solver/candidate.hpp"
#include "solver/candidate_enumerator.hpp"
#include "solver/partial_proposition.hpp"

namespace memx::solver {

// True when the explicit search can enumerate `events` (see above).
bool explicitEnumerationApplies(const model::EventStructure& events);

// Branches the search may cut as soon as its decisions so far settle them, for a caller that
// would drop their candidates anyway: the explicit counterpart of a CandidateRestriction.
// Why: a verdict search of C-ManfredSpraul-L1G2xchg (corpus/lkmm) wants the candidates whose
// eight registers all hold chosen values, among a bound of 4x10^7; cut at each read, the
// search walks a few thousand.
struct ExplicitPruning {
    // Coherence and atomicity per location, as coherence_pruning.hpp states them: checked at
    // each read's source, against the reads and writes already known. Every built-in model
    // rejects what they cut; a user's model need not.
    bool coherence = false;
    // Each proposition must come out as the paired truth (a filter true; a verdict search's
    // condition as wanted). It is checked at every decision, in three-valued logic, so a
    // branch goes as soon as the registers it names are decided.
    std::vector<std::pair<const PartialProposition*, bool>> propositions;
    // Stop (EnumerationStats::overWork) after this many decisions: a cut that settles little
    // (a condition on shared memory, known only at the leaf) leaves a walk as long as the
    // whole search, which Z3, reasoning back from the condition, may avoid.
    std::optional<std::uint64_t> decisionLimit;
};

// The explicit search; nullopt (having called nothing) when it does not apply.
// Arguments and statistics mean what they mean for enumerateCandidates; `pruning` leaves out
// the candidates it cuts, unseen and uncounted.
std::optional<EnumerationStats> enumerateCandidatesExplicitly(
    const model::EventStructure& events, const std::vector<bool>& observed,
    const std::function<bool(const Candidate&)>& onCandidate,
    std::optional<Clock::time_point> deadline = std::nullopt,
    const std::atomic<bool>* cancel = nullptr, const ExplicitPruning* pruning = nullptr);

// An upper bound on the number of candidates of either enumeration: the product of each read's
// possible sources, each observed cell's possible final writes and each free choice's values.
double candidateBound(const model::EventStructure& events, const std::vector<bool>& observed);

}  // namespace memx::solver
