#include "solver/json_report.hpp"

#include "solver/condition_printer.hpp"
#include "solver/herd_report.hpp"

namespace memx::solver {

namespace {

nlohmann::json pairsOf(const model::Relation& r) {
    nlohmann::json pairs = nlohmann::json::array();
    for (const auto& [a, b] : r.pairs()) {
        pairs.push_back({a, b});
    }
    return pairs;
}

nlohmann::json executionToJson(const AllowedExecution& e) {
    nlohmann::json events = nlohmann::json::array();
    for (std::size_t i = 0; i < e.graph.events.size(); ++i) {
        const auto& info = e.graph.events[i];
        nlohmann::json ev = {
            {"id", i},           {"thread", info.thread}, {"poIndex", info.poIndex},
            {"kind", info.kind}, {"tags", info.tags},     {"label", info.label}};
        if (!info.location.empty()) {
            ev["location"] = info.location;
        }
        if (info.value) {
            ev["value"] = *info.value;
        }
        events.push_back(std::move(ev));
    }
    nlohmann::json relations = nlohmann::json::object();
    for (const auto& [name, rel] : e.graph.relations) {
        if (name != "id" && name != "loc" && name != "int" && name != "ext") {
            relations[name] = pairsOf(rel);
        }
    }
    for (const auto& [name, rel] : e.withBindings) {
        relations[name] = pairsOf(rel);
    }
    return {{"state", e.state.text()},
            {"conditionHolds", e.conditionHolds},
            {"flags", e.flags},
            {"events", std::move(events)},
            {"relations", std::move(relations)}};
}

}  // namespace

nlohmann::json outcomeToJson(const litmus::Program& program, const TestOutcome& o,
                             const std::string& hash) {
    nlohmann::json states = nlohmann::json::array();
    for (const auto& s : o.states) {
        states.push_back(s.text());
    }
    nlohmann::json unprovenFlags = nlohmann::json::object();
    for (const auto& [flag, why] : o.unprovenFlags) {
        unprovenFlags[flag] = unprovenReason(why);
    }
    nlohmann::json blockedWaits = nlohmann::json::array();
    if (o.blocked) {
        for (const BlockedWait& wait : o.blocked->waits) {
            blockedWaits.push_back(wait.where());
        }
    }
    nlohmann::json j = {{"test", o.name},
                        {"kind", conditionKind(o.quantifier)},
                        {"condition", printCondition(program.condition)},
                        {"timedOut", o.timedOut},
                        {"exhaustive", o.exhaustive},
                        {"states", std::move(states)},
                        // statesOmitted is exact when statesExact, else a lower bound.
                        {"statesExact", o.statesCompleteness == Completeness::Exact},
                        {"statesOmitted", o.statesOmitted},
                        {"flagsExact", o.flagsExact},
                        {"flagsUnproven", std::move(unprovenFlags)},
                        {"result", o.undefined ? "Undef" : (o.conditionSatisfied() ? "Ok" : "No")},
                        {"loopCut", o.loopCut},
                        {"waits", o.waits},
                        {"blockedWaits", blockedWaits},
                        {"positive", o.positive},
                        {"negative", o.negative},
                        {"flags", o.flags},
                        {"observation", observationOf(o)},
                        {"seconds", o.seconds},
                        {"hash", hash},
                        {"candidates", o.candidates},
                        {"undeterminedCandidates", o.undetermined},
                        {"filteredCandidates", o.filtered},
                        {"executionsChecked", o.evaluated},
                        {"solverWork", o.solverWork}};
    nlohmann::json executions = nlohmann::json::array();
    for (const auto& e : o.executions) {
        executions.push_back(executionToJson(e));
    }
    j["executions"] = std::move(executions);
    if (o.blocked) {
        // The execution in which those threads wait forever, and each wait's last reads.
        nlohmann::json waits = nlohmann::json::array();
        for (const BlockedWait& wait : o.blocked->waits) {
            waits.push_back(
                {{"thread", wait.thread}, {"line", wait.line}, {"lastReads", wait.lastReads}});
        }
        j["blocked"] = {{"execution", executionToJson(o.blocked->execution)},
                        {"waits", std::move(waits)}};
    }
    return j;
}

}  // namespace memx::solver
