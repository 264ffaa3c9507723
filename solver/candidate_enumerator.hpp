// Enumerates every candidate of an event structure. Without a solver where the data flow
// allows (explicit_enumerator.hpp); otherwise with Z3: solve, read the candidate off the model,
// block its choices (executed events, rf, final writes, the free choices it uses), repeat.
// Values are never blocked: rf determines them, and a candidate whose values rf leaves open
// (an out-of-thin-air cycle) is discarded, as herd discards its unsolved equations.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "model/events/event_structure.hpp"
#include "solver/candidate.hpp"

namespace memx::solver {

struct ExplicitPruning;

class CandidateEncoding;
class Z3Session;

// Asserts what every candidate must also satisfy (a verdict search's condition), given the
// encoding of the candidate space and the session holding it. Both live until the enumeration
// returns, and the restriction may keep them to add constraints from `onCandidate`: no scope
// the enumerator closes between candidates is open there, so they hold for every later
// candidate (a state search blocks each state it finds that way).
using CandidateRestriction = std::function<void(CandidateEncoding&, Z3Session&)>;

using Clock = std::chrono::steady_clock;

// The time point `seconds` after `start`; none without a time limit.
std::optional<Clock::time_point> deadlineAfter(std::optional<double> seconds,
                                               Clock::time_point start = Clock::now());

struct EnumerationStats {
    std::uint64_t candidates = 0;    // handed to the callback
    std::uint64_t undetermined = 0;  // discarded: values not determined by rf
    bool timedOut = false;           // stopped by the deadline (or Z3 gave up)
    bool stopped = false;            // the callback asked to stop
    // Z3's work (Z3Session::work) spent proposing them: 0 on the solver-free path.
    std::uint64_t solverWork = 0;
    // The solver-free search's work: the branches it took (candidates or not).
    std::uint64_t decisions = 0;
    bool overWork = false;  // stopped at the solver-work (or decision) limit
};

// Calls `onCandidate` for each candidate until it returns false, the deadline passes or
// `*cancel` becomes true (another thread sets it; a Z3 check in progress is interrupted, so
// the enumeration stops within milliseconds, reported as timedOut).
// `observed[l]` says whether location l gets a final write (see CandidateEncoding).
// `solverWorkLimit`: on the Z3 path, stop (overWork) once Z3 has done that much work.
// `solverRestriction`: on the Z3 path, propose only candidates that also satisfy it (the
// solver-free path ignores it, so it may only leave out what the caller would drop anyway).
// `explicitPruning`: the same on the solver-free path (explicit_enumerator.hpp).
EnumerationStats enumerateCandidates(const model::EventStructure& events,
                                     const std::vector<bool>& observed,
                                     const std::function<bool(const Candidate&)>& onCandidate,
                                     std::optional<Clock::time_point> deadline = std::nullopt,
                                     const std::atomic<bool>* cancel = nullptr,
                                     std::optional<std::uint64_t> solverWorkLimit = std::nullopt,
                                     const CandidateRestriction* solverRestriction = nullptr,
                                     const ExplicitPruning* explicitPruning = nullptr);

// The same candidates, always from Z3 (enumerateCandidates uses the solver-free search of
// explicit_enumerator.hpp where it applies; tests compare the two), optionally only those that
// also satisfy `restriction`.
EnumerationStats enumerateCandidatesWithZ3(
    const model::EventStructure& events, const std::vector<bool>& observed,
    const std::function<bool(const Candidate&)>& onCandidate,
    std::optional<Clock::time_point> deadline = std::nullopt,
    const std::atomic<bool>* cancel = nullptr, const CandidateRestriction* restriction = nullptr,
    std::optional<std::uint64_t> solverWorkLimit = std::nullopt);

}  // namespace memx::solver
