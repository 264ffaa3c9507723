// Runs one litmus file through the engine (solver::runTest) and through the brute-force
// checker, and says whether they agree: the same final states, Positive/Negative counts,
// flags, verdict, and the same numbers of candidates, filtered candidates and evaluated
// executions (equal candidate spaces give equal numbers).
#pragma once

#include <string>
#include <vector>

#include "model/events/byte_types.hpp"
#include "solver/test_outcome.hpp"
#include "solver/test_pipeline.hpp"
#include "tests/bruteforce/brute_force_enumerator.hpp"

namespace memx::bruteforce {

// One line per differing field, naming the field and both values; empty when they agree.
std::vector<std::string> outcomeDifferences(const solver::TestOutcome& engine,
                                            const solver::TestOutcome& bruteForce);

struct AgreementLimits {
    BruteForceLimits bruteForce;
    double engineTimeoutSeconds = 30;
    model::EventOptions events;  // `--endian`, `--usercopy` (byte-granular tests only)
};

enum class AgreementStatus {
    Agreed,
    Disagreed,       // `details` lists the differing fields
    OverCap,         // the brute-force search hit a limit: not compared
    EngineTimedOut,  // not compared
    NotRunnable,     // parse, event-builder or model error: `details` says which
};

struct AgreementResult {
    AgreementStatus status = AgreementStatus::NotRunnable;
    std::vector<std::string> details;
    std::uint64_t candidates = 0;  // the brute-force count (when compared)
    double engineSeconds = 0;
    double bruteForceSeconds = 0;
};

// Counts over many files.
struct AgreementTally {
    std::size_t agreed = 0, disagreed = 0, overCap = 0, engineTimedOut = 0, notRunnable = 0;
    std::uint64_t candidates = 0;  // over the compared tests
    double engineSeconds = 0, bruteForceSeconds = 0;
    std::size_t compared() const { return agreed + disagreed; }
    void add(const AgreementResult& result);
    // "N compared, N agreed, N disagreed, N over the brute-force cap, ..."
    std::string summary() const;
};

// Under `model`, or under its c11Model for a C11 test (as memx run picks with no --model).
AgreementResult checkAgreement(const std::string& file, const solver::LoadedModel& model,
                               const AgreementLimits& limits = {});
// The same for a test held in memory (the differential fuzzer's), named `name` in diagnostics.
AgreementResult checkAgreementOfText(const std::string& text, const std::string& name,
                                     const solver::LoadedModel& model,
                                     const AgreementLimits& limits = {});
// The same for a parsed test.
AgreementResult checkAgreement(const litmus::Program& program, const std::string& name,
                               const solver::LoadedModel& model,
                               const AgreementLimits& limits = {});

}  // namespace memx::bruteforce
