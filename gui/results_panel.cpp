#include "gui/results_panel.hpp"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

#include "gui/execution_list_model.hpp"
#include "gui/states_table_model.hpp"
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
      completeness_(new QLabel(this)),
      stateRows_(new StatesTableModel(this)),
      states_(new QTableView(this)),
      filter_(new QComboBox(this)),
      listed_(new ExecutionListModel(this)),
      executions_(new QListView(this)),
      omitted_(new QLabel(this)) {
    observation_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = observation_->font();
    bold.setBold(true);
    observation_->setFont(bold);
    completeness_->setWordWrap(true);
    completeness_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    completeness_->hide();
    states_->setModel(stateRows_);
    states_->horizontalHeader()->setSectionResizeMode(StatesTableModel::StateColumn,
                                                      QHeaderView::Stretch);
    states_->verticalHeader()->hide();
    states_->setSelectionBehavior(QAbstractItemView::SelectRows);
    states_->setSelectionMode(QAbstractItemView::SingleSelection);
    states_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(states_, &QTableView::clicked, this, [this](const QModelIndex& index) {
        const std::string& text = stateRows_->row(index.row()).state;
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
    filter_->addItem(tr("Waiting forever (liveness)"), int(ExecutionFilter::Blocked));
    connect(filter_, &QComboBox::currentIndexChanged, this, [this](int) { refill(); });
    executions_->setModel(listed_);
    executions_->setSelectionMode(QAbstractItemView::SingleSelection);
    executions_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Every row is one line: the view lays out thousands of rows without measuring each.
    executions_->setUniformItemSizes(true);
    connect(
        executions_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex& current, const QModelIndex&) {
            emit executionSelected(listed_->executionAt(current.isValid() ? current.row() : -1));
        });

    // The final states' table and the executions share the height through a splitter
    // (its position kept by the window); the table shows at least four rows.
    auto* lower = new QWidget(this);
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(new QLabel(tr("Executions:"), lower));
    filterRow->addWidget(filter_, 1);
    lowerLayout->addLayout(filterRow);
    lowerLayout->addWidget(executions_, 1);
    lowerLayout->addWidget(omitted_);
    states_->setMinimumHeight(states_->horizontalHeader()->sizeHint().height() +
                              4 * states_->verticalHeader()->defaultSectionSize() + 4);
    split_ = new QSplitter(Qt::Vertical, this);
    split_->setObjectName(QStringLiteral("resultsSplitter"));
    split_->setChildrenCollapsible(false);
    split_->addWidget(states_);
    split_->addWidget(lower);
    split_->setStretchFactor(0, 1);
    split_->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(observation_);
    layout->addWidget(flags_);
    layout->addWidget(completeness_);
    layout->addWidget(split_, 1);
    omitted_->hide();
}

QByteArray ResultsPanel::splitterState() const {
    return split_->saveState();
}

void ResultsPanel::restoreSplitterState(const QByteArray& state) {
    split_->restoreState(state);
}

QSplitter* ResultsPanel::splitter() const {
    return split_;
}

void ResultsPanel::clear() {
    run_.reset();
    state_.reset();
    observation_->clear();
    flags_->clear();
    completeness_->clear();
    completeness_->hide();
    stateRows_->setRows({});
    listed_->setExecutions(nullptr, {});
    omitted_->clear();
    omitted_->hide();
}

void ResultsPanel::showMessage(const QString& message) {
    clear();
    observation_->setText(message);
}

void ResultsPanel::showRun(std::shared_ptr<const solver::TestRun> run,
                           std::optional<std::vector<StatesTableModel::Row>> states) {
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
    if (!o.timedOut) {
        QStringList notes;
        if (auto omitted = solver::statesOmittedNote(o)) {
            notes << qs(*omitted);
        }
        if (!o.exhaustive) {
            notes << qs(solver::verdictOnlyNote(o));
        }
        if (o.blocked) {
            for (const solver::BlockedWait& w : o.blocked->waits) {
                notes << tr("Waits forever: %1, in an allowed execution (Flag liveness)")
                             .arg(qs(w.where()));
            }
        }
        completeness_->setText(notes.join(QLatin1Char('\n')));
        completeness_->setVisible(!notes.isEmpty());
    }
    stateRows_->setRows(states ? std::move(*states) : StatesTableModel::rowsOf(o));
    fillList();
    // Drawing the first execution takes tens of milliseconds for a large graph (55-75 ms for
    // 12 threads, in render::layoutExecution); it waits for the next turn of the event loop, so
    // that filling the panel and drawing are two short pauses rather than one long freeze.
    QMetaObject::invokeMethod(
        this,
        [this, run = run_] {
            if (run_ == run && !executions_->currentIndex().isValid()) {
                selectFirstListed();
            }
        },
        Qt::QueuedConnection);
}

QString ResultsPanel::observationText() const {
    return observation_->text();
}

QString ResultsPanel::flagsText() const {
    return flags_->text();
}

QString ResultsPanel::completenessText() const {
    return completeness_->text();
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
        for (int row = 0; row < stateRows_->rowCount(); ++row) {
            if (stateRows_->row(row).state == *state_) {
                states_->selectRow(row);
            }
        }
    }
    refill();
}

