// An explanation in words, for email and terminals: the verdict on the condition's outcome,
// then per execution the failing axiom, the cycle as `a -hb-> b -hb-> a`, the same cycle in
// base edges, how each named edge arises, and the events involved; then each raised flag with
// its two events and the ordering missing between them. Names come from the caller, so the
// words use the same event names as the figures (render::shortEventNames).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "model/execution_graph.hpp"
#include "solver/explanation.hpp"

namespace memx::solver {

struct EventNaming {
    // names(graph)[i]: event i's short name ("a", "b", ...).
    std::function<std::vector<std::string>(const model::ExecutionGraph&)> names;
    // An event's label ("W[once] x=1").
    std::function<std::string(const model::EventInfo&)> label;
};

// "a -po-> b -rf-> c"; edges that do not join up are separated by ", ".
std::string formatChain(const std::vector<DerivedEdge>& chain,
                        const std::vector<std::string>& names);

// One execution's explanation (its violation or its flags), lines indented by `indent`.
std::string formatExecution(const ExplainedExecution& e, const EventNaming& naming,
                            const std::string& indent = "  ");

// An allowed execution: its events and its rf and co edges, lines indented by `indent`.
std::string formatAllowed(const JudgedExecution& execution, const EventNaming& naming,
                          const std::string& indent = "  ");

std::string formatExplanation(const TestExplanation& why, const EventNaming& naming);

}  // namespace memx::solver
