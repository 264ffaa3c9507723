// Two models on one test: the final states one allows and the other forbids, each with the
// execution that shows it under the allowing model and, under the forbidding model, the
// execution with that state and the axiom that rejects it ("LKMM forbids this, but does C11?").
#pragma once

#include <array>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "solver/explanation.hpp"
#include "solver/final_state.hpp"

namespace memx::solver {

// One side of the comparison: the test's events under that model's primitive table.
struct ComparedModel {
    std::string name;  // as the user named it ("lkmm", "rc11", a .cat path)
    const cat::Model* model = nullptr;
    const model::EventStructure* events = nullptr;
};

struct OutcomeDifference {
    FinalState state;
    bool conditionHolds = false;  // the condition's proposition holds in this state
    int allowedBy = 0;            // index of the model that allows it; the other forbids it
    ExplainedExecution allowing;  // an allowed execution with this state
    // The forbidding model's first rejected execution with this state and its axiom; nullopt
    // when no candidate of that model reaches the state at all.
    std::optional<ExplainedExecution> rejecting;
};

// A flag (as `memx run` prints it: data-race, torn-read, *undef* for an undefined_unless
// check that fails, ...) that allowed executions raise under one model and never under the
// other, with the first such execution explained (the racing pair and the missing ordering).
struct FlagDifference {
    std::string flag;
    int raisedBy = 0;  // index of the model that raises it
    ExplainedExecution raising;
};

struct ModelComparison {
    std::string test;
    std::string condition;
    std::array<std::string, 2> models;
    std::array<std::set<FinalState>, 2> allowedStates;
    std::vector<OutcomeDifference> differences;  // first model's extra states, then the second's
    std::array<std::set<std::string>, 2> flags;  // raised by some allowed execution
    // Undefined behaviour is the most important difference between LKMM and RC11 (a volatile
    // copy races only under RC11), so flags count as differences as final states do.
    std::vector<FlagDifference> flagDifferences;  // first model's extra flags, then the second's
    bool timedOut = false;
    bool differ() const { return !differences.empty() || !flagDifferences.empty(); }
};

ModelComparison compareModels(const litmus::Program& program, const ComparedModel& first,
                              const ComparedModel& second,
                              std::optional<double> timeoutSeconds = std::nullopt);

}  // namespace memx::solver
