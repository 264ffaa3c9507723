// The `liveness` flag of `--loops await` (docs/loops.md): whether some allowed execution
// leaves a thread waiting forever in one of the test's waits (model::Wait).
//
// Such an execution is one the main run drops: a wait's `blocked` guard holds. It shows a
// thread that never leaves its wait when, besides, every read of the wait's last iteration
// reads the co-final write of its location; re-reading then returns the same values, which
// keep the condition true. The search drops the waits' assumptions, asks Z3 for candidates
// in which some wait is blocked that way (the read locations observed, so that each gets a
// final write), and runs the model on each until one is allowed. Several threads may be
// blocked at once (a deadlock between two waits).
#pragma once

#include <atomic>
#include <optional>
#include <vector>

#include "litmus/ast.hpp"
#include "model/cat/model.hpp"
#include "model/events/event_structure.hpp"
#include "solver/candidate_enumerator.hpp"
#include "solver/test_outcome.hpp"

namespace memx::solver {

enum class LivenessAnswer { Blocked, Live, Unknown /* the deadline or a cancel stopped it */ };

struct LivenessResult {
    LivenessAnswer answer = LivenessAnswer::Live;
    // Blocked: the allowed execution found (co and fr in its graph, as the model chose them)
    // and the waits that never end in it, in the order of EventStructure::waits.
    std::optional<BlockedExecution> blocked;
};

LivenessResult searchBlockedWait(const litmus::Program& program,
                                 const model::EventStructure& events, const cat::Model& model,
                                 std::optional<Clock::time_point> deadline,
                                 const std::atomic<bool>* cancel);

}  // namespace memx::solver
