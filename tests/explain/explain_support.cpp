#include "explain_support.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "litmus/diagnostic.hpp"

namespace memx::explain_test {

std::string sourceDir() {
    return MEMX_SOURCE_DIR;
}

std::optional<Loaded> load(const std::string& model, const std::string& file) {
    solver::ModelSelection selection;
    selection.builtin = model;
    DiagnosticSink sink;
    auto loaded = solver::loadModelSelection(selection, sink);
    if (!loaded) {
        ADD_FAILURE() << "cannot load built-in model " << model;
        return std::nullopt;
    }
    auto test = solver::prepareLitmusFile(file, *loaded, sink);
    for (const auto& d : sink.diagnostics()) {
        ADD_FAILURE() << d.file << ": " << d.message;
    }
    if (!test) {
        return std::nullopt;
    }
    return Loaded{std::move(*loaded), std::move(*test)};
}

std::map<std::string, model::Relation> evaluatorRelations(const cat::Model& model,
                                                          const solver::JudgedExecution& e,
                                                          const std::vector<std::string>& names) {
    cat::EvaluateOptions options;
    options.stopAtFirstFailure = false;
    options.extraRelations = names;
    std::optional<std::map<std::string, model::Relation>> out;
    cat::evaluate(model, e.graph, options, [&](const cat::ExecutionVerdict& v) {
        for (const auto& [name, rel] : e.verdict.withBindings) {
            auto it = v.withBindings.find(name);
            if (it == v.withBindings.end() || !(it->second == rel)) {
                return;
            }
        }
        if (!out) {
            out = v.relations;
        }
    });
    auto result = out.value_or(std::map<std::string, model::Relation>{});
    for (const auto& [name, rel] : e.graph.relations) {
        result.try_emplace(name, rel);
    }
    return result;
}

namespace {

void collectNames(const std::vector<solver::DerivedEdge>& chain, std::set<std::string>& into) {
    for (const auto& e : chain) {
        std::string name = e.relation;
        if (name.size() > 3 && name.substr(name.size() - 3) == "^-1") {
            name.resize(name.size() - 3);
        }
        into.insert(name);
        collectNames(e.parts, into);
    }
}

}  // namespace

std::vector<std::string> derivationProblems(const cat::Model& model,
                                            const solver::JudgedExecution& e,
                                            const std::vector<solver::DerivedEdge>& chain,
                                            model::EventIndex from, model::EventIndex to) {
    std::set<std::string> names;
    collectNames(chain, names);
    auto values = evaluatorRelations(model, e, {names.begin(), names.end()});
    std::vector<std::string> problems;
    std::function<void(const std::vector<solver::DerivedEdge>&, model::EventIndex,
                       model::EventIndex)>
        check = [&](const std::vector<solver::DerivedEdge>& c, model::EventIndex a,
                    model::EventIndex b) {
            if (c.empty()) {
                if (a != b) {
                    problems.push_back("an empty chain between different events");
                }
                return;
            }
            if (c.front().from != a || c.back().to != b) {
                problems.push_back("a chain does not run from its edge's source to its target");
            }
            for (std::size_t i = 0; i + 1 < c.size(); ++i) {
                if (c[i].to != c[i + 1].from) {
                    problems.push_back("a chain does not join up after " + c[i].relation);
                }
            }
            for (const auto& edge : c) {
                std::string name = edge.relation;
                bool inverse = name.size() > 3 && name.substr(name.size() - 3) == "^-1";
                if (inverse) {
                    name.resize(name.size() - 3);
                }
                auto it = values.find(name);
                if (it != values.end()) {
                    bool holds = inverse ? it->second.contains(edge.to, edge.from)
                                         : it->second.contains(edge.from, edge.to);
                    if (!holds) {
                        problems.push_back("edge " + std::to_string(edge.from) + " -" +
                                           edge.relation + "-> " + std::to_string(edge.to) +
                                           " is not a pair of " + name);
                    }
                }
                if (!edge.parts.empty()) {
                    check(edge.parts, edge.from, edge.to);
                }
            }
        };
    check(chain, from, to);
    return problems;
}

}  // namespace memx::explain_test
