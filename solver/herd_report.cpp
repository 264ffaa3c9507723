#include "solver/herd_report.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <vector>

namespace memx::solver {

std::string observationOf(const TestOutcome& o) {
    if (o.positive == 0) {
        return "Never";
    }
    return o.negative == 0 ? "Always" : "Sometimes";
}

namespace {

// "a", "a and b", "a, b and c".
std::string joinWithAnd(const std::vector<std::string>& parts) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
    }
    return out;
}

}  // namespace

std::string unprovenReason(Completeness c) {
    return c == Completeness::Stopped ? "time limit" : "not searched";
}

std::optional<std::string> statesOmittedNote(const TestOutcome& o) {
    if (o.statesCompleteness == Completeness::Capped) {
        return fmt::format("States omitted: at least {} (the state search stops at --max-states)",
                           std::max<std::uint64_t>(o.statesOmitted, 1));
    }
    if (o.statesOmitted == 0) {
        return std::nullopt;
    }
    if (o.statesCompleteness == Completeness::Exact) {
        return fmt::format("States omitted: {} of {}", o.statesOmitted,
                           o.statesOmitted + o.states.size());
    }
    return fmt::format("States omitted: at least {}", o.statesOmitted);
}

std::string verdictOnlyNote(const TestOutcome& o) {
    std::vector<std::string> exact = {"observation"};
    std::vector<std::string> unproven;
    std::vector<std::string> sampled;
    switch (o.statesCompleteness) {
        case Completeness::Exact:
            exact.push_back("states");
            break;
        case Completeness::Capped:
            unproven.push_back("state search stopped at --max-states");
            break;
        case Completeness::Stopped:
            unproven.push_back("states not proven complete (time limit)");
            break;
        case Completeness::NotSearched:
            sampled.push_back("states");
            break;
    }
    sampled.push_back("witness counts");
    if (o.flagsExact) {
        exact.push_back("flags");
    } else if (o.unprovenFlags.empty()) {
        sampled.push_back("flags");
    } else {
        for (const auto& [flag, why] : o.unprovenFlags) {
            unproven.push_back(
                fmt::format("flag {} not proven absent ({})", flag, unprovenReason(why)));
        }
        exact.push_back("other flags");
    }
    std::string note = "Verdict-only search: " + joinWithAnd(exact) + " exact";
    for (const std::string& part : unproven) {
        note += "; " + part;
    }
    note += "; " + joinWithAnd(sampled) + " are those of the executions checked";
    return note;
}

std::string formatHerdReport(const litmus::Program& program, const TestOutcome& o,
                             const std::string& hash, LocationStyle style) {
    std::string out;
    out += fmt::format("Test {} {}\n", o.name, conditionKind(o.quantifier));
    out += fmt::format("States {}\n", o.states.size());
    for (const auto& state : o.states) {
        out += (style == LocationStyle::Bracketed ? state.herdText() : state.text()) + "\n";
    }
    out += o.loopCut ? "Loop " : "";
    out += o.undefined ? "Undef\n" : (o.conditionSatisfied() ? "Ok\n" : "No\n");
    out += "Witnesses\n";
    bool swapped = o.quantifier == litmus::Quantifier::NotExists;
    out += fmt::format("Positive: {} Negative: {}\n", swapped ? o.negative : o.positive,
                       swapped ? o.positive : o.negative);
    for (const auto& flag : o.flags) {
        out += "Flag " + flag + "\n";
    }
    out += "Condition " + printCondition(program.condition, style) + "\n";
    out +=
        fmt::format("Observation {} {} {} {}\n", o.name, observationOf(o), o.positive, o.negative);
    // Not herd lines: which reading of loops ran when it was not herd7's, what the States
    // above leave out, and what a verdict-only run proved.
    if (o.waits > 0) {
        out += fmt::format(
            "Waits: {} loop{} read with --loops await, each contributing its final iteration\n",
            o.waits, o.waits == 1 ? "" : "s");
    }
    if (o.blocked) {
        for (const BlockedWait& wait : o.blocked->waits) {
            out += "Waits forever: " + wait.where() + ", in an allowed execution (Flag liveness)\n";
        }
    }
    if (auto omitted = statesOmittedNote(o)) {
        out += *omitted + "\n";
    }
    if (!o.exhaustive) {
        out += verdictOnlyNote(o) + "\n";
    }
    out += fmt::format("Time {} {:.2f}\n", o.name, o.seconds);
    out += "Hash=" + hash + "\n\n";
    return out;
}

std::string loopCutWarning(const std::string& file) {
    return fmt::format(
        "Warning: File \"{}\": unrolling limit exceeded at While, legal outcomes may be "
        "missing.\n",
        file);
}

std::string formatTimeoutReport(const litmus::Program& program, const TestOutcome& o,
                                double limitSeconds) {
    // A candidate whose coherence orders are still being built has checked nothing yet: say
    // how many orders exist so far, so a wide test (64 writes of one location) shows progress.
    const std::string orders =
        o.ordersBuilt > o.evaluated
            ? fmt::format("; {} coherence orders built so far", o.ordersBuilt)
            : "";
    return fmt::format(
        "Test {} {}\nTimeout after {:g} s: no verdict ({} candidates, {} executions checked{})\n\n",
        o.name, conditionKind(program.condition.quantifier), limitSeconds, o.candidates,
        o.evaluated, orders);
}

}  // namespace memx::solver
