#include "gui/why_not.hpp"

#include <exception>

#include "render/event_names.hpp"
#include "solver/explanation_text.hpp"
#include "solver/prepared_test.hpp"

namespace memx::gui {

std::shared_ptr<const WhyNotResult> explainRequest(const RunRequest& request) {
    auto result = std::make_shared<WhyNotResult>();
    DiagnosticSink sink;
    auto loaded = solver::loadModelSelection(request.model, sink);
    if (loaded) {
        result->model = std::make_shared<const solver::LoadedModel>(std::move(*loaded));
        auto test = solver::prepareLitmusText(request.text, request.fileName, *result->model, sink);
        if (test) {
            try {
                solver::ExplainOptions options;
                options.timeoutSeconds = request.timeoutSeconds;
                result->explanation = solver::explainTest(test->program, test->events,
                                                          *result->model->model, options);
                result->text = solver::formatExplanation(
                    *result->explanation, {render::shortEventNames, render::eventLabel});
            } catch (const cat::EvalError& e) {
                sink.report(e.diagnostic());
            } catch (const std::exception& e) {
                result->error = e.what();
            }
        }
    }
    result->diagnostics = sink.diagnostics();
    return result;
}

const solver::ExplainedExecution* executionToDraw(const solver::TestExplanation& why) {
    if (!why.forbidden.empty()) {
        return &why.forbidden.front();
    }
    return why.witness ? &*why.witness : nullptr;
}

}  // namespace memx::gui
