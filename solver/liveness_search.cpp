#include "solver/liveness_search.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "model/events/symbolic_values.hpp"
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

// The value of `id` in a candidate: reads give the values they read, choices 0.
std::int64_t valueIn(const model::EventStructure& es, model::SymId id, const Candidate& c,
                     std::map<model::SymId, std::int64_t>& memo) {
    if (auto it = memo.find(id); it != memo.end()) {
        return it->second;
    }
    const model::SymNode& n = es.nodes[id];
    std::int64_t v = 0;
    switch (n.op) {
        case model::SymOp::Const:
            v = n.value;
            break;
        case model::SymOp::ReadValue:
            v = c.executed[n.event] ? c.values[n.event] : 0;
            break;
        case model::SymOp::Choice:
            v = 0;
            break;
        default:
            v = model::operatorValue(
                n, [&](std::size_t i) { return valueIn(es, n.operands[i], c, memo); });
    }
    memo[id] = v;
    return v;
}

}  // namespace

LivenessResult searchBlockedWait(const litmus::Program& program,
                                 const model::EventStructure& events, const cat::Model& model,
                                 std::optional<Clock::time_point> deadline,
                                 const std::atomic<bool>* cancel) {
    if (events.waits.empty()) {
        return {};
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
    LivenessResult result;
    auto stats = enumerateCandidatesWithZ3(
        variant, observed,
        [&](const Candidate& candidate) {
            BuiltGraph built = buildExecutionGraph(variant, candidate);
            bool allowed = false;
            cat::EvaluateOptions options;
            cat::evaluate(model, built.graph, options,
                          [&](const cat::ExecutionVerdict& v) { allowed = allowed || v.allowed; });
            if (!allowed) {
                return true;
            }
            result.answer = LivenessAnswer::Blocked;
            std::map<model::SymId, std::int64_t> memo;
            for (std::size_t w = 0; w < variant.waits.size(); ++w) {
                if (valueIn(variant, variant.waits[w].blocked, candidate, memo) != 0) {
                    result.blockedWaits.push_back(w);
                }
            }
            return false;
        },
        deadline, cancel, &restriction);
    if (result.answer != LivenessAnswer::Blocked && stats.timedOut) {
        result.answer = LivenessAnswer::Unknown;
    }
    return result;
}

}  // namespace memx::solver
