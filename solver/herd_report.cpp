#include "solver/herd_report.hpp"

#include <fmt/format.h>

#include "solver/condition_printer.hpp"

namespace memx::solver {

std::string observationOf(const TestOutcome& o) {
    if (o.positive == 0) {
        return "Never";
    }
    return o.negative == 0 ? "Always" : "Sometimes";
}

std::string formatHerdReport(const litmus::Program& program, const TestOutcome& o,
                             const std::string& hash) {
    std::string out;
    out += fmt::format("Test {} {}\n", o.name, conditionKind(o.quantifier));
    out += fmt::format("States {}\n", o.states.size());
    for (const auto& state : o.states) {
        out += state.text() + "\n";
    }
    out += o.undefined ? "Undef\n" : (o.conditionSatisfied() ? "Ok\n" : "No\n");
    out += "Witnesses\n";
    bool swapped = o.quantifier == litmus::Quantifier::NotExists;
    out += fmt::format("Positive: {} Negative: {}\n", swapped ? o.negative : o.positive,
                       swapped ? o.positive : o.negative);
    for (const auto& flag : o.flags) {
        out += "Flag " + flag + "\n";
    }
    out += "Condition " + printCondition(program.condition) + "\n";
    out +=
        fmt::format("Observation {} {} {} {}\n", o.name, observationOf(o), o.positive, o.negative);
    if (!o.exhaustive) {
        // Not a herd line: says the States and Witnesses above are a sample (see SearchMode).
        out +=
            "Verdict-only search: the observation is exact; states, witness counts and flags "
            "are those of the executions checked\n";
    }
    out += fmt::format("Time {} {:.2f}\n", o.name, o.seconds);
    out += "Hash=" + hash + "\n\n";
    return out;
}

std::string formatTimeoutReport(const litmus::Program& program, const TestOutcome& o,
                                double limitSeconds) {
    return fmt::format(
        "Test {} {}\nTimeout after {:g} s: no verdict ({} candidates, {} executions checked)\n\n",
        o.name, conditionKind(program.condition.quantifier), limitSeconds, o.candidates,
        o.evaluated);
}

}  // namespace memx::solver
