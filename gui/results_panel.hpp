// The verdict of a run and its executions: the Observation line (or the time limit / cancel),
// the flags, the final states with their execution counts, and the list of allowed executions
// with a filter (all, satisfying the condition or not, racy, torn). Clicking a state lists only
// its executions; choosing an execution tells the window to draw it.
#pragma once

#include <QWidget>
#include <memory>
#include <optional>
#include <string>

#include "solver/test_pipeline.hpp"

class QComboBox;
class QLabel;
class QListWidget;
class QTableWidget;

namespace memx::gui {

enum class ExecutionFilter { All, Satisfies, DoesNotSatisfy, Racy, Torn };

class ResultsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ResultsPanel(QWidget* parent = nullptr);

    void showRun(std::shared_ptr<const solver::TestRun> run);
    void showMessage(const QString& message);  // no verdict: errors, running, cancelled
    void clear();

    void setFilter(ExecutionFilter filter);
    // Lists only the executions whose final state is `state` (nullopt: every state).
    void selectState(std::optional<std::string> state);

    // Executions listed under the current filter and state, as indices into the outcome.
    std::vector<int> listedExecutions() const;
    int currentExecution() const;         // -1 when none
    void setCurrentExecution(int index);  // an index into outcome.executions, if listed
    void nextExecution();
    void previousExecution();

    QString observationText() const;
    QString flagsText() const;
    QTableWidget* statesTable() const { return states_; }

signals:
    void executionSelected(int index);  // -1: none

private:
    void refill();
    bool passes(const solver::AllowedExecution& e) const;

    QLabel* observation_;
    QLabel* flags_;
    QTableWidget* states_;
    QComboBox* filter_;
    QListWidget* executions_;
    std::shared_ptr<const solver::TestRun> run_;
    std::optional<std::string> state_;
};

}  // namespace memx::gui
