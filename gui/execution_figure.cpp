#include "gui/execution_figure.hpp"

#include <algorithm>

#include "model/cat/compiled_model.hpp"
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

solver::JudgedExecution judged(const solver::AllowedExecution& e) {
    solver::JudgedExecution j;
    j.state = e.state;
    j.conditionHolds = e.conditionHolds;
    j.graph = e.graph;
    j.verdict.allowed = true;
    j.verdict.flags = e.flags;
    j.verdict.withBindings = e.withBindings;
    return j;
}

}  // namespace

const std::vector<std::string>& defaultVisibleRelations() {
    return kBaseOrder;
}

ExecutionFigure describeExecution(const cat::Model& model,
                                  const solver::AllowedExecution& execution) {
    ExecutionFigure out;
    solver::JudgedExecution j = judged(execution);
    std::vector<std::string> names;
    for (const auto& [name, slot] : model.finalSlots) {
        if (!isBackground(name)) {
            names.push_back(name);
        }
    }
    for (const auto& [name, rel] : execution.graph.relations) {
        if (!isBackground(name)) {
            names.push_back(name);
        }
    }
    for (const auto& [name, rel] : execution.withBindings) {
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
    out.graph = execution.graph;
    for (const auto& name : kBaseOrder) {
        if (auto it = out.relations.find(name); it != out.relations.end()) {
            out.graph.relations[name] = it->second;
        }
    }
    for (const auto& name : kBaseOrder) {
        if (out.relations.count(name)) {
            out.order.push_back(name);
        }
    }
    for (const auto& [name, rel] : out.relations) {
        if (std::find(kBaseOrder.begin(), kBaseOrder.end(), name) == kBaseOrder.end()) {
            out.order.push_back(name);
        }
    }
    if (!execution.flags.empty()) {
        solver::ExplainedExecution why = solver::explainExecution(model, j);
        std::vector<std::string> notes;
        for (const solver::FlagWitness& w : why.flags) {
            for (model::EventIndex e : {w.first, w.second}) {
                if (std::find(out.highlight.events.begin(), out.highlight.events.end(), e) ==
                    out.highlight.events.end()) {
                    out.highlight.events.push_back(e);
                }
            }
            if (std::find(notes.begin(), notes.end(), w.flag) == notes.end()) {
                notes.push_back(w.flag);
            }
        }
        if (!notes.empty()) {
            std::string joined;
            for (const auto& n : notes) {
                joined += (joined.empty() ? "" : ", ") + n;
            }
            out.highlight.eventsNote = joined;
        }
    }
    return out;
}

render::Layout layoutFigure(const ExecutionFigure& figure, const std::set<std::string>& visible,
                            const std::string& title) {
    std::vector<render::DrawnRelation> drawn;
    for (const auto& name : figure.order) {
        if (!visible.count(name)) {
            continue;
        }
        const bool order = name == "po" || name == "co";
        drawn.push_back({name, figure.relations.at(name), order});
    }
    render::LayoutOptions options;
    options.title = title;
    return render::layoutExecution(figure.graph, drawn, figure.highlight, options);
}

}  // namespace memx::gui
