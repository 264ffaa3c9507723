#include "gui/compare_panel.hpp"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <exception>

#include "gui/execution_figure.hpp"
#include "gui/graph_panel.hpp"
#include "gui/worker_pool.hpp"
#include "solver/memory_limit.hpp"
#include "solver/prepared_test.hpp"

namespace memx::gui {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

}  // namespace

std::shared_ptr<const CompareResult> compareRequest(const CompareRequest& request) {
    auto result = std::make_shared<CompareResult>();
    DiagnosticSink sink;
    std::array<std::optional<solver::PreparedTest>, 2> tests;
    for (std::size_t i = 0; i < 2; ++i) {
        auto loaded = solver::loadModelSelection(request.models[i], sink);
        if (!loaded) {
            result->diagnostics = sink.diagnostics();
            return result;
        }
        result->models[i] = std::make_shared<const solver::LoadedModel>(std::move(*loaded));
        // Each model reads the test with its own primitive table.
        tests[i] =
            solver::prepareLitmusText(request.text, request.fileName, *result->models[i], sink);
        if (!tests[i]) {
            result->diagnostics = sink.diagnostics();
            return result;
        }
    }
    try {
        result->comparison = solver::compareModels(
            tests[0]->program,
            {request.names[0], result->models[0]->model.get(), &tests[0]->events},
            {request.names[1], result->models[1]->model.get(), &tests[1]->events},
            request.timeoutSeconds);
    } catch (const cat::EvalError& e) {
        sink.report(e.diagnostic());
    } catch (const std::exception& e) {
        result->error = solver::isMemoryLimit(e) ? solver::memoryLimitMessage() : e.what();
    }
    result->diagnostics = sink.diagnostics();
    return result;
}

ComparePanel::ComparePanel(QWidget* parent)
    : QWidget(parent),
      summary_(new QLabel(this)),
      table_(new QTableWidget(this)),
      left_(new GraphPanel(this)),
      right_(new GraphPanel(this)),
      leftTitle_(new QLabel(this)),
      rightTitle_(new QLabel(this)) {
    summary_->setWordWrap(true);
    table_->setColumnCount(4);
    table_->setHorizontalHeaderLabels(
        {tr("Final state"), tr("Allowed by"), tr("Forbidden by"), tr("Rejected by axiom")});
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table_->verticalHeader()->hide();
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setMaximumHeight(140);
    connect(table_, &QTableWidget::currentCellChanged, this,
            [this](int row, int, int, int) { showDifference(row); });
    connect(&watcher_, &QFutureWatcherBase::finished, this, &ComparePanel::onFinished);

    auto* sides = new QGridLayout;
    sides->addWidget(leftTitle_, 0, 0);
    sides->addWidget(rightTitle_, 0, 1);
    sides->addWidget(left_, 1, 0);
    sides->addWidget(right_, 1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary_);
    layout->addWidget(table_);
    layout->addLayout(sides, 1);
}

ComparePanel::~ComparePanel() {
    watcher_.waitForFinished();
}

void ComparePanel::compare(const CompareRequest& request) {
    if (watcher_.isRunning()) {
        return;
    }
    summary_->setText(
        tr("Comparing %1 with %2...").arg(qs(request.names[0]), qs(request.names[1])));
    table_->setRowCount(0);
    left_->setFigure(nullptr, {});
    right_->setFigure(nullptr, {});
    watcher_.setFuture(
        QtConcurrent::run(&workerPool(), [request] { return compareRequest(request); }));
}

void ComparePanel::onFinished() {
    result_ = watcher_.result();
    if (!result_->comparison) {
        QStringList lines;
        for (const Diagnostic& d : result_->diagnostics) {
            lines << qs(formatDiagnostic(d));
        }
        if (!result_->error.empty()) {
            lines << qs(result_->error);
        }
        summary_->setText(lines.isEmpty() ? tr("The comparison failed") : lines.join('\n'));
        emit finished();
        return;
    }
    const solver::ModelComparison& c = *result_->comparison;
    QString text = tr("%1 allows %2 final states, %3 allows %4.")
                       .arg(qs(c.models[0]))
                       .arg(c.allowedStates[0].size())
                       .arg(qs(c.models[1]))
                       .arg(c.allowedStates[1].size());
    if (c.differences.empty()) {
        text += tr(" Both models allow the same final states.");
    }
    if (c.timedOut) {
        text += tr(" (A time limit stopped a search: only the executions seen are compared.)");
    }
    summary_->setText(text);
    table_->setRowCount(int(c.differences.size()));
    for (std::size_t i = 0; i < c.differences.size(); ++i) {
        const auto& d = c.differences[i];
        const int row = int(i);
        QString state = qs(d.state.text());
        if (d.conditionHolds) {
            state += tr(" (the condition holds)");
        }
        table_->setItem(row, 0, new QTableWidgetItem(state));
        table_->setItem(row, 1, new QTableWidgetItem(qs(c.models[std::size_t(d.allowedBy)])));
        table_->setItem(row, 2, new QTableWidgetItem(qs(c.models[std::size_t(1 - d.allowedBy)])));
        const bool rejected = d.rejecting && d.rejecting->violation;
        table_->setItem(row, 3,
                        new QTableWidgetItem(rejected ? qs(d.rejecting->violation->axiom)
                                                      : tr("(no candidate reaches it)")));
    }
    if (!c.differences.empty()) {
        table_->setCurrentCell(0, 0);
    }
    emit finished();
}

void ComparePanel::showDifference(int row) {
    if (!result_ || !result_->comparison || row < 0 ||
        row >= int(result_->comparison->differences.size())) {
        return;
    }
    const solver::ModelComparison& c = *result_->comparison;
    const auto& d = c.differences[std::size_t(row)];
    const std::size_t yes = std::size_t(d.allowedBy);
    const std::size_t no = 1 - yes;
    leftTitle_->setText(tr("%1 allows it:").arg(qs(c.models[yes])));
    left_->setFigure(std::make_shared<const ExecutionFigure>(
                         describeExecution(*result_->models[yes]->model, d.allowing)),
                     c.test + " under " + c.models[yes]);
    if (d.rejecting) {
        rightTitle_->setText(tr("%1 rejects it:").arg(qs(c.models[no])));
        std::string title = c.test + " under " + c.models[no];
        if (d.rejecting->violation) {
            title += ": " + d.rejecting->violation->axiom;
        }
        right_->setFigure(std::make_shared<const ExecutionFigure>(
                              describeExecution(*result_->models[no]->model, *d.rejecting)),
                          title);
    } else {
        rightTitle_->setText(
            tr("%1: no candidate execution reaches this state").arg(qs(c.models[no])));
        right_->setFigure(nullptr, {});
    }
}

}  // namespace memx::gui
