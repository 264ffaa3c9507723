#include "gui/execution_figure.hpp"

#include <algorithm>

#include "model/cat/compiled_model.hpp"
#include "render/access_figure.hpp"
#include "solver/explanation.hpp"
#include "solver/kept_execution.hpp"

namespace memx::gui {

namespace {

// Drawn first and in this order; every figure gives them the same styles.
const std::vector<std::string> kBaseOrder = {"po", "rf", "co", "fr"};

// Relations that hold between nearly all pairs and say nothing in a picture.
bool isBackground(const std::string& name) {
    static const std::set<std::string> names = {"id", "loc", "int", "ext", "_", "0"};
    return names.count(name) > 0;
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
    solver::JudgedExecution j = solver::judgedExecution(execution);
    ExecutionFigure out = relationsFigure(model, j);
    if (!execution.flags.empty()) {
        highlightFlags(out, solver::explainExecution(model, j).flags);
    }
    return out;
}

ExecutionFigure describeExecution(const cat::Model& model,
                                  const solver::ForbiddenExecution& execution) {
    return describeExecution(model,
                             solver::explainExecution(model, solver::judgedExecution(execution)));
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

ExecutionFigure describeExecution(const cat::Model& model,
                                  const solver::BlockedExecution& blocked) {
    ExecutionFigure out = describeExecution(model, blocked.execution);
    for (const solver::BlockedWait& w : blocked.waits) {
        out.highlight.waiting.push_back({w.thread, w.line, w.lastReads});
    }
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
