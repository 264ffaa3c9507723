#include "gui/run_controller.hpp"

#include <QtConcurrent/QtConcurrentRun>
#include <exception>

#include "gui/release_off_thread.hpp"
#include "gui/worker_pool.hpp"
#include "model/cat/model.hpp"
#include "solver/memory_limit.hpp"
#include "solver/z3_session.hpp"

namespace memx::gui {

std::shared_ptr<const RunResult> runRequest(const RunRequest& request,
                                            const std::atomic<bool>* cancel) {
    // Freed on a pool thread: see release_off_thread.hpp.
    auto result = makeReleasedOffThread<RunResult>();
    DiagnosticSink sink;
    auto loaded = solver::loadModelSelection(request.model, sink);
    if (loaded) {
        result->model = std::make_shared<const solver::LoadedModel>(std::move(*loaded));
        solver::RunOptions options;
        options.keepExecutions = true;
        // The results list offers the rejected executions too (the Forbidden filter).
        options.keepForbidden = true;
        // The user chooses: every execution (bounded by the time limit and Cancel), or, as
        // memx run does, a verdict-only run past the budget, whose astronomically many
        // executions (a 64-byte copy) could never all be listed.
        options.search = request.search;
        options.timeoutSeconds = request.timeoutSeconds;
        options.cancel = cancel;
        try {
            result->run = solver::runLitmusText(request.text, request.fileName, *result->model,
                                                options, sink);
        } catch (const cat::EvalError& e) {
            sink.report(e.diagnostic());
        } catch (const std::exception& e) {
            // A Z3 call interrupted by Cancel may fail rather than answer "unknown".
            result->error = solver::isMemoryLimit(e)   ? solver::memoryLimitMessage()
                            : cancel && cancel->load() ? "cancelled"
                                                       : e.what();
        }
    }
    if (result->run) {
        result->stateRows = StatesTableModel::rowsOf(result->run->outcome);
    }
    result->diagnostics = sink.diagnostics();
    return result;
}

RunController::RunController(QObject* parent) : QObject(parent) {
    connect(&watcher_, &QFutureWatcherBase::finished, this, &RunController::onFinished);
}

RunController::~RunController() {
    cancel();
    watcher_.waitForFinished();
}

double RunController::elapsedSeconds() const {
    return clock_.isValid() ? clock_.elapsed() / 1000.0 : 0.0;
}

void RunController::start(const RunRequest& request) {
    if (running_) {
        return;
    }
    running_ = true;
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    clock_.start();
    // The flag lives as long as the worker needs it: the lambda owns a reference.
    watcher_.setFuture(QtConcurrent::run(
        &workerPool(), [request, flag = cancel_]() { return runRequest(request, flag.get()); }));
    emit started();
}

void RunController::cancel() {
    if (cancel_) {
        cancel_->store(true);
    }
}

void RunController::onFinished() {
    last_ = watcher_.result();
    running_ = false;
    emit finished();
}

}  // namespace memx::gui
