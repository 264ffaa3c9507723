#include "solver/prepared_test.hpp"

#include "litmus/parser.hpp"
#include "model/events/event_builder.hpp"
#include "solver/division_check.hpp"

namespace memx::solver {

std::optional<PreparedTest> prepareLitmusFile(const std::string& file, const LoadedModel& model,
                                              DiagnosticSink& sink, std::string* source) {
    std::string text;
    auto program = litmus::parseLitmusFile(file, sink, &text);
    if (source) {
        *source = text;
    }
    if (!program) {
        return std::nullopt;
    }
    const LoadedModel& chosen = modelFor(model, *program);
    auto events = model::buildEvents(*program, chosen.primitives, file, sink, model.events);
    if (!events || !checkDivisions(*program, *events, file, sink)) {
        return std::nullopt;
    }
    return PreparedTest{std::move(*program), std::move(*events), &chosen};
}

std::optional<PreparedTest> prepareLitmusText(std::string_view text, const std::string& fileName,
                                              const LoadedModel& model, DiagnosticSink& sink) {
    auto program = litmus::parseLitmus(text, fileName, sink);
    if (!program) {
        return std::nullopt;
    }
    auto events = model::buildEvents(*program, model.primitives, fileName, sink);
    if (!events || !checkDivisions(*program, *events, fileName, sink)) {
        return std::nullopt;
    }
    return PreparedTest{std::move(*program), std::move(*events)};
}

}  // namespace memx::solver
