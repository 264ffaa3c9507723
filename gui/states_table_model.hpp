// The results panel's final-states table as a lazy model: one row per final state of a run
// (its text, how many allowed executions end in it, whether it satisfies the condition), each
// cell formatted when the view asks for it. A run with thousands of states fills it with one
// vector assignment instead of three QTableWidgetItems per state, which froze the window for
// 20-30 ms after a 4096-state run (tests/gui/responsiveness_test.cpp).
#pragma once

#include <QAbstractTableModel>
#include <string>
#include <vector>

#include "solver/test_pipeline.hpp"

namespace memx::gui {

class StatesTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { StateColumn, ExecutionsColumn, ConditionColumn, ColumnCount };

    struct Row {
        std::string state;  // FinalState::text()
        int executions = 0;
        bool satisfies = false;
    };

    using QAbstractTableModel::QAbstractTableModel;

    // The rows of `outcome`: its states in herd's order, with their allowed executions.
    static std::vector<Row> rowsOf(const solver::TestOutcome& outcome);
    void setRows(std::vector<Row> rows);
    const Row& row(int r) const { return rows_[std::size_t(r)]; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<Row> rows_;
};

}  // namespace memx::gui
