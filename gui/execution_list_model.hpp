// The results panel's execution list as a lazy model: it holds only the indices of the listed
// executions, and formats a row's text when the view asks for it (the rows on screen). Filling
// it with thousands of executions is one vector assignment, so the GUI thread never stalls
// after a large run the way one QListWidgetItem per execution did (tests/gui/
// responsiveness_test.cpp measures it).
//
// Executions are numbered across the run: the allowed ones first (outcome.executions), then
// the rejected ones (outcome.forbiddenExecutions), shown as "#F1"... with their failing axiom,
// then, after a --loops await run that raised the liveness flag, the execution in which
// threads wait forever (outcome.blocked), shown as "blocked: P0 waits forever (line 22)".
#pragma once

#include <QAbstractListModel>
#include <memory>
#include <string>
#include <vector>

#include "solver/test_pipeline.hpp"

namespace memx::gui {

// The number of the blocked execution (as above), or -1 when the run found none.
int blockedExecutionIndex(const solver::TestOutcome& outcome);
bool isBlockedExecution(const solver::TestOutcome& outcome, int index);

// "P0 waits forever (line 22)" for each waiting thread, joined by ", ".
std::string blockedWaitsText(const solver::BlockedExecution& blocked);

class ExecutionListModel : public QAbstractListModel {
    Q_OBJECT
public:
    using QAbstractListModel::QAbstractListModel;

    // Lists `executions` (indices numbered as above) of `run`; null `run` lists nothing.
    void setExecutions(std::shared_ptr<const solver::TestRun> run, std::vector<int> executions);

    const std::vector<int>& executions() const { return executions_; }
    int executionAt(int row) const;  // -1 outside the list
    int rowOf(int execution) const;  // -1 when not listed
    QString textAt(int row) const;   // as the list shows it

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    // DisplayRole: the row's text; ForegroundRole: dark red for a forbidden execution, dark
    // blue for the blocked one; Qt::UserRole: the execution's index.
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const solver::TestRun> run_;
    std::vector<int> executions_;
};

}  // namespace memx::gui
