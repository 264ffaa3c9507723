#include "solver/test_outcome.hpp"

#include <fmt/format.h>

namespace memx::solver {

AllowedExecution keptAllowedExecution(FinalState state, bool conditionHolds,
                                      model::ExecutionGraph graph,
                                      const cat::ExecutionVerdict& verdict) {
    // The model chose co itself: keep its choice, or the execution is ambiguous.
    for (const auto& [name, rel] : verdict.relations) {
        graph.relations[name] = rel;
    }
    AllowedExecution e{std::move(state), conditionHolds, verdict.flags, std::move(graph),
                       verdict.withBindings};
    if (!verdict.undefinedChecks.empty()) {
        e.flags.push_back("*undef*");
    }
    return e;
}

std::string BlockedWait::where() const {
    return fmt::format("P{} at line {}", thread, line);
}

bool TestOutcome::conditionSatisfied() const {
    switch (quantifier) {
        case litmus::Quantifier::Exists:
            return positive > 0;
        case litmus::Quantifier::NotExists:
            return positive == 0;
        case litmus::Quantifier::Forall:
            return negative == 0;
    }
    return false;
}

}  // namespace memx::solver
