#include "gui/results_panel.hpp"

#include <QColor>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <map>

#include "solver/herd_report.hpp"

namespace memx::gui {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

bool hasFlag(const solver::AllowedExecution& e, const char* flag) {
    return std::find(e.flags.begin(), e.flags.end(), flag) != e.flags.end();
}

}  // namespace

const solver::ForbiddenExecution* forbiddenExecution(const solver::TestOutcome& outcome,
                                                     int index) {
    const std::size_t allowed = outcome.executions.size();
    if (index < 0 || std::size_t(index) < allowed ||
        std::size_t(index) - allowed >= outcome.forbiddenExecutions.size()) {
        return nullptr;
    }
    return &outcome.forbiddenExecutions[std::size_t(index) - allowed];
}

ResultsPanel::ResultsPanel(QWidget* parent)
    : QWidget(parent),
      observation_(new QLabel(this)),
      flags_(new QLabel(this)),
      states_(new QTableWidget(this)),
      filter_(new QComboBox(this)),
      executions_(new QListWidget(this)),
      omitted_(new QLabel(this)) {
    observation_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = observation_->font();
    bold.setBold(true);
    observation_->setFont(bold);
    states_->setColumnCount(3);
    states_->setHorizontalHeaderLabels({tr("Final state"), tr("Executions"), tr("Condition")});
    states_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    states_->verticalHeader()->hide();
    states_->setSelectionBehavior(QAbstractItemView::SelectRows);
    states_->setSelectionMode(QAbstractItemView::SingleSelection);
    states_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(states_, &QTableWidget::cellClicked, this, [this](int row, int) {
        std::string text = states_->item(row, 0)->text().toStdString();
        selectState(state_ == text ? std::nullopt : std::optional<std::string>(text));
    });
    filter_->addItem(tr("Allowed executions"), int(ExecutionFilter::Allowed));
    filter_->addItem(tr("Forbidden executions"), int(ExecutionFilter::Forbidden));
    filter_->addItem(tr("All executions (allowed and forbidden)"), int(ExecutionFilter::All));
    filter_->addItem(tr("Allowed, satisfying the condition"), int(ExecutionFilter::Satisfies));
    filter_->addItem(tr("Allowed, not satisfying the condition"),
                     int(ExecutionFilter::DoesNotSatisfy));
    filter_->addItem(tr("Racy (data-race)"), int(ExecutionFilter::Racy));
    filter_->addItem(tr("Torn (torn-read)"), int(ExecutionFilter::Torn));
    connect(filter_, &QComboBox::currentIndexChanged, this, [this](int) { refill(); });
    connect(executions_, &QListWidget::currentRowChanged, this, [this](int row) {
        emit executionSelected(row < 0 ? -1 : executions_->item(row)->data(Qt::UserRole).toInt());
    });

    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(new QLabel(tr("Executions:"), this));
    filterRow->addWidget(filter_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(observation_);
    layout->addWidget(flags_);
    layout->addWidget(states_, 1);
    layout->addLayout(filterRow);
    layout->addWidget(executions_, 2);
    layout->addWidget(omitted_);
    omitted_->hide();
}

void ResultsPanel::clear() {
    run_.reset();
    state_.reset();
    observation_->clear();
    flags_->clear();
    states_->setRowCount(0);
    executions_->clear();
    omitted_->clear();
    omitted_->hide();
}

void ResultsPanel::showMessage(const QString& message) {
    clear();
    observation_->setText(message);
}

void ResultsPanel::showRun(std::shared_ptr<const solver::TestRun> run) {
    clear();
    run_ = std::move(run);
    const solver::TestOutcome& o = run_->outcome;
    if (o.cancelled) {
        observation_->setText(tr("Cancelled after %1 s: no verdict").arg(o.seconds, 0, 'f', 2));
    } else if (o.timedOut) {
        observation_->setText(
            tr("Time limit reached after %1 s: no verdict").arg(o.seconds, 0, 'f', 2));
    } else {
        observation_->setText(QStringLiteral("Observation %1 %2 %3 %4")
                                  .arg(qs(o.name), qs(solver::observationOf(o)))
                                  .arg(o.positive)
                                  .arg(o.negative));
    }
    QStringList flags;
    for (const auto& f : o.flags) {
        flags << qs(f);
    }
    flags_->setText(flags.isEmpty() ? tr("No flags") : tr("Flags: %1").arg(flags.join(", ")));
    std::map<std::string, std::pair<int, bool>> perState;  // executions, condition holds
    for (const auto& e : o.executions) {
        auto& entry = perState[e.state.text()];
        ++entry.first;
        entry.second = e.conditionHolds;
    }
    states_->setRowCount(int(o.states.size()));
    int row = 0;
    for (const auto& s : o.states) {
        const auto& [count, holds] = perState[s.text()];
        states_->setItem(row, 0, new QTableWidgetItem(qs(s.text())));
        states_->setItem(row, 1, new QTableWidgetItem(QString::number(count)));
        states_->setItem(row, 2, new QTableWidgetItem(holds ? tr("satisfies") : QString()));
        ++row;
    }
    refill();
}

QString ResultsPanel::observationText() const {
    return observation_->text();
}

QString ResultsPanel::flagsText() const {
    return flags_->text();
}

QString ResultsPanel::omittedText() const {
    return omitted_->text();
}

void ResultsPanel::setFilter(ExecutionFilter filter) {
    filter_->setCurrentIndex(filter_->findData(int(filter)));
}

void ResultsPanel::selectState(std::optional<std::string> state) {
    state_ = std::move(state);
    states_->clearSelection();
    if (state_) {
        for (int row = 0; row < states_->rowCount(); ++row) {
            if (states_->item(row, 0)->text().toStdString() == *state_) {
                states_->selectRow(row);
            }
        }
    }
    refill();
}

// `allowed` is null for a forbidden execution.
bool ResultsPanel::passes(const solver::FinalState& state,
                          const solver::AllowedExecution* allowed) const {
    if (state_ && state.text() != *state_) {
        return false;
    }
    switch (ExecutionFilter(filter_->currentData().toInt())) {
        case ExecutionFilter::All:
            return true;
        case ExecutionFilter::Allowed:
            return allowed != nullptr;
        case ExecutionFilter::Forbidden:
            return allowed == nullptr;
        case ExecutionFilter::Satisfies:
            return allowed && allowed->conditionHolds;
        case ExecutionFilter::DoesNotSatisfy:
            return allowed && !allowed->conditionHolds;
        case ExecutionFilter::Racy:
            return allowed && hasFlag(*allowed, "data-race");
        case ExecutionFilter::Torn:
            return allowed && hasFlag(*allowed, "torn-read");
    }
    return true;
}

void ResultsPanel::addItem(int index, const solver::FinalState& state, bool holds, QString marks,
                           bool forbidden) {
    const int number = forbidden ? index - int(run_->outcome.executions.size()) : index;
    QString text = QStringLiteral("#%1%2  %3")
                       .arg(forbidden ? QStringLiteral("F") : QString())
                       .arg(number + 1)
                       .arg(qs(state.text()));
    if (holds) {
        text += tr("  (satisfies)");
    }
    auto* item = new QListWidgetItem(text + marks, executions_);
    item->setData(Qt::UserRole, index);
    if (forbidden) {
        item->setForeground(QColor(Qt::darkRed));
    }
}

void ResultsPanel::refill() {
    executions_->clear();
    if (!run_) {
        emit executionSelected(-1);
        return;
    }
    const solver::TestOutcome& o = run_->outcome;
    for (std::size_t i = 0; i < o.executions.size(); ++i) {
        const auto& e = o.executions[i];
        if (!passes(e.state, &e)) {
            continue;
        }
        QString marks;
        for (const auto& f : e.flags) {
            marks += QStringLiteral("  [%1]").arg(qs(f));
        }
        addItem(int(i), e.state, e.conditionHolds, marks, false);
    }
    for (std::size_t j = 0; j < o.forbiddenExecutions.size(); ++j) {
        const auto& e = o.forbiddenExecutions[j];
        if (!passes(e.state, nullptr)) {
            continue;
        }
        QStringList axioms;
        for (const auto& a : e.failedAxioms) {
            axioms << qs(a);
        }
        addItem(int(o.executions.size() + j), e.state, e.conditionHolds,
                QStringLiteral("  [%1]").arg(tr("forbidden: %1").arg(axioms.join(", "))), true);
    }
    const auto filter = ExecutionFilter(filter_->currentData().toInt());
    const bool forbiddenListed =
        filter == ExecutionFilter::All || filter == ExecutionFilter::Forbidden;
    QString omitted;
    if (forbiddenListed && o.forbiddenOmitted > 0) {
        omitted = (o.forbiddenOmitted == 1
                       ? tr("1 more forbidden execution not listed")
                       : tr("%1 more forbidden executions not listed").arg(o.forbiddenOmitted)) +
                  tr(" (a run keeps the first %1)").arg(o.forbiddenExecutions.size());
    }
    omitted_->setText(omitted);
    omitted_->setVisible(!omitted_->text().isEmpty());
    if (executions_->count() > 0) {
        executions_->setCurrentRow(0);
    } else {
        emit executionSelected(-1);
    }
}

std::vector<int> ResultsPanel::listedExecutions() const {
    std::vector<int> out;
    for (int row = 0; row < executions_->count(); ++row) {
        out.push_back(executions_->item(row)->data(Qt::UserRole).toInt());
    }
    return out;
}

int ResultsPanel::currentExecution() const {
    auto* item = executions_->currentItem();
    return item ? item->data(Qt::UserRole).toInt() : -1;
}

void ResultsPanel::setCurrentExecution(int index) {
    for (int row = 0; row < executions_->count(); ++row) {
        if (executions_->item(row)->data(Qt::UserRole).toInt() == index) {
            executions_->setCurrentRow(row);
            return;
        }
    }
}

void ResultsPanel::nextExecution() {
    if (executions_->currentRow() + 1 < executions_->count()) {
        executions_->setCurrentRow(executions_->currentRow() + 1);
    }
}

void ResultsPanel::previousExecution() {
    if (executions_->currentRow() > 0) {
        executions_->setCurrentRow(executions_->currentRow() - 1);
    }
}

}  // namespace memx::gui
