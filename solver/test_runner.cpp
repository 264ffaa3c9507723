#include "solver/test_runner.hpp"

#include <chrono>
#include <functional>

#include "solver/candidate_enumerator.hpp"
#include "solver/execution_graph_builder.hpp"

namespace memx::solver {

namespace {

// herd's observed locations: those of the condition, the filter and `locations [...]`.
std::vector<bool> observedLocations(const litmus::Program& program,
                                    const model::EventStructure& events) {
    std::set<std::string> names;
    std::function<void(const litmus::PropPtr&)> collect = [&](const litmus::PropPtr& p) {
        if (!p) {
            return;
        }
        std::visit(
            [&](const auto& node) {
                using T = std::decay_t<decltype(node)>;
                if constexpr (std::is_same_v<T, litmus::PropAtom>) {
                    if (!node.lhs.thread) {
                        names.insert(node.lhs.name);
                    }
                    if (node.rhs.kind == litmus::CondValue::Kind::Location &&
                        !node.rhs.location.thread) {
                        names.insert(node.rhs.location.name);
                    }
                } else if constexpr (std::is_same_v<T, litmus::PropNot>) {
                    collect(node.operand);
                } else if constexpr (std::is_same_v<T, litmus::PropAnd> ||
                                     std::is_same_v<T, litmus::PropOr> ||
                                     std::is_same_v<T, litmus::PropImplies>) {
                    collect(node.lhs);
                    collect(node.rhs);
                }
            },
            p->node);
    };
    collect(program.condition.prop);
    collect(program.filter);
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
        cat::evaluate(model, built.graph, evalOptions, [&](const cat::ExecutionVerdict& v) {
            if (deadline && Clock::now() > *deadline) {
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
                if (!v.undefinedChecks.empty()) {
                    e.flags.push_back("*undef*");
                }
                out.executions.push_back(std::move(e));
            }
        });
        return !(deadline && Clock::now() > *deadline);
    };

    try {
        EnumerationStats stats = enumerateCandidates(events, observed, onCandidate, deadline);
        out.candidates = stats.candidates;
        out.undetermined = stats.undetermined;
        out.timedOut = stats.timedOut || stats.stopped;
    } catch (const TimeLimitReached&) {
        out.timedOut = true;
    }
    out.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return out;
}

}  // namespace memx::solver
