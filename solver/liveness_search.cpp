#include "solver/liveness_search.hpp"

#include <algorithm>
#include <set>
#include <vector>

#include "solver/candidate_encoding.hpp"
#include "solver/condition_encoding.hpp"
#include "solver/execution_graph_builder.hpp"

namespace memx::solver {

namespace {

// The event structure in which the waits' blocked executions are not dropped.
model::EventStructure withBlockedWaits(const model::EventStructure& events) {
    model::EventStructure variant = events;
    std::set<model::SymId> blocked;
    for (const model::Wait& w : events.waits) {
        blocked.insert(w.blocked);
    }
    auto& a = variant.assumptions;
    a.erase(std::remove_if(a.begin(), a.end(),
                           [&](const auto& p) { return p.second == 0 && blocked.count(p.first); }),
            a.end());
    return variant;
}

}  // namespace

LivenessAnswer searchBlockedWait(const litmus::Program& program,
                                 const model::EventStructure& events, const cat::Model& model,
                                 std::optional<Clock::time_point> deadline,
                                 const std::atomic<bool>* cancel) {
    if (events.waits.empty()) {
        return LivenessAnswer::Live;
    }
    const model::EventStructure variant = withBlockedWaits(events);
    // Every location gets a final write: a wait's reads may read anywhere.
    const std::vector<bool> observed(variant.locations.locations.size(), true);
    CandidateRestriction restriction = [&](CandidateEncoding& enc, Z3Session& session) {
        if (program.filter) {
            session.add(encodeProposition(*program.filter, program, enc));
        }
        z3::context& c = enc.value(0).ctx();
        z3::expr anyBlocked = c.bool_val(false);
        for (const model::Wait& w : variant.waits) {
            const z3::expr blocked = enc.value(w.blocked) != enc.value(0);
            anyBlocked = anyBlocked || blocked;
            for (std::uint32_t read : w.lastReads) {
                for (const RfChoice& rf : enc.rfChoices()) {
                    if (rf.read != read) {
                        continue;
                    }
                    // Its source is the final write of the location it reads.
                    z3::expr isFinal = c.bool_val(false);
                    for (const FinalWriteChoice& fw : enc.finalWriteChoices()) {
                        if (fw.write == rf.write) {
                            isFinal = isFinal || fw.chosen;
                        }
                    }
                    session.add(z3::implies(blocked && rf.chosen, isFinal));
                }
            }
        }
        session.add(anyBlocked);
    };
    bool found = false;
    auto stats = enumerateCandidatesWithZ3(
        variant, observed,
        [&](const Candidate& candidate) {
            BuiltGraph built = buildExecutionGraph(variant, candidate);
            cat::EvaluateOptions options;
            cat::evaluate(model, built.graph, options,
                          [&](const cat::ExecutionVerdict& v) { found = found || v.allowed; });
            return !found;
        },
        deadline, cancel, &restriction);
    if (found) {
        return LivenessAnswer::Blocked;
    }
    return stats.timedOut ? LivenessAnswer::Unknown : LivenessAnswer::Live;
}

}  // namespace memx::solver
