#include "solver/execution_search.hpp"

#include <chrono>
#include <set>

#include "litmus/prop_locations.hpp"
#include "solver/candidate_enumerator.hpp"
#include "solver/execution_graph_builder.hpp"
#include "solver/observed_locations.hpp"

namespace memx::solver {

namespace {

// Thrown through cat::evaluate's callback to stop mid-candidate.
struct StopSearch {};

}  // namespace

SearchStats forEachExecution(const litmus::Program& program, const model::EventStructure& events,
                             const cat::Model& model, const SearchOptions& options,
                             const std::function<bool(const JudgedExecution&)>& onExecution) {
    const std::optional<Clock::time_point> deadline = deadlineAfter(options.timeoutSeconds);
    const auto displayed = displayedLocations(program);
    const auto observed = observedLocations(program, events);
    cat::EvaluateOptions evalOptions;
    evalOptions.extraRelations = options.extraRelations;
    for (const char* name : {"co", "fr"}) {
        evalOptions.extraRelations.emplace_back(name);
    }
    SearchStats stats;
    evalOptions.checkpoint = [&] {
        if (deadline && Clock::now() > *deadline) {
            stats.timedOut = true;
            throw StopSearch{};
        }
    };
    std::uint64_t candidateIndex = 0;

    auto onCandidate = [&](const Candidate& candidate) {
        FinalStateReader reader(program, events, candidate);
        if (program.filter && !reader.holds(*program.filter)) {
            ++candidateIndex;
            return true;
        }
        JudgedExecution judged;
        judged.candidate = candidateIndex++;
        judged.state = reader.state(displayed);
        judged.conditionHolds = !program.condition.prop || reader.holds(*program.condition.prop);
        BuiltGraph built = buildExecutionGraph(events, candidate);
        const bool nativeCoherence = !built.graph.relations.count("co");
        std::uint64_t ordinal = 0;
        cat::evaluate(model, built.graph, evalOptions, [&](const cat::ExecutionVerdict& v) {
            if (deadline && Clock::now() > *deadline) {
                stats.timedOut = true;
                throw StopSearch{};
            }
            ++stats.executions;
            judged.ordinal = ordinal++;
            judged.graph = built.graph;
            judged.verdict = v;
            if (nativeCoherence) {
                for (const char* name : {"co", "fr"}) {
                    auto it = v.relations.find(name);
                    if (it != v.relations.end()) {
                        judged.graph.relations[name] = it->second;
                    }
                }
            }
            if (!onExecution(judged)) {
                stats.stopped = true;
                throw StopSearch{};
            }
        });
        return !(deadline && Clock::now() > *deadline);
    };
    try {
        EnumerationStats e = enumerateCandidates(events, observed, onCandidate, deadline);
        stats.candidates = e.candidates;
        stats.timedOut = stats.timedOut || e.timedOut;
    } catch (const StopSearch&) {
        stats.candidates = candidateIndex;
    }
    return stats;
}

}  // namespace memx::solver
