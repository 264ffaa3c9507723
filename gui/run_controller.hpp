// Runs one litmus test off the GUI thread (QtConcurrent) and hands the result back on the GUI
// thread. Cancel sets the solver's RunOptions::cancel flag, which stops the enumeration and
// interrupts a Z3 check in progress, so a run ends within milliseconds of the request.
#pragma once

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gui/states_table_model.hpp"
#include "litmus/diagnostic.hpp"
#include "solver/test_pipeline.hpp"

namespace memx::gui {

struct RunRequest {
    std::string text;
    std::string fileName;  // names the test in diagnostics
    solver::ModelSelection model;
    std::optional<double> timeoutSeconds;
    // Auto: every execution of a test within memx run's budget, a verdict-only run (with the
    // executions it checked) beyond it; Exhaustive: every execution, however long it takes.
    solver::SearchMode search = solver::SearchMode::Auto;
};

struct RunResult {
    std::shared_ptr<const solver::LoadedModel> model;  // null when it failed to load
    std::optional<solver::TestRun> run;                // null after input or model errors
    std::vector<Diagnostic> diagnostics;
    std::string error;  // a model evaluation or solver failure
    // The results panel's final-states rows, computed here in the worker so that a run with
    // thousands of states does not format them on the GUI thread.
    std::vector<StatesTableModel::Row> stateRows;
};

class RunController : public QObject {
    Q_OBJECT
public:
    explicit RunController(QObject* parent = nullptr);
    ~RunController() override;  // cancels and waits for a run in progress

    bool running() const { return running_; }
    double elapsedSeconds() const;
    // The result of the last finished run (null before the first).
    std::shared_ptr<const RunResult> lastResult() const { return last_; }

public slots:
    void start(const memx::gui::RunRequest& request);
    void cancel();

signals:
    void started();
    void finished();  // lastResult() holds the outcome

private:
    void onFinished();

    QFutureWatcher<std::shared_ptr<const RunResult>> watcher_;
    std::shared_ptr<std::atomic<bool>> cancel_;
    std::shared_ptr<const RunResult> last_;
    QElapsedTimer clock_;
    bool running_ = false;
};

// The whole run, as the worker thread does it; exposed for tests and the command line.
std::shared_ptr<const RunResult> runRequest(const RunRequest& request,
                                            const std::atomic<bool>* cancel);

}  // namespace memx::gui
