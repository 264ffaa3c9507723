#include "gui/states_table_model.hpp"

#include <unordered_map>

namespace memx::gui {

std::vector<StatesTableModel::Row> StatesTableModel::rowsOf(const solver::TestOutcome& outcome) {
    std::vector<Row> rows;
    rows.reserve(outcome.states.size());
    std::unordered_map<std::string, std::size_t> rowOfState;
    for (const auto& s : outcome.states) {
        rowOfState.emplace(s.text(), rows.size());
        rows.push_back({s.text(), 0, false});
    }
    for (const auto& e : outcome.executions) {
        const auto it = rowOfState.find(e.state.text());
        if (it != rowOfState.end()) {
            Row& row = rows[it->second];
            ++row.executions;
            row.satisfies = e.conditionHolds;
        }
    }
    return rows;
}

void StatesTableModel::setRows(std::vector<Row> rows) {
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
}

int StatesTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

int StatesTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StatesTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || role != Qt::DisplayRole || index.row() >= rowCount()) {
        return {};
    }
    const Row& r = rows_[std::size_t(index.row())];
    switch (index.column()) {
        case StateColumn:
            return QString::fromStdString(r.state);
        case ExecutionsColumn:
            return QString::number(r.executions);
        case ConditionColumn:
            return r.satisfies ? tr("satisfies") : QString();
        default:
            return {};
    }
}

QVariant StatesTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
        case StateColumn:
            return tr("Final state");
        case ExecutionsColumn:
            return tr("Executions");
        case ConditionColumn:
            return tr("Condition");
        default:
            return {};
    }
}

}  // namespace memx::gui
