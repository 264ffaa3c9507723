#include "solver/kept_execution.hpp"

namespace memx::solver {

namespace {

// What allowed and forbidden executions both keep.
template <class Kept>
JudgedExecution judgedCommon(const Kept& e) {
    JudgedExecution j;
    j.state = e.state;
    j.conditionHolds = e.conditionHolds;
    j.graph = e.graph;
    j.verdict.withBindings = e.withBindings;
    return j;
}

}  // namespace

JudgedExecution judgedExecution(const AllowedExecution& execution) {
    JudgedExecution j = judgedCommon(execution);
    j.verdict.allowed = true;
    j.verdict.flags = execution.flags;
    return j;
}

JudgedExecution judgedExecution(const ForbiddenExecution& execution) {
    JudgedExecution j = judgedCommon(execution);
    j.verdict.allowed = false;
    for (const auto& axiom : execution.failedAxioms) {
        cat::CheckResult check;
        check.name = axiom;
        check.kind = cat::CheckKind::Acyclic;  // not compared: the name identifies the check
        check.mode = cat::CheckMode::Axiom;
        check.holds = false;
        j.verdict.checks.push_back(std::move(check));
    }
    return j;
}

}  // namespace memx::solver
