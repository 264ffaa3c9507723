#include "gui/execution_list_model.hpp"

#include <QColor>
#include <QStringList>
#include <algorithm>

namespace memx::gui {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

// The marks a listed allowed execution carries after its state.
QString allowedMarks(const solver::AllowedExecution& e) {
    QString text;
    if (e.conditionHolds) {
        text += ExecutionListModel::tr("  (satisfies)");
    }
    for (const auto& f : e.flags) {
        text += QStringLiteral("  [%1]").arg(qs(f));
    }
    return text;
}

}  // namespace

int blockedExecutionIndex(const solver::TestOutcome& outcome) {
    return outcome.blocked ? int(outcome.executions.size() + outcome.forbiddenExecutions.size())
                           : -1;
}

bool isBlockedExecution(const solver::TestOutcome& outcome, int index) {
    return index >= 0 && index == blockedExecutionIndex(outcome);
}

std::string blockedWaitsText(const solver::BlockedExecution& blocked) {
    std::string text;
    for (const solver::BlockedWait& w : blocked.waits) {
        text += (text.empty() ? "P" : ", P") + std::to_string(w.thread) + " waits forever (line " +
                std::to_string(w.line) + ")";
    }
    return text;
}

void ExecutionListModel::setExecutions(std::shared_ptr<const solver::TestRun> run,
                                       std::vector<int> executions) {
    beginResetModel();
    run_ = std::move(run);
    executions_ = run_ ? std::move(executions) : std::vector<int>{};
    endResetModel();
}

int ExecutionListModel::executionAt(int row) const {
    return row >= 0 && std::size_t(row) < executions_.size() ? executions_[std::size_t(row)] : -1;
}

int ExecutionListModel::rowOf(int execution) const {
    const auto it = std::find(executions_.begin(), executions_.end(), execution);
    return it == executions_.end() ? -1 : int(it - executions_.begin());
}

int ExecutionListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(executions_.size());
}

QString ExecutionListModel::textAt(int row) const {
    const int index = executionAt(row);
    if (index < 0) {
        return {};
    }
    const solver::TestOutcome& o = run_->outcome;
    const std::size_t allowed = o.executions.size();
    if (std::size_t(index) < allowed) {
        const solver::AllowedExecution& e = o.executions[std::size_t(index)];
        return QStringLiteral("#%1  %2").arg(index + 1).arg(qs(e.state.text())) + allowedMarks(e);
    }
    if (isBlockedExecution(o, index)) {
        const solver::AllowedExecution& e = o.blocked->execution;
        return tr("blocked: %1").arg(qs(blockedWaitsText(*o.blocked))) +
               QStringLiteral("  %1").arg(qs(e.state.text())) + allowedMarks(e);
    }
    const solver::ForbiddenExecution& e = o.forbiddenExecutions[std::size_t(index) - allowed];
    QString text =
        QStringLiteral("#F%1  %2").arg(std::size_t(index) - allowed + 1).arg(qs(e.state.text()));
    if (e.conditionHolds) {
        text += tr("  (satisfies)");
    }
    QStringList axioms;
    for (const auto& a : e.failedAxioms) {
        axioms << qs(a);
    }
    return text + QStringLiteral("  [%1]").arg(tr("forbidden: %1").arg(axioms.join(", ")));
}

QVariant ExecutionListModel::data(const QModelIndex& index, int role) const {
    const int execution = index.isValid() ? executionAt(index.row()) : -1;
    if (execution < 0) {
        return {};
    }
    switch (role) {
        case Qt::DisplayRole:
            return textAt(index.row());
        case Qt::ForegroundRole:
            if (isBlockedExecution(run_->outcome, execution)) {
                return QColor(Qt::darkBlue);
            }
            if (std::size_t(execution) >= run_->outcome.executions.size()) {
                return QColor(Qt::darkRed);
            }
            return {};
        case Qt::UserRole:
            return execution;
        default:
            return {};
    }
}

}  // namespace memx::gui
