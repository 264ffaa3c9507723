// The verdict of a run and its executions: the Observation line (or the time limit / cancel),
// the flags, the final states with their execution counts, and the list of executions with a
// filter (allowed, forbidden, both, satisfying the condition or not, racy, torn). Clicking a
// state lists only its executions; choosing an execution tells the window to draw it.
//
// Executions are numbered across the run: the allowed ones first (outcome.executions), then
// the ones the model rejects (outcome.forbiddenExecutions, kept by RunOptions::keepForbidden),
// then the execution in which threads wait forever (outcome.blocked, --loops await). A
// forbidden one is marked "[forbidden: <axiom>]" in the list, the blocked one "blocked: ...".
#pragma once

#include <QByteArray>
#include <QWidget>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gui/states_table_model.hpp"
#include "solver/test_pipeline.hpp"

class QComboBox;
class QLabel;
class QListView;
class QSplitter;
class QTableView;

namespace memx::gui {

class ExecutionListModel;

// Allowed is the default: herd's executions, and the blocked one, which is allowed too.
// Satisfies, DoesNotSatisfy, Racy and Torn select among the allowed ones (herd's Positive and
// Negative, and the flags, count only those); Blocked lists only the blocked one.
enum class ExecutionFilter {
    All,
    Allowed,
    Forbidden,
    Satisfies,
    DoesNotSatisfy,
    Racy,
    Torn,
    Blocked
};

// The forbidden execution `index` stands for (numbered as above), or null for an allowed one.
const solver::ForbiddenExecution* forbiddenExecution(const solver::TestOutcome& outcome, int index);

class ResultsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ResultsPanel(QWidget* parent = nullptr);

    // `states`: StatesTableModel::rowsOf(run->outcome), which a caller can compute off the GUI
    // thread (the window's worker does: thousands of state texts take tens of milliseconds);
    // computed here when absent.
    void showRun(std::shared_ptr<const solver::TestRun> run,
                 std::optional<std::vector<StatesTableModel::Row>> states = std::nullopt);
    void showMessage(const QString& message);  // no verdict: errors, running, cancelled
    void clear();

    void setFilter(ExecutionFilter filter);
    // Lists only the executions whose final state is `state` (nullopt: every state).
    void selectState(std::optional<std::string> state);

    // Executions listed under the current filter and state, as indices into the outcome.
    std::vector<int> listedExecutions() const;
    int currentExecution() const;         // -1 when none
    void setCurrentExecution(int index);  // numbered as above, if listed
    void nextExecution();
    void previousExecution();

    QString observationText() const;
    QString flagsText() const;
    // "N more forbidden executions not listed" when the run kept only some; else empty.
    QString omittedText() const;
    // What the run did not establish, as `memx run` says it: states left out of the list
    // (RunOptions::maxStates) and a verdict-only run's note; where threads wait forever
    // ("Waits forever: P0 at line 22, ..."); empty after an exhaustive run that lists every
    // state and found no thread waiting forever.
    QString completenessText() const;
    QTableView* statesTable() const { return states_; }
    const StatesTableModel* stateRows() const { return stateRows_; }
    // The splitter between the final states' table and the executions, and its position.
    QSplitter* splitter() const;
    QByteArray splitterState() const;
    void restoreSplitterState(const QByteArray& state);

signals:
    void executionSelected(int index);  // -1: none

private:
    void refill();  // fillList, then select the first listed execution
    void fillList();
    void selectFirstListed();
    bool passes(const solver::FinalState& state, const solver::AllowedExecution* allowed,
                bool blocked = false) const;
    void setCurrentRow(int row);

    QLabel* observation_;
    QLabel* flags_;
    QLabel* completeness_;
    StatesTableModel* stateRows_;  // lazy, as the execution list
    QTableView* states_;
    QComboBox* filter_;
    ExecutionListModel* listed_;  // lazy: a run's thousands of rows cost no widgets
    QListView* executions_;
    QLabel* omitted_;
    QSplitter* split_ = nullptr;
    std::shared_ptr<const solver::TestRun> run_;
    std::optional<std::string> state_;
};

}  // namespace memx::gui
