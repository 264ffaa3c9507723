// Byte classes keep verdicts exact (issue 13, result 2): a byte-granular test decided with
// byte classes (model/events/byte_classes.hpp), byte by byte, and by the brute-force checker
// on the byte-by-byte events must give the same Observation, flags and States. Witness counts
// are not compared: they count the executions of each event structure.
#pragma once

#include <string>
#include <vector>

#include "solver/test_pipeline.hpp"

namespace memx::bruteforce {

enum class ExactnessStatus {
    Agreed,
    Disagreed,       // `details` names each difference
    NotCompared,     // the byte-by-byte run did not finish with exact states and flags
    ClassesInexact,  // the byte-by-byte run did, the run with byte classes did not (in time)
    NotRunnable,     // parse or event-builder error: `details` says which
};

struct ExactnessResult {
    ExactnessStatus status = ExactnessStatus::NotRunnable;
    std::vector<std::string> details;
    bool bruteForceCompared = false;  // false when the brute-force search hit its cap
    double classesSeconds = 0;        // the run with byte classes
    double bytesSeconds = 0;          // the byte-by-byte run
};

// `model` is the loaded built-in model; `events` says --usercopy (byteClasses is set here).
ExactnessResult checkByteClassExactness(const std::string& name, const std::string& text,
                                        const solver::LoadedModel& model,
                                        model::EventOptions events, double timeoutSeconds = 30);

}  // namespace memx::bruteforce
