#include "solver/model_comparison.hpp"

#include <map>

#include "solver/condition_printer.hpp"

namespace memx::solver {

namespace {

struct Seen {
    std::map<FinalState, JudgedExecution> allowed;   // first allowed execution per state
    std::map<FinalState, JudgedExecution> rejected;  // first rejected execution per state
    std::map<std::string, JudgedExecution> flagged;  // first allowed execution per flag
    bool timedOut = false;
};

Seen walk(const litmus::Program& program, const ComparedModel& m,
          std::optional<double> timeoutSeconds) {
    Seen seen;
    SearchOptions options;
    options.timeoutSeconds = timeoutSeconds;
    auto stats =
        forEachExecution(program, *m.events, *m.model, options, [&](const JudgedExecution& e) {
            auto& into = e.verdict.allowed ? seen.allowed : seen.rejected;
            into.try_emplace(e.state, e);
            if (e.verdict.allowed) {
                // The flags `memx run` prints: the model's flags, and *undef* for a failed
                // undefined_unless check, as herd names it.
                for (const auto& f : e.verdict.flags) {
                    seen.flagged.try_emplace(f, e);
                }
                if (!e.verdict.undefinedChecks.empty()) {
                    seen.flagged.try_emplace("*undef*", e);
                }
            }
            return true;
        });
    seen.timedOut = stats.timedOut;
    return seen;
}

}  // namespace

ModelComparison compareModels(const litmus::Program& program, const ComparedModel& first,
                              const ComparedModel& second, std::optional<double> timeoutSeconds) {
    ModelComparison out;
    out.test = program.name;
    out.condition = printCondition(program.condition);
    out.models = {first.name, second.name};
    const std::array<const ComparedModel*, 2> models{&first, &second};
    const std::array<Seen, 2> seen{walk(program, first, timeoutSeconds),
                                   walk(program, second, timeoutSeconds)};
    out.timedOut = seen[0].timedOut || seen[1].timedOut;
    for (int i = 0; i < 2; ++i) {
        for (const auto& [state, e] : seen[i].allowed) {
            out.allowedStates[i].insert(state);
        }
    }
    for (int i = 0; i < 2; ++i) {
        for (const auto& [flag, e] : seen[i].flagged) {
            out.flags[i].insert(flag);
        }
    }
    for (int i = 0; i < 2; ++i) {
        for (const auto& [flag, e] : seen[i].flagged) {
            if (!out.flags[1 - i].count(flag)) {
                out.flagDifferences.push_back({flag, i, explainExecution(*models[i]->model, e)});
            }
        }
    }
    for (int i = 0; i < 2; ++i) {
        const int other = 1 - i;
        for (const auto& [state, e] : seen[i].allowed) {
            if (out.allowedStates[other].count(state)) {
                continue;
            }
            OutcomeDifference d;
            d.state = state;
            d.conditionHolds = e.conditionHolds;
            d.allowedBy = i;
            d.allowing = explainExecution(*models[i]->model, e);
            if (auto r = seen[other].rejected.find(state); r != seen[other].rejected.end()) {
                d.rejecting = explainExecution(*models[other]->model, r->second);
            }
            out.differences.push_back(std::move(d));
        }
    }
    return out;
}

}  // namespace memx::solver
