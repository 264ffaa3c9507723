#include "solver/explanation.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/visitors.hpp>
#include <limits>
#include <set>

#include "solver/condition_printer.hpp"

namespace memx::solver {

namespace {

using model::EventIndex;
using model::Relation;

// Thrown through cat::evaluate's callback once the execution sought has been seen.
struct Found {};

bool sameChoices(const cat::ExecutionVerdict& seen, const cat::ExecutionVerdict& wanted) {
    if (seen.allowed != wanted.allowed) {
        return false;
    }
    for (const auto& [name, rel] : wanted.withBindings) {
        auto it = seen.withBindings.find(name);
        if (it == seen.withBindings.end() || !(it->second == rel)) {
            return false;
        }
    }
    if (!wanted.allowed) {
        return !seen.checks.empty() && !wanted.checks.empty() &&
               seen.checks.back().name == wanted.checks.back().name;
    }
    return true;
}

const cat::CheckResult* failingAxiom(const cat::ExecutionVerdict& v) {
    for (const auto& c : v.checks) {
        if (c.mode == cat::CheckMode::Axiom && !c.holds) {
            return &c;
        }
    }
    return nullptr;
}

std::vector<DerivedEdge> chainThrough(const RelationDeriver& deriver, const cat::CheckResult& check,
                                      const std::vector<EventIndex>& cycle) {
    std::vector<DerivedEdge> out;
    for (std::size_t i = 0; i < cycle.size(); ++i) {
        EventIndex a = cycle[i], b = cycle[(i + 1) % cycle.size()];
        auto chain = deriver.deriveChecked(check, a, b);
        if (!chain) {
            return {};
        }
        out.insert(out.end(), chain->begin(), chain->end());
    }
    return out;
}

AxiomViolation violationOf(const RelationDeriver& deriver, const cat::CheckResult& check) {
    AxiomViolation v;
    v.axiom = check.name;
    v.kind = check.kind;
    v.expression = deriver.checkedText(check);
    auto rel = deriver.checkedRelation(check);
    if (!rel) {
        return v;
    }
    switch (check.kind) {
        case cat::CheckKind::Acyclic:
            v.cycle = chainThrough(deriver, check, shortestCycle(*rel));
            break;
        case cat::CheckKind::Irreflexive:
            for (EventIndex e = 0; e < rel->universe(); ++e) {
                if (rel->contains(e, e)) {
                    v.cycle = chainThrough(deriver, check, {e});
                    break;
                }
            }
            break;
        case cat::CheckKind::Empty: {
            auto pairs = rel->pairs();
            if (!pairs.empty()) {
                auto chain = deriver.deriveChecked(check, pairs[0].first, pairs[0].second);
                if (chain) {
                    v.cycle = *chain;
                }
            }
            break;
        }
    }
    v.derived = !v.cycle.empty();
    return v;
}

}  // namespace

std::vector<EventIndex> shortestCycle(const Relation& r) {
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    const std::size_t n = r.universe();
    Graph g(n);
    for (auto [a, b] : r.pairs()) {
        boost::add_edge(a, b, g);
    }
    std::vector<EventIndex> best;
    for (std::size_t start = 0; start < n; ++start) {
        if (r.contains(start, start)) {
            return {static_cast<EventIndex>(start)};
        }
        // Distances and parents of a breadth-first search from `start`; a cycle through start
        // closes at any reached event with an edge back to it.
        std::vector<std::size_t> dist(n, std::numeric_limits<std::size_t>::max());
        std::vector<std::size_t> parent(n);
        for (std::size_t v = 0; v < n; ++v) {
            parent[v] = v;
        }
        dist[start] = 0;
        boost::breadth_first_search(
            g, boost::vertex(start, g),
            boost::visitor(boost::make_bfs_visitor(
                std::make_pair(boost::record_distances(dist.data(), boost::on_tree_edge()),
                               boost::record_predecessors(parent.data(), boost::on_tree_edge())))));
        std::size_t closing = n, length = std::numeric_limits<std::size_t>::max();
        for (EventIndex p : r.predecessors(static_cast<EventIndex>(start)).elements()) {
            if (dist[p] != std::numeric_limits<std::size_t>::max() && dist[p] + 1 < length) {
                length = dist[p] + 1;
                closing = p;
            }
        }
        if (closing == n || (!best.empty() && length >= best.size())) {
            continue;
        }
        std::vector<EventIndex> cycle;
        for (std::size_t v = closing; v != start; v = parent[v]) {
            cycle.push_back(static_cast<EventIndex>(v));
        }
        cycle.push_back(static_cast<EventIndex>(start));
        best.assign(cycle.rbegin(), cycle.rend());
    }
    return best;
}

namespace {

// The same execution evaluated again under `options` (same choices of co and `with`).
std::optional<cat::ExecutionVerdict> reevaluate(const cat::Model& model,
                                                const JudgedExecution& execution,
                                                const cat::EvaluateOptions& options) {
    std::optional<cat::ExecutionVerdict> verdict;
    try {
        cat::evaluate(model, execution.graph, options, [&](const cat::ExecutionVerdict& v) {
            if (sameChoices(v, execution.verdict)) {
                verdict = v;
                throw Found{};
            }
        });
    } catch (const Found&) {
    }
    return verdict;
}

}  // namespace

std::map<std::string, Relation> relationsOf(const cat::Model& model,
                                            const JudgedExecution& execution,
                                            const std::vector<std::string>& names) {
    std::map<std::string, Relation> out;
    cat::EvaluateOptions options;
    options.extraRelations = names;
    auto verdict = reevaluate(model, execution, options);
    for (const auto& name : names) {
        if (auto it = execution.graph.relations.find(name); it != execution.graph.relations.end()) {
            out[name] = it->second;
        } else if (verdict) {
            if (auto r = verdict->relations.find(name); r != verdict->relations.end()) {
                out[name] = r->second;
            }
        }
    }
    return out;
}

ExplainedExecution explainExecution(const cat::Model& model, const JudgedExecution& execution) {
    ExplainedExecution out;
    out.execution = execution;
    cat::EvaluateOptions options;
    options.keepGlobals = true;
    auto verdict = reevaluate(model, execution, options);
    if (!verdict) {
        return out;  // cannot happen for an execution the same model judged
    }
    RelationDeriver deriver(model, execution.graph, *verdict);
    if (!verdict->allowed) {
        if (const cat::CheckResult* check = failingAxiom(*verdict)) {
            out.violation = violationOf(deriver, *check);
        }
        return out;
    }
    for (const auto& check : verdict->checks) {
        // A flag is raised when its test holds; an undefined_unless check (RC11's race, which
        // makes the program undefined: herd's *undef*) when its test fails.
        const bool undefined = check.mode == cat::CheckMode::UndefinedUnless && !check.holds;
        if (!undefined && (check.mode != cat::CheckMode::Flag || !check.holds)) {
            continue;
        }
        FlagWitness w;
        w.flag = check.name;
        w.undefined = undefined;
        if (auto rel = deriver.checkedRelation(check); rel && !rel->empty()) {
            auto [a, b] = rel->pairs().front();
            w.first = a;
            w.second = b;
            if (auto chain = deriver.deriveChecked(check, a, b)) {
                w.pair = *chain;
            }
        }
        out.flags.push_back(std::move(w));
    }
    return out;
}

TestExplanation explainTest(const litmus::Program& program, const model::EventStructure& events,
                            const cat::Model& model, const ExplainOptions& options) {
    TestExplanation out;
    out.test = program.name;
    out.modelTitle = cat::modelTitle(model);
    out.quantifier = program.condition.quantifier;
    out.condition = printCondition(program.condition);
    std::optional<JudgedExecution> witness;
    std::vector<JudgedExecution> forbidden, flagged;
    std::set<std::string> flagsSeen;
    SearchOptions search;
    search.timeoutSeconds = options.timeoutSeconds;
    SearchStats stats =
        forEachExecution(program, events, model, search, [&](const JudgedExecution& e) {
            if (e.verdict.allowed) {
                ++out.allowedTotal;
                if (e.conditionHolds && !witness) {
                    witness = e;
                }
                bool fresh = false;
                for (const auto& f : e.verdict.flags) {
                    fresh = flagsSeen.insert(f).second || fresh;
                }
                for (const auto& f : e.verdict.undefinedChecks) {
                    fresh = flagsSeen.insert(f).second || fresh;
                }
                if (fresh) {
                    flagged.push_back(e);
                }
            } else if (e.conditionHolds) {
                if (++out.forbiddenTotal <= options.maxExecutions) {
                    forbidden.push_back(e);
                }
            }
            return true;
        });
    out.timedOut = stats.timedOut;
    out.conditionAllowed = witness.has_value();
    if (witness) {
        out.witness = explainExecution(model, *witness);
    }
    for (const auto& e : forbidden) {
        out.forbidden.push_back(explainExecution(model, e));
    }
    for (const auto& e : flagged) {
        out.flagged.push_back(explainExecution(model, e));
    }
    return out;
}

}  // namespace memx::solver
