#include "solver/test_runner.hpp"

#include <chrono>

#include "litmus/prop_locations.hpp"
#include "solver/candidate_enumerator.hpp"
#include "solver/execution_graph_builder.hpp"

namespace memx::solver {

namespace {

// herd's observed locations: those of the condition, the filter and `locations [...]`.
std::vector<bool> observedLocations(const litmus::Program& program,
                                    const model::EventStructure& events) {
    std::set<std::string> names;
    auto collect = [&](const litmus::LocationRef& ref) {
        if (!ref.thread) {
            names.insert(ref.name);
        }
    };
    litmus::forEachLocationRef(program.condition.prop, collect);
    litmus::forEachLocationRef(program.filter, collect);
    for (const auto& ref : program.locations) {
        if (!ref.thread) {
            names.insert(ref.name);
        }
    }
    std::vector<bool> observed;
    for (const auto& loc : events.locations.locations) {
        observed.push_back(names.count(loc.name) > 0);
    }
    return observed;
}

}  // namespace

TestOutcome runTest(const litmus::Program& program, const model::EventStructure& events,
                    const cat::Model& model, const RunOptions& options) {
    auto start = Clock::now();
    std::optional<Clock::time_point> deadline;
    if (options.timeoutSeconds) {
        deadline = start + std::chrono::duration_cast<Clock::duration>(
                               std::chrono::duration<double>(*options.timeoutSeconds));
    }
    TestOutcome out;
    out.name = program.name;
    out.quantifier = program.condition.quantifier;
    const auto displayed = displayedLocations(program);
    const auto observed = observedLocations(program, events);
    auto cancelled = [&]() { return options.cancel && options.cancel->load(); };
    auto mustStop = [&]() { return (deadline && Clock::now() > *deadline) || cancelled(); };

    auto onCandidate = [&](const Candidate& candidate) {
        FinalStateReader reader(program, events, candidate);
        if (program.filter && !reader.holds(*program.filter)) {
            ++out.filtered;
            return true;
        }
        FinalState state = reader.state(displayed);
        bool holds = !program.condition.prop || reader.holds(*program.condition.prop);
        BuiltGraph built = buildExecutionGraph(events, candidate);
        cat::EvaluateOptions evalOptions;
        const bool nativeCoherence = !built.graph.relations.count("co");
        if (options.keepExecutions && nativeCoherence) {
            evalOptions.extraRelations = {"co", "fr"};
        }
        cat::evaluate(model, built.graph, evalOptions, [&](const cat::ExecutionVerdict& v) {
            if (mustStop()) {
                throw TimeLimitReached{};
            }
            ++out.evaluated;
            if (!v.allowed) {
                return;
            }
            out.states.insert(state);
            ++(holds ? out.positive : out.negative);
            out.flags.insert(v.flags.begin(), v.flags.end());
            if (!v.undefinedChecks.empty()) {
                out.undefined = true;
                out.flags.insert("*undef*");
            }
            if (options.keepExecutions) {
                AllowedExecution e{state, holds, v.flags, built.graph, v.withBindings};
                // The model chose co itself: keep its choice, or the execution is ambiguous.
                for (const auto& [name, rel] : v.relations) {
                    e.graph.relations[name] = rel;
                }
                if (!v.undefinedChecks.empty()) {
                    e.flags.push_back("*undef*");
                }
                out.executions.push_back(std::move(e));
            }
        });
        return !mustStop();
    };

    try {
        EnumerationStats stats =
            enumerateCandidates(events, observed, onCandidate, deadline, options.cancel);
        out.candidates = stats.candidates;
        out.undetermined = stats.undetermined;
        out.timedOut = stats.timedOut || stats.stopped;
    } catch (const TimeLimitReached&) {
        out.timedOut = true;
    }
    out.cancelled = out.timedOut && cancelled();
    out.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return out;
}

}  // namespace memx::solver
