#include "cli/execution_figure.hpp"

#include <map>
#include <set>

#include "model/cat/compiled_model.hpp"
#include "render/access_figure.hpp"
#include "render/event_names.hpp"
#include "render/figure.hpp"

namespace memx::cli {

namespace {

// The drawn relation a cycle edge belongs to when it is a restriction of it (an rfe edge is
// an rf edge), so the figure thickens the edge it already draws instead of adding a twin.
std::string drawnName(const std::string& relation, model::EventIndex a, model::EventIndex b,
                      const std::map<std::string, model::Relation>& drawn) {
    static const std::map<std::string, std::string> restricts{
        {"rfe", "rf"}, {"rfi", "rf"}, {"coe", "co"},   {"coi", "co"},
        {"fre", "fr"}, {"fri", "fr"}, {"po-loc", "po"}};
    auto it = restricts.find(relation);
    if (it != restricts.end()) {
        auto d = drawn.find(it->second);
        if (d != drawn.end() && d->second.contains(a, b)) {
            return it->second;
        }
    }
    return relation;
}

render::Highlight highlightOf(const solver::ExplainedExecution& e,
                              const std::map<std::string, model::Relation>& drawn) {
    render::Highlight h;
    if (e.violation) {
        for (const auto& edge : solver::baseEdges(e.violation->cycle)) {
            h.cycle.push_back(
                {edge.from, edge.to, drawnName(edge.relation, edge.from, edge.to, drawn)});
        }
    }
    for (const auto& f : e.flags) {
        if (f.pair.empty()) {
            continue;
        }
        for (auto ev : {f.first, f.second}) {
            if (std::find(h.events.begin(), h.events.end(), ev) == h.events.end()) {
                h.events.push_back(ev);
            }
        }
        h.eventsNote = f.flag;
    }
    return h;
}

}  // namespace

std::optional<FigureFormat> figureFormat(const std::string& name) {
    static const std::vector<std::pair<std::string, FigureFormat>> table{
        {"svg", FigureFormat::Svg},   {"png", FigureFormat::Png},   {"pdf", FigureFormat::Pdf},
        {"dot", FigureFormat::Dot},   {"tikz", FigureFormat::Tikz}, {"txt", FigureFormat::Txt},
        {"utf8", FigureFormat::Utf8},
    };
    for (const auto& [n, f] : table) {
        if (n == name) {
            return f;
        }
    }
    return std::nullopt;
}

const char* figureExtension(FigureFormat format) {
    switch (format) {
        case FigureFormat::Svg:
            return "svg";
        case FigureFormat::Png:
            return "png";
        case FigureFormat::Pdf:
            return "pdf";
        case FigureFormat::Dot:
            return "dot";
        case FigureFormat::Tikz:
            return "tex";
        case FigureFormat::Txt:
        case FigureFormat::Utf8:
            return "txt";
    }
    return "";
}

bool isBinary(FigureFormat format) {
    return format == FigureFormat::Png || format == FigureFormat::Pdf;
}

std::vector<std::string> defaultShownRelations() {
    return {"po", "rf", "co", "fr"};
}

std::vector<std::uint8_t> drawExecution(const cat::Model& model,
                                        const solver::ExplainedExecution& execution,
                                        const FigureChoice& choice, FigureFormat format,
                                        const std::string& title) {
    const model::ExecutionGraph& g = execution.execution.graph;
    auto values = solver::relationsOf(model, execution.execution, choice.show);
    std::vector<render::DrawnRelation> drawn;
    for (const auto& name : choice.show) {
        if (auto it = values.find(name); it != values.end()) {
            // Orders by definition are drawn as their immediate edges: a -po-> b -po-> c
            // shows no a -po-> c.
            drawn.push_back({name, it->second, render::isTransitiveByDefinition(name, &model)});
        }
    }
    render::FigureOptions options;
    options.bytes = choice.bytes;
    if (choice.program) {
        options.statements = render::sourceStatements(*choice.program, g, choice.source);
    }
    render::Highlight highlight = highlightOf(execution, values);
    highlight.waiting = choice.waiting;
    render::Figure figure = render::figureOf(g, drawn, highlight, options);
    render::LayoutOptions layoutOptions{title};
    if (choice.program) {
        layoutOptions.externalThreads = render::externalThreads(*choice.program);
    }
    render::Layout layout =
        render::layoutExecution(figure.graph, figure.relations, figure.highlight, layoutOptions);
    auto text = [](std::string s) { return std::vector<std::uint8_t>(s.begin(), s.end()); };
    switch (format) {
        case FigureFormat::Dot:
            return text(render::writeDot(layout));
        case FigureFormat::Tikz:
            return text(render::writeTikz(layout));
        case FigureFormat::Txt:
            return text(render::writeText(layout, render::TextStyle::Ascii));
        case FigureFormat::Utf8:
            return text(render::writeText(layout, render::TextStyle::Unicode));
        case FigureFormat::Svg:
            return render::writeImage(layout, render::ImageFormat::Svg);
        case FigureFormat::Png:
            return render::writeImage(layout, render::ImageFormat::Png);
        case FigureFormat::Pdf:
            return render::writeImage(layout, render::ImageFormat::Pdf);
    }
    return {};
}

std::vector<render::WaitingThread> waitingThreads(const solver::BlockedExecution& blocked) {
    std::vector<render::WaitingThread> out;
    for (const solver::BlockedWait& w : blocked.waits) {
        out.push_back({w.thread, w.line, w.lastReads});
    }
    return out;
}

solver::EventNaming figureNaming() {
    return {render::shortEventNames, render::eventLabel};
}

}  // namespace memx::cli
