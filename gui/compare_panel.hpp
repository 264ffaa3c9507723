// Compare: the editor's test under two models, side by side, as `memx compare` computes it
// (solver/model_comparison.hpp): a table of the final states one model allows and the other
// forbids, and for the chosen row the allowing model's execution beside the forbidding model's
// rejected execution with its violated axiom's cycle highlighted.
#pragma once

#include <QFutureWatcher>
#include <QWidget>
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "solver/model_comparison.hpp"
#include "solver/test_pipeline.hpp"

class QLabel;
class QTableWidget;

namespace memx::gui {

class GraphPanel;

struct CompareRequest {
    std::string text;
    std::string fileName;
    std::array<solver::ModelSelection, 2> models;
    std::array<std::string, 2> names;
    std::optional<double> timeoutSeconds;
};

struct CompareResult {
    std::array<std::shared_ptr<const solver::LoadedModel>, 2> models;
    std::optional<solver::ModelComparison> comparison;
    std::vector<Diagnostic> diagnostics;
    std::string error;
};

// Runs in a worker thread: loads both models, prepares the test for each, compares.
std::shared_ptr<const CompareResult> compareRequest(const CompareRequest& request);

class ComparePanel : public QWidget {
    Q_OBJECT
public:
    explicit ComparePanel(QWidget* parent = nullptr);
    ~ComparePanel() override;

    void compare(const CompareRequest& request);
    bool comparing() const { return watcher_.isRunning(); }
    std::shared_ptr<const CompareResult> result() const { return result_; }
    QTableWidget* differences() const { return table_; }
    GraphPanel* allowingGraph() const { return left_; }
    GraphPanel* rejectingGraph() const { return right_; }
    void showDifference(int row);

signals:
    void finished();

private:
    void onFinished();

    QLabel* summary_;
    QTableWidget* table_;
    GraphPanel* left_;
    GraphPanel* right_;
    QLabel* leftTitle_;
    QLabel* rightTitle_;
    QFutureWatcher<std::shared_ptr<const CompareResult>> watcher_;
    std::shared_ptr<const CompareResult> result_;
};

}  // namespace memx::gui
