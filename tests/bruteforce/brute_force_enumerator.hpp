// The brute-force candidate enumerator: a second, solver-free statement of the candidate space
// that solver/candidate_encoding.* hands to Z3, used only by tests to cross-check the engine.
//
// Why it is independent of the engine. It shares no code with solver/candidate_encoding.* or
// solver/candidate_enumerator.*: no Z3, no translation of nodes to bit-vectors, no blocking
// clauses, no determinacy query. It walks the space explicitly: for every assignment of the
// free choices, a depth-first search gives each read ("R" event) either no source (it does not
// run) or one write ("W" event) allowed by the rules below; values are then computed by its own
// evaluator (partial_evaluator.hpp), as a fixpoint: a read's value is its source write's value,
// once that is known. It takes from the engine only the data types (model::EventStructure in,
// solver::Candidate out) and the written rules of docs/engine.md, restated here:
//   - an event runs iff its guard is non-zero; a read runs iff it has a source;
//   - a read's source runs, has the same address, and the read's value node equals the
//     write's value; never a write of the read's own thread at or after it in po;
//   - every assumption whose guard is non-zero has a non-zero fact; a choice whose guard is 0
//     is 0;
//   - values must be unique given rf, the choices and which events run: after the fixpoint,
//     what the candidate requires may still fix a value a dependency cycle left open (a
//     running event's guard `r == 5` makes r 5; an event whose guard stays unknown is tried
//     running and not running); a candidate with a needed value still unknown (herd's
//     unsolved equations) is dropped and counted as undetermined. This learning is sound
//     (every solution agrees with it) but not complete, so a cycle only a solver could
//     settle would show up as a difference;
//   - for each cell of an observed location (the location; each of its bytes in byte-granular
//     tests), one final write: a running Write-kind event to it that no later running
//     Write-kind event of its own thread to the same address follows (herd's optace), or the
//     initial write when no thread's write to it runs;
//   - byte-granular tests: the bytes of a single-copy-atomic read group come from at most one
//     single-copy-atomic write group whose footprint (its bytes' addresses in this candidate)
//     covers the read's; other writes may supply the rest (tearing);
//   - two assignments are one candidate when they agree on the running events, rf, the final
//     writes and the choices the candidate uses (those reachable from running events, final
//     registers and active assumptions, through the taken side of each Ite).
// A wrong rule in either statement shows up as a difference in candidates, states or counts.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <vector>

#include "model/events/event_structure.hpp"
#include "solver/candidate.hpp"

namespace memx::bruteforce {

struct BruteForceLimits {
    std::uint64_t maxCandidates = 20000;  // stop (capped) once this many were found
    std::uint64_t maxSteps = 2000000;     // stop (capped) after this many search nodes
    double maxSeconds = 20;               // stop (capped) after this long
};

struct BruteForceStats {
    std::uint64_t candidates = 0;    // handed to the callback
    std::uint64_t undetermined = 0;  // dropped: rf and the choices leave a needed value open
    std::uint64_t duplicates = 0;    // assignments equal to an earlier candidate
    std::uint64_t steps = 0;         // search nodes visited
    bool capped = false;             // a limit stopped the search: the space is incomplete
    bool stopped = false;            // the callback asked to stop
};

// Calls `onCandidate` once per candidate (see above) until it returns false or a limit is hit.
// `observed[l]` says whether location l (all its cells) gets a final write. Throws
// std::invalid_argument for a structure outside the contract (a read whose value node is not its
// own ReadValue).
BruteForceStats enumerateByBruteForce(
    const model::EventStructure& events, const std::vector<bool>& observed,
    const std::function<bool(const solver::Candidate&)>& onCandidate,
    const BruteForceLimits& limits = {});

}  // namespace memx::bruteforce
