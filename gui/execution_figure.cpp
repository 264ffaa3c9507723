#include "gui/execution_figure.hpp"

#include <algorithm>

#include "model/cat/compiled_model.hpp"
#include "render/access_figure.hpp"
#include "solver/explanation.hpp"

namespace memx::gui {

namespace {

// Drawn first and in this order; every figure gives them the same styles.
const std::vector<std::string> kBaseOrder = {"po", "rf", "co", "fr"};

// Relations that hold between nearly all pairs and say nothing in a picture.
bool isBackground(const std::string& name) {
    static const std::set<std::string> names = {"id", "loc", "int", "ext", "_", "0"};
    return names.count(name) > 0;
}

// What allowed and forbidden executions both keep.
template <class Kept>
solver::JudgedExecution judgedCommon(const Kept& e) {
    solver::JudgedExecution j;
    j.state = e.state;
    j.conditionHolds = e.conditionHolds;
    j.graph = e.graph;
    j.verdict.withBindings = e.withBindings;
    return j;
}

solver::JudgedExecution judged(const solver::AllowedExecution& e) {
    solver::JudgedExecution j = judgedCommon(e);
    j.verdict.allowed = true;
    j.verdict.flags = e.flags;
    return j;
}

// The verdict as the explanation API records a rejection: allowed false and the failing axiom
// as the last check (evaluation stops there), which is what identifies the same execution when
// the model is evaluated again (solver::explainExecution, relationsOf).
solver::JudgedExecution judged(const solver::ForbiddenExecution& e) {
    solver::JudgedExecution j = judgedCommon(e);
    j.verdict.allowed = false;
    for (const auto& axiom : e.failedAxioms) {
        cat::CheckResult check;
        check.name = axiom;
        check.kind = cat::CheckKind::Acyclic;  // not compared: the name identifies the check
        check.mode = cat::CheckMode::Axiom;
        check.holds = false;
        j.verdict.checks.push_back(std::move(check));
    }
    return j;
}

}  // namespace

const std::vector<std::string>& defaultVisibleRelations() {
    return kBaseOrder;
}

namespace {

// Every relation of `j` with a pair: base relations of the graph, the with-bound ones, and
// each name the model binds at top level.
ExecutionFigure relationsFigure(const cat::Model& model, const solver::JudgedExecution& j) {
    ExecutionFigure out;
    std::vector<std::string> names;
    for (const auto& [name, slot] : model.finalSlots) {
        if (!isBackground(name)) {
            names.push_back(name);
        }
    }
    for (const auto& [name, rel] : j.graph.relations) {
        if (!isBackground(name)) {
            names.push_back(name);
        }
    }
    for (const auto& [name, rel] : j.verdict.withBindings) {
        names.push_back(name);
    }
    names.insert(names.end(), kBaseOrder.begin(), kBaseOrder.end());
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    for (auto& [name, rel] : solver::relationsOf(model, j, names)) {
        if (!rel.empty()) {
            out.relations[name] = std::move(rel);
        }
    }
    out.graph = j.graph;
    for (const auto& name : kBaseOrder) {
        if (auto it = out.relations.find(name); it != out.relations.end()) {
            out.graph.relations[name] = it->second;
            out.order.push_back(name);
        }
    }
    for (const auto& [name, rel] : out.relations) {
        if (std::find(kBaseOrder.begin(), kBaseOrder.end(), name) == kBaseOrder.end()) {
            out.order.push_back(name);
        }
    }
    for (const auto& name : out.order) {
        if (render::isTransitiveByDefinition(name, &model)) {
            out.orders.insert(name);
        }
    }
    out.byteGranular = std::any_of(out.graph.events.begin(), out.graph.events.end(),
                                   [](const model::EventInfo& e) { return e.byteEvent; });
    return out;
}

void highlightFlags(ExecutionFigure& figure, const std::vector<solver::FlagWitness>& flags) {
    std::string note;
    for (const solver::FlagWitness& w : flags) {
        for (model::EventIndex e : {w.first, w.second}) {
            auto& events = figure.highlight.events;
            if (std::find(events.begin(), events.end(), e) == events.end()) {
                events.push_back(e);
            }
        }
        if (note.find(w.flag) == std::string::npos) {
            note += (note.empty() ? "" : ", ") + w.flag;
        }
    }
    if (!note.empty()) {
        figure.highlight.eventsNote = note;
    }
}

}  // namespace

ExecutionFigure describeExecution(const cat::Model& model,
                                  const solver::AllowedExecution& execution) {
    solver::JudgedExecution j = judged(execution);
    ExecutionFigure out = relationsFigure(model, j);
    if (!execution.flags.empty()) {
        highlightFlags(out, solver::explainExecution(model, j).flags);
    }
    return out;
}

ExecutionFigure describeExecution(const cat::Model& model,
                                  const solver::ForbiddenExecution& execution) {
    return describeExecution(model, solver::explainExecution(model, judged(execution)));
}

ExecutionFigure describeExecution(const cat::Model& model,
                                  const solver::ExplainedExecution& execution) {
    ExecutionFigure out = relationsFigure(model, execution.execution);
    if (execution.violation) {
        for (const solver::DerivedEdge& e : solver::baseEdges(execution.violation->cycle)) {
            out.highlight.cycle.push_back({e.from, e.to, e.relation});
        }
    }
    highlightFlags(out, execution.flags);
    return out;
}

bool isBaseRelation(const std::string& name) {
    static const std::set<std::string> base = {"po",   "rf",   "co",  "fr", "addr",
                                               "data", "ctrl", "rmw", "sb", "mo"};
    return base.count(name) > 0;
}

void addStatements(ExecutionFigure& figure, const litmus::Program& program,
                   const std::string& source) {
    figure.statements = render::sourceStatements(program, figure.graph, source);
    figure.externalThreads = render::externalThreads(program);
}

FigureLayout layoutFigure(const ExecutionFigure& figure, const std::set<std::string>& visible,
                          const std::string& title, bool bytes) {
    std::vector<render::DrawnRelation> drawn;
    for (const auto& name : figure.order) {
        if (!visible.count(name)) {
            continue;
        }
        // Orders read best as their immediate edges (RC11 calls po and co sb and mo).
        drawn.push_back({name, figure.relations.at(name), figure.orders.count(name) > 0});
    }
    render::FigureOptions figureOptions;
    figureOptions.bytes = bytes;
    figureOptions.statements = figure.statements;
    render::Figure f = render::figureOf(figure.graph, drawn, figure.highlight, figureOptions);
    render::LayoutOptions options;
    options.title = title;
    options.externalThreads = figure.externalThreads;
    FigureLayout out;
    out.layout = render::layoutExecution(f.graph, f.relations, f.highlight, options);
    out.graph = std::move(f.graph);
    return out;
}

}  // namespace memx::gui
