#include "solver/liveness_search.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "model/events/symbolic_values.hpp"
#include "solver/candidate_encoding.hpp"
#include "solver/condition_encoding.hpp"
#include "solver/execution_graph_builder.hpp"
#include "solver/final_state.hpp"

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

// The waits whose blocked guard holds in `candidate`, with their last reads as events of the
// candidate's graph.
std::vector<BlockedWait> blockedWaitsOf(const model::EventStructure& es, const Candidate& candidate,
                                        const BuiltGraph& built) {
    std::map<model::SymId, std::int64_t> memo;
    std::vector<BlockedWait> out;
    for (const model::Wait& wait : es.waits) {
        if (valueIn(es, wait.blocked, candidate, memo) == 0) {
            continue;
        }
        BlockedWait blocked{wait.thread, int(wait.range.begin.line), {}};
        for (std::uint32_t read : wait.lastReads) {
            auto it = std::find(built.symEvent.begin(), built.symEvent.end(), read);
            if (it != built.symEvent.end()) {
                blocked.lastReads.push_back(model::EventIndex(it - built.symEvent.begin()));
            }
        }
        out.push_back(std::move(blocked));
    }
    return out;
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
    const auto displayed = displayedLocations(program);
    auto stats = enumerateCandidatesWithZ3(
        variant, observed,
        [&](const Candidate& candidate) {
            BuiltGraph built = buildExecutionGraph(variant, candidate);
            cat::EvaluateOptions options;
            // The model may choose co itself (LKMM, SC): the figure needs its choice.
            const bool nativeCoherence = !built.graph.relations.count("co");
            if (nativeCoherence) {
                options.extraRelations = {"co", "fr"};
            }
            std::optional<cat::ExecutionVerdict> allowed;
            cat::evaluate(model, built.graph, options, [&](const cat::ExecutionVerdict& v) {
                if (v.allowed && !allowed) {
                    allowed = v;
                }
            });
            if (!allowed) {
                return true;
            }
            result.answer = LivenessAnswer::Blocked;
            FinalStateReader reader(program, variant, candidate);
            BlockedExecution blocked;
            blocked.execution = keptAllowedExecution(
                reader.state(displayed),
                !program.condition.prop || reader.holds(*program.condition.prop),
                std::move(built.graph), *allowed);
            blocked.waits = blockedWaitsOf(variant, candidate, built);
            result.blocked = std::move(blocked);
            return false;
        },
        deadline, cancel, &restriction);
    if (result.answer != LivenessAnswer::Blocked && stats.timedOut) {
        result.answer = LivenessAnswer::Unknown;
    }
    return result;
}

}  // namespace memx::solver