// `allowed` is null for a forbidden execution; `blocked` says it is the blocked one.
bool ResultsPanel::passes(const solver::FinalState& state, const solver::AllowedExecution* allowed,
                          bool blocked) const {
    if (state_ && state.text() != *state_) {
        return false;
    }
    switch (ExecutionFilter(filter_->currentData().toInt())) {
        case ExecutionFilter::Blocked:
            return blocked;
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

void ResultsPanel::refill() {
    fillList();
    selectFirstListed();
}

void ResultsPanel::fillList() {
    if (!run_) {
        listed_->setExecutions(nullptr, {});
        return;
    }
    const solver::TestOutcome& o = run_->outcome;
    std::vector<int> listed;
    for (std::size_t i = 0; i < o.executions.size(); ++i) {
        const auto& e = o.executions[i];
        if (passes(e.state, &e)) {
            listed.push_back(int(i));
        }
    }
    for (std::size_t j = 0; j < o.forbiddenExecutions.size(); ++j) {
        if (passes(o.forbiddenExecutions[j].state, nullptr)) {
            listed.push_back(int(o.executions.size() + j));
        }
    }
    if (o.blocked && passes(o.blocked->execution.state, &o.blocked->execution, true)) {
        listed.push_back(blockedExecutionIndex(o));
    }
    listed_->setExecutions(run_, std::move(listed));
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
}

void ResultsPanel::selectFirstListed() {
    if (listed_->rowCount() > 0) {
        setCurrentRow(0);
    } else {
        emit executionSelected(-1);
    }
}

void ResultsPanel::setCurrentRow(int row) {
    executions_->setCurrentIndex(listed_->index(row));
}

std::vector<int> ResultsPanel::listedExecutions() const {
    return listed_->executions();
}

int ResultsPanel::currentExecution() const {
    const QModelIndex current = executions_->currentIndex();
    return listed_->executionAt(current.isValid() ? current.row() : -1);
}

void ResultsPanel::setCurrentExecution(int index) {
    const int row = listed_->rowOf(index);
    if (row >= 0) {
        setCurrentRow(row);
    }
}

void ResultsPanel::nextExecution() {
    const int row = executions_->currentIndex().isValid() ? executions_->currentIndex().row() : -1;
    if (row + 1 < listed_->rowCount()) {
        setCurrentRow(row + 1);
    }
}

void ResultsPanel::previousExecution() {
    const int row = executions_->currentIndex().isValid() ? executions_->currentIndex().row() : -1;
    if (row > 0) {
        setCurrentRow(row - 1);
    }
}

}  // namespace memx::gui
