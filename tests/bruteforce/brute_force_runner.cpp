#include "tests/bruteforce/brute_force_runner.hpp"

#include <chrono>
#include <set>
#include <string>

#include "litmus/prop_locations.hpp"
#include "solver/execution_graph_builder.hpp"
#include "solver/final_state.hpp"

namespace memx::bruteforce {

std::vector<bool> observedLocations(const litmus::Program& program,
                                    const model::EventStructure& events) {
    std::set<std::string> names;
    auto shared = [&](const litmus::LocationRef& ref) {
        if (!ref.thread) {
            names.insert(ref.name);
        }
    };
    litmus::forEachLocationRef(program.condition.prop, shared);
    litmus::forEachLocationRef(program.filter, shared);
    for (const auto& ref : program.locations) {
        shared(ref);
    }
    std::vector<bool> observed;
    for (const auto& location : events.locations.locations) {
        observed.push_back(names.count(location.name) > 0);
    }
    return observed;
}

BruteForceRun runByBruteForce(const litmus::Program& program, const model::EventStructure& events,
                              const cat::Model& model, const BruteForceLimits& limits) {
    auto start = std::chrono::steady_clock::now();
    BruteForceRun run;
    solver::TestOutcome& out = run.outcome;
    out.name = program.name;
    out.quantifier = program.condition.quantifier;
    const auto displayed = solver::displayedLocations(program);

    auto onCandidate = [&](const solver::Candidate& candidate) {
        solver::FinalStateReader reader(program, events, candidate);
        if (program.filter && !reader.holds(*program.filter)) {
            ++out.filtered;
            return true;
        }
        solver::FinalState state = reader.state(displayed);
        bool holds = !program.condition.prop || reader.holds(*program.condition.prop);
        solver::BuiltGraph built = solver::buildExecutionGraph(events, candidate);
        cat::evaluate(model, built.graph, {}, [&](const cat::ExecutionVerdict& verdict) {
            ++out.evaluated;
            if (!verdict.allowed) {
                return;
            }
            out.states.insert(state);
            ++(holds ? out.positive : out.negative);
            out.flags.insert(verdict.flags.begin(), verdict.flags.end());
            if (!verdict.undefinedChecks.empty()) {
                out.undefined = true;
                out.flags.insert("*undef*");
            }
        });
        return true;
    };

    // Count first: a space over the cap is skipped before any cat evaluation (on a 64-byte
    // copy, evaluating the first 20,000 candidates alone takes minutes).
    const auto observed = observedLocations(program, events);
    run.stats = enumerateByBruteForce(
        events, observed, [](const solver::Candidate&) { return true; }, limits);
    if (!run.stats.capped) {
        run.stats = enumerateByBruteForce(events, observed, onCandidate, limits);
    }
    out.candidates = run.stats.candidates;
    out.undetermined = run.stats.undetermined;
    out.timedOut = run.stats.capped;
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return run;
}

}  // namespace memx::bruteforce
