// What a litmus test should give, and the kernel's rule (scripts/judgelitmus.sh) for whether
// it did: the observation equal, and DATARACE exactly when a data race was flagged.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include "litmus/ast.hpp"

namespace memx::check {

struct Expectation {
    std::string observation;  // "Never", "Sometimes", "Always"
    bool dataRace = false;
    bool deadlock = false;  // DEADLOCK: no execution at all, herd's "Never 0 0"
    bool torn = false;      // memx's TORN: the models' `torn-read` flag is raised
    // memx's LIVENESS: under --loops await a thread can wait forever (the `liveness` flag).
    // Judged only where waits were read (--loops await); herd7's reading cuts them.
    bool liveness = false;
};

Expectation fromResultComment(const litmus::ExpectedResult& result);

// "Never", "Sometimes DATARACE", "DEADLOCK": as a `Result:` comment would say it.
std::string describe(const Expectation& expectation);

// The facts of a finished run that the matching rule reads.
struct Verdict {
    std::string observation;
    std::uint64_t positive = 0;
    std::uint64_t negative = 0;
    std::set<std::string> flags;
    // A verdict-only run may leave a flag's absence unproven (solver::TestOutcome::flagsExact):
    // `unprovenFlags` names the flags it searched for without finishing; empty with
    // flagsExact false, no flag's absence was searched for at all.
    bool flagsExact = true;
    std::set<std::string> unprovenFlags;
    bool waitsRead = false;  // the run read some loop as a wait (--loops await)
};

// A data race is LKMM's `data-race` flag, or `*undef*` (RC11 makes racy programs undefined;
// the LKMM never raises it).
bool raisesDataRace(const std::set<std::string>& flags);

// The verdict in the expectation's terms, e.g. "Sometimes DATARACE", or "Never 0 3" when a
// deadlock was expected, so that a failure message shows both sides alike.
std::string describe(const Verdict& verdict, const Expectation& expectation);

bool meets(const Verdict& verdict, const Expectation& expectation);

// judgelitmus.sh's forgiveness: the test predicts DATARACE, the run raised data-race, and
// only the Always/Sometimes/Never word differs (not a deadlock's "Never 0 0", not TORN).
bool forgivenByKernelJudge(const Verdict& verdict, const Expectation& expectation);

// The flag ("data-race", "torn-read") that `expectation` says is absent and the run did not
// raise, but whose absence the run did not prove; nullopt when a pass stands on proven facts.
std::optional<std::string> unprovenAbsence(const Verdict& verdict, const Expectation& expectation);

}  // namespace memx::check
