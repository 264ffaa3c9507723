#include "gui/main_window.hpp"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "gui/compare_panel.hpp"
#include "gui/example_library.hpp"
#include "gui/execution_figure.hpp"
#include "gui/execution_list_model.hpp"
#include "gui/graph_panel.hpp"
#include "gui/litmus_editor.hpp"
#include "gui/results_panel.hpp"
#include "gui/run_controller.hpp"
#include "gui/worker_pool.hpp"
#include "render/figure.hpp"
#include "solver/model_locator.hpp"

namespace memx::gui {

namespace {

constexpr int kCheckDelayMs = 300;  // the as-you-type check waits for a pause in typing
constexpr int kMaxRecentFiles = 8;
const QString kCatPrefix = QStringLiteral("cat:");  // model combo data for a .cat file

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

}  // namespace

MainWindow::MainWindow(QSettings& settings, QWidget* parent)
    : QMainWindow(parent),
      settings_(settings),
      editor_(new LitmusEditor(this)),
      results_(new ResultsPanel(this)),
      graph_(new GraphPanel(this)),
      runner_(new RunController(this)),
      checkTimer_(new QTimer(this)),
      progressTimer_(new QTimer(this)) {
    // The results (observation, the final states' table, the executions) get a third of the
    // height, the graph the rest; both keep what the user gives them (restoreSettings).
    rightSplit_ = new QSplitter(Qt::Vertical, this);
    rightSplit_->setObjectName(QStringLiteral("rightSplitter"));
    rightSplit_->addWidget(results_);
    rightSplit_->addWidget(graph_);
    rightSplit_->setSizes({320, 560});
    rightSplit_->setStretchFactor(1, 1);
    mainSplit_ = new QSplitter(Qt::Horizontal, this);
    mainSplit_->setObjectName(QStringLiteral("mainSplitter"));
    mainSplit_->addWidget(editor_);
    mainSplit_->addWidget(rightSplit_);
    mainSplit_->setSizes({380, 900});
    mainSplit_->setStretchFactor(1, 1);
    setCentralWidget(mainSplit_);
    for (QSplitter* s : {mainSplit_, rightSplit_}) {
        connect(s, &QSplitter::splitterMoved, this, [this] { saveSplitters(); });
    }

    checkTimer_->setSingleShot(true);
    checkTimer_->setInterval(kCheckDelayMs);
    connect(checkTimer_, &QTimer::timeout, this, &MainWindow::checkNow);
    connect(editor_, &QPlainTextEdit::textChanged, checkTimer_, qOverload<>(&QTimer::start));
    progressTimer_->setInterval(100);
    connect(progressTimer_, &QTimer::timeout, this,
            [this] { elapsed_->setText(tr("%1 s").arg(runner_->elapsedSeconds(), 0, 'f', 1)); });
    connect(runner_, &RunController::started, this, &MainWindow::onRunStarted);
    connect(runner_, &RunController::finished, this, &MainWindow::onRunFinished);
    connect(results_, &ResultsPanel::executionSelected, this, &MainWindow::onExecutionSelected);
    connect(graph_, &GraphPanel::visibleRelationsChanged, this, [this] {
        const auto& names = graph_->visibleRelations();
        QStringList list;
        for (const auto& n : names) {
            list << qs(n);
        }
        settings_.setValue(QStringLiteral("relations"), list);
    });

    whyText_ = new QPlainTextEdit(this);
    whyText_->setReadOnly(true);
    whyText_->setFont(editor_->font());
    whyDock_ = new QDockWidget(tr("Why not?"), this);
    whyDock_->setObjectName(QStringLiteral("whyNotDock"));
    whyDock_->setWidget(whyText_);
    addDockWidget(Qt::BottomDockWidgetArea, whyDock_);
    whyDock_->hide();
    connect(&whyWatcher_, &QFutureWatcherBase::finished, this, &MainWindow::onWhyNotFinished);

    auto* compareBox = new QWidget(this);
    compare_ = new ComparePanel(compareBox);
    compareCombo_ = new QComboBox(compareBox);
    for (const char* name : {"lkmm", "sc", "rc11"}) {
        if (solver::builtinModelPath(name)) {
            compareCombo_->addItem(QString::fromLatin1(name));
        }
    }
    auto* compareButton = new QPushButton(tr("Compare"), compareBox);
    connect(compareButton, &QPushButton::clicked, this,
            [this] { compareWith(compareCombo_->currentText()); });
    auto* compareRow = new QHBoxLayout;
    compareRow->addWidget(new QLabel(tr("Compare the selected model with:"), compareBox));
    compareRow->addWidget(compareCombo_);
    compareRow->addWidget(compareButton);
    compareRow->addStretch(1);
    auto* compareLayout = new QVBoxLayout(compareBox);
    compareLayout->addLayout(compareRow);
    compareLayout->addWidget(compare_, 1);
    compareDock_ = new QDockWidget(tr("Compare"), this);
    compareDock_->setObjectName(QStringLiteral("compareDock"));
    compareDock_->setWidget(compareBox);
    addDockWidget(Qt::BottomDockWidgetArea, compareDock_);
    compareDock_->hide();

    buildToolBar();
    buildMenus();
    restoreSettings();
    setWindowTitle(QStringLiteral("memx"));
    statusBar()->showMessage(tr("Open a test or pick one from Examples, then Run (Ctrl+R)"));
}

MainWindow::~MainWindow() {
    whyWatcher_.waitForFinished();
}

void MainWindow::buildToolBar() {
    QToolBar* bar = addToolBar(tr("Run"));
    bar->setObjectName(QStringLiteral("runToolBar"));
    bar->addWidget(new QLabel(tr(" Model: "), this));
    modelCombo_ = new QComboBox(this);
    for (const char* name : {"lkmm", "sc", "rc11"}) {
        if (solver::builtinModelPath(name)) {
            modelCombo_->addItem(QString::fromLatin1(name), QString::fromLatin1(name));
        }
    }
    modelCombo_->addItem(tr("Other .cat file..."), QString());
    connect(modelCombo_, &QComboBox::activated, this, &MainWindow::onModelChosen);
    bar->addWidget(modelCombo_);

    // The event builder's options: they change only byte-granular tests.
    endian_ = new QComboBox(this);
    endian_->addItem(tr("little-endian"), QStringLiteral("little"));
    endian_->addItem(tr("big-endian"), QStringLiteral("big"));
    endian_->setToolTip(tr("Byte order of byte-granular tests (--endian)"));
    userCopy_ = new QComboBox(this);
    userCopy_->addItem(tr("user copy: asm"), QStringLiteral("asm"));
    userCopy_->addItem(tr("user copy: plain"), QStringLiteral("plain"));
    userCopy_->setToolTip(
        tr("copy_from_user/copy_to_user: marked user bytes as the uaccess "
           "assembly (asm), or a plain memcpy (plain) (--usercopy)"));
    // How loops are read changes the events of any test with a loop.
    loops_ = new QComboBox(this);
    loops_->addItem(tr("loops: herd"), QStringLiteral("herd"));
    loops_->addItem(tr("loops: await"), QStringLiteral("await"));
    loops_->setToolTip(
        tr("herd: loops as herd7 unrolls them (--loops herd); await: a spin-wait contributes "
           "only its final iteration, and a thread that can wait forever raises the liveness "
           "flag and is listed as a blocked execution (--loops await)"));
    for (QComboBox* box : {endian_, userCopy_, loops_}) {
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            settings_.setValue(QStringLiteral("endian"), endian_->currentData());
            settings_.setValue(QStringLiteral("usercopy"), userCopy_->currentData());
            settings_.setValue(QStringLiteral("loops"), loops_->currentData());
            checkModel_.reset();  // the check builds events with these options too
            checkTimer_->start();
        });
        bar->addWidget(box);
    }
    search_ = new QComboBox(this);
    search_->addItem(tr("search: auto"), int(solver::SearchMode::Auto));
    search_->addItem(tr("search: every execution"), int(solver::SearchMode::Exhaustive));
    search_->setToolTip(
        tr("auto: every execution up to 8192 candidates, beyond that a verdict-only run that "
           "lists the executions it checked (--search auto); every execution: all of them, "
           "however long it takes (--search exhaustive)"));
    connect(search_, &QComboBox::currentIndexChanged, this, [this] {
        settings_.setValue(QStringLiteral("everyExecution"), search_->currentIndex() == 1);
    });
    bar->addWidget(search_);
    bar->addWidget(new QLabel(tr(" Time limit: "), this));
    timeLimit_ = new QDoubleSpinBox(this);
    timeLimit_->setRange(0, 86400);
    timeLimit_->setDecimals(0);
    timeLimit_->setSuffix(tr(" s"));
    timeLimit_->setSpecialValueText(tr("none"));
    timeLimit_->setToolTip(tr("A run stops after this long and says so (0: no limit)"));
    connect(timeLimit_, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { settings_.setValue(QStringLiteral("timeLimit"), v); });
    bar->addWidget(timeLimit_);
    runAction_ = bar->addAction(tr("Run"), this, &MainWindow::run);
    runAction_->setShortcut(QKeySequence(QStringLiteral("Ctrl+R")));
    runAction_->setToolTip(tr("Run the test under the model (Ctrl+R)"));
    cancelAction_ = bar->addAction(tr("Cancel"), this, &MainWindow::cancel);
    cancelAction_->setShortcut(QKeySequence(Qt::Key_Escape));
    cancelAction_->setEnabled(false);
    progress_ = new QProgressBar(this);
    progress_->setMaximumWidth(120);
    progress_->setRange(0, 0);  // busy: enumeration has no known end
    progress_->setTextVisible(false);
    progress_->setToolTip(tr("Solving"));
    progressItem_ = bar->addWidget(progress_);
    progressItem_->setVisible(false);
    elapsed_ = new QLabel(this);
    elapsed_->setMinimumWidth(60);
    bar->addWidget(elapsed_);
    whyNotAction_ = bar->addAction(tr("Why not?"), this, &MainWindow::whyNot);
    whyNotAction_->setShortcut(QKeySequence(QStringLiteral("Ctrl+Y")));
    whyNotAction_->setToolTip(
        tr("Why is the condition's outcome forbidden (or allowed)? As memx explain (Ctrl+Y)"));
    bar->addSeparator();
    QAction* prev = bar->addAction(tr("Previous"), results_, &ResultsPanel::previousExecution);
    prev->setShortcut(QKeySequence(QStringLiteral("Ctrl+,")));
    prev->setToolTip(tr("Previous execution (Ctrl+,)"));
    QAction* next = bar->addAction(tr("Next"), results_, &ResultsPanel::nextExecution);
    next->setShortcut(QKeySequence(QStringLiteral("Ctrl+.")));
    next->setToolTip(tr("Next execution (Ctrl+.)"));
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open..."), QKeySequence::Open, this, [this] {
        QString path = QFileDialog::getOpenFileName(this, tr("Open a litmus test"), QString(),
                                                    tr("Litmus tests (*.litmus);;All files (*)"));
        if (!path.isEmpty()) {
            openFile(path);
        }
    });
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::saveFile);
    file->addSeparator();
    file->addAction(tr("&Export figure..."), QKeySequence(QStringLiteral("Ctrl+E")), this,
                    &MainWindow::exportWithDialog);
    QMenu* copy = file->addMenu(tr("&Copy figure as"));
    for (const auto& f : exportFormats()) {
        QAction* a = copy->addAction(f.name, this, [this, f] { copyFigure(f.format); });
        if (f.format == ExportFormat::Svg) {
            a->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+C")));
        }
    }
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* examples = menuBar()->addMenu(tr("E&xamples"));
    const auto found = findExamples(exampleLibraryDir(QCoreApplication::applicationDirPath()));
    if (found.empty()) {
        examples->addAction(tr("(no litmus library found)"))->setEnabled(false);
    }
    QMenu* group = nullptr;
    QString groupName;
    for (const Example& e : found) {
        if (!group || e.group != groupName) {
            groupName = e.group;
            group = examples->addMenu(e.group.isEmpty() ? tr("Library") : e.group);
        }
        group->addAction(e.name, this, [this, path = e.path] { openFile(path); });
    }

    QMenu* runMenu = menuBar()->addMenu(tr("&Run"));
    runMenu->addAction(runAction_);
    runMenu->addAction(cancelAction_);
    runMenu->addAction(whyNotAction_);
    runMenu->addAction(tr("&Compare models..."), QKeySequence(QStringLiteral("Ctrl+M")), this,
                       [this] {
                           compareDock_->show();
                           compareDock_->raise();
                       });
}

void MainWindow::restoreSettings() {
    restoreGeometry(settings_.value(QStringLiteral("geometry")).toByteArray());
    restoreState(settings_.value(QStringLiteral("windowState")).toByteArray());
    mainSplit_->restoreState(settings_.value(QStringLiteral("splitters/main")).toByteArray());
    rightSplit_->restoreState(settings_.value(QStringLiteral("splitters/right")).toByteArray());
    results_->restoreSplitterState(
        settings_.value(QStringLiteral("splitters/results")).toByteArray());
    const QString model =
        settings_.value(QStringLiteral("model"), QStringLiteral("lkmm")).toString();
    if (!selectModel(model)) {
        selectModel(QStringLiteral("lkmm"));
    }
    timeLimit_->setValue(settings_.value(QStringLiteral("timeLimit"), 60.0).toDouble());
    setBigEndian(settings_.value(QStringLiteral("endian")).toString() == QLatin1String("big"));
    setUserCopyPlain(settings_.value(QStringLiteral("usercopy")).toString() ==
                     QLatin1String("plain"));
    setEveryExecution(settings_.value(QStringLiteral("everyExecution"), false).toBool());
    setLoopsAwait(settings_.value(QStringLiteral("loops")).toString() == QLatin1String("await"));
    if (settings_.contains(QStringLiteral("relations"))) {
        std::set<std::string> names;
        for (const QString& n : settings_.value(QStringLiteral("relations")).toStringList()) {
            names.insert(n.toStdString());
        }
        graph_->setVisibleRelations(std::move(names));
    }
    rebuildRecentMenu();
}

void MainWindow::saveSplitters() {
    settings_.setValue(QStringLiteral("splitters/main"), mainSplit_->saveState());
    settings_.setValue(QStringLiteral("splitters/right"), rightSplit_->saveState());
    settings_.setValue(QStringLiteral("splitters/results"), results_->splitterState());
}

void MainWindow::saveSettings() {
    saveSplitters();
    settings_.setValue(QStringLiteral("geometry"), saveGeometry());
    settings_.setValue(QStringLiteral("windowState"), saveState());
    settings_.setValue(QStringLiteral("model"), selectedModel());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSettings();
    runner_->cancel();
    event->accept();
}

void MainWindow::addRecentFile(const QString& path) {
    QStringList files = settings_.value(QStringLiteral("recentFiles")).toStringList();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles) {
        files.removeLast();
    }
    settings_.setValue(QStringLiteral("recentFiles"), files);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
    recentMenu_->clear();
    const QStringList files = settings_.value(QStringLiteral("recentFiles")).toStringList();
    for (const QString& path : files) {
        recentMenu_->addAction(QFileInfo(path).fileName(), this, [this, path] { openFile(path); })
            ->setToolTip(path);
    }
    recentMenu_->setEnabled(!files.isEmpty());
}

bool MainWindow::openFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        statusBar()->showMessage(tr("Cannot open %1: %2").arg(path, file.errorString()));
        return false;
    }
    setTestText(QString::fromUtf8(file.readAll()), path);
    filePath_ = path;
    addRecentFile(QFileInfo(path).absoluteFilePath());
    statusBar()->showMessage(tr("Opened %1").arg(path));
    return true;
}

void MainWindow::setTestText(const QString& text, const QString& fileName) {
    fileName_ = fileName;
    filePath_.clear();
    editor_->setPlainText(text);
    results_->clear();
    graph_->setFigure(nullptr, {});
    run_.reset();
    setWindowTitle(QStringLiteral("memx - %1").arg(QFileInfo(fileName).fileName()));
}

void MainWindow::saveFile() {
    QString path = filePath_;
    if (path.isEmpty()) {
        path = QFileDialog::getSaveFileName(this, tr("Save the test"), fileName_,
                                            tr("Litmus tests (*.litmus)"));
        if (path.isEmpty()) {
            return;
        }
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(editor_->toPlainText().toUtf8()) < 0) {
        statusBar()->showMessage(tr("Cannot save %1: %2").arg(path, file.errorString()));
        return;
    }
    filePath_ = path;
    fileName_ = path;
    addRecentFile(QFileInfo(path).absoluteFilePath());
    statusBar()->showMessage(tr("Saved %1").arg(path));
}

bool MainWindow::selectModel(const QString& model) {
    if (model.endsWith(QLatin1String(".cat"))) {
        if (!QFileInfo::exists(model)) {
            return false;
        }
        const QString data = kCatPrefix + model;
        int index = modelCombo_->findData(data);
        if (index < 0) {
            index = modelCombo_->count() - 1;  // before "Other .cat file..."
            modelCombo_->insertItem(index, QFileInfo(model).fileName(), data);
        }
        modelCombo_->setCurrentIndex(index);
    } else {
        int index = modelCombo_->findData(model);
        if (index < 0 || model.isEmpty()) {
            return false;
        }
        modelCombo_->setCurrentIndex(index);
    }
    lastModelIndex_ = modelCombo_->currentIndex();
    settings_.setValue(QStringLiteral("model"), selectedModel());
    checkTimer_->start();
    return true;
}

void MainWindow::setBigEndian(bool big) {
    endian_->setCurrentIndex(big ? 1 : 0);
}

void MainWindow::setUserCopyPlain(bool plain) {
    userCopy_->setCurrentIndex(plain ? 1 : 0);
}

void MainWindow::setLoopsAwait(bool await) {
    loops_->setCurrentIndex(await ? 1 : 0);
}

void MainWindow::setEveryExecution(bool every) {
    search_->setCurrentIndex(every ? 1 : 0);
}

void MainWindow::setTimeLimit(double seconds) {
    timeLimit_->setValue(seconds);
}

QString MainWindow::selectedModel() const {
    QString data = modelCombo_->currentData().toString();
    return data.startsWith(kCatPrefix) ? data.mid(kCatPrefix.size()) : data;
}

void MainWindow::onModelChosen(int index) {
    if (!modelCombo_->itemData(index).toString().isEmpty()) {
        selectModel(modelCombo_->itemData(index).toString().startsWith(kCatPrefix)
                        ? modelCombo_->itemData(index).toString().mid(kCatPrefix.size())
                        : modelCombo_->itemData(index).toString());
        return;
    }
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a cat model"), QString(),
                                                      tr("cat models (*.cat)"));
    if (path.isEmpty() || !selectModel(path)) {
        modelCombo_->setCurrentIndex(lastModelIndex_);
    }
}

solver::ModelSelection MainWindow::modelSelection() const {
    solver::ModelSelection selection;
    const QString model = selectedModel();
    if (model.endsWith(QLatin1String(".cat"))) {
        selection.catFile = model.toStdString();
    } else {
        selection.builtin = model.toStdString();
    }
    selection.events.bigEndian = endian_->currentIndex() == 1;
    selection.events.userCopy =
        userCopy_->currentIndex() == 1 ? model::UserCopyMode::Plain : model::UserCopyMode::Asm;
    selection.events.loops =
        loops_->currentIndex() == 1 ? model::LoopReading::Await : model::LoopReading::Herd;
    return selection;
}

const solver::LoadedModel* MainWindow::modelForChecks() {
    if (checkModelKey_ != selectedModel() || !checkModel_) {
        checkModelKey_ = selectedModel();
        DiagnosticSink ignored;  // the model's own errors are reported when it runs
        auto loaded = solver::loadModelSelection(modelSelection(), ignored);
        checkModel_ =
            loaded ? std::make_shared<const solver::LoadedModel>(std::move(*loaded)) : nullptr;
    }
    return checkModel_.get();
}

void MainWindow::checkNow() {
    checkTimer_->stop();
    const std::string text = editor_->toPlainText().toStdString();
    const std::string name = fileName_.toStdString();
    DiagnosticSink sink;
    if (const solver::LoadedModel* model = modelForChecks()) {
        solver::checkLitmusText(text, name, *model, sink);
    }
    std::vector<Diagnostic> mine;
    for (const Diagnostic& d : sink.diagnostics()) {
        if (d.file == name) {
            mine.push_back(d);
        }
    }
    if (!mine.empty()) {
        statusBar()->showMessage(tr("%1:%2:%3: %4")
                                     .arg(fileName_)
                                     .arg(mine.front().range.begin.line)
                                     .arg(mine.front().range.begin.column)
                                     .arg(qs(mine.front().message)));
    }
    editor_->setDiagnostics(std::move(mine));
}

void MainWindow::run() {
    if (runner_->running()) {
        return;
    }
    RunRequest request;
    request.text = editor_->toPlainText().toStdString();
    request.fileName = fileName_.toStdString();
    request.model = modelSelection();
    if (timeLimit_->value() > 0) {
        request.timeoutSeconds = timeLimit_->value();
    }
    request.search = solver::SearchMode(search_->currentData().toInt());
    runner_->start(request);
}

void MainWindow::cancel() {
    if (runner_->running()) {
        runner_->cancel();
        statusBar()->showMessage(tr("Cancelling..."));
    }
}

void MainWindow::onRunStarted() {
    runAction_->setEnabled(false);
    cancelAction_->setEnabled(true);
    progressItem_->setVisible(true);
    progressTimer_->start();
    results_->showMessage(tr("Running under %1...").arg(selectedModel()));
    graph_->setFigure(nullptr, {});
    statusBar()->showMessage(tr("Running (Esc cancels)"));
}

void MainWindow::onRunFinished() {
    progressTimer_->stop();
    progressItem_->setVisible(false);
    runAction_->setEnabled(true);
    cancelAction_->setEnabled(false);
    auto result = runner_->lastResult();
    elapsed_->setText(tr("%1 s").arg(runner_->elapsedSeconds(), 0, 'f', 2));
    std::vector<Diagnostic> mine;
    QStringList others;
    for (const Diagnostic& d : result->diagnostics) {
        if (d.file == fileName_.toStdString()) {
            mine.push_back(d);
        } else {
            others << qs(formatDiagnostic(d));
        }
    }
    editor_->setDiagnostics(mine);
    if (!result->run) {
        QString message = !others.isEmpty()        ? others.join(QLatin1Char('\n'))
                          : !result->error.empty() ? qs(result->error)
                                                   : tr("The test has errors: see the editor");
        results_->showMessage(message);
        statusBar()->showMessage(tr("No verdict"));
        run_.reset();
    } else {
        // Shares the worker's result rather than copying it: a copy of thousands of executions
        // (their graphs) froze the window for 120 ms after a 4096-execution run.
        run_ = std::shared_ptr<const solver::TestRun>(result, &*result->run);
        runModel_ = result->model;
        results_->showRun(run_, result->stateRows);
        const auto& o = run_->outcome;
        statusBar()->showMessage(o.cancelled ? tr("Cancelled")
                                 : o.timedOut
                                     ? tr("Time limit reached")
                                     : tr("%1 allowed and %2 forbidden executions, %3 s")
                                           .arg(o.executions.size())
                                           .arg(o.forbiddenExecutions.size() + o.forbiddenOmitted)
                                           .arg(o.seconds, 0, 'f', 2));
    }
    emit runFinished();
}

void MainWindow::onExecutionSelected(int index) {
    if (!run_ || !runModel_) {
        graph_->setFigure(nullptr, {});
        return;
    }
    if (const solver::ForbiddenExecution* f = forbiddenExecution(run_->outcome, index)) {
        showForbiddenExecution(*f, index - int(run_->outcome.executions.size()));
        return;
    }
    if (isBlockedExecution(run_->outcome, index)) {
        showBlockedExecution();
        return;
    }
    if (index < 0 || index >= int(run_->outcome.executions.size())) {
        graph_->setFigure(nullptr, {});
        return;
    }
    // Described and laid out on the graph panel's worker: describing evaluates the model again,
    // tens of milliseconds on a large execution, which the window must not wait for.
    graph_->setFigureAsync(
        [run = run_, model = runModel_, index]() {
            ExecutionFigure described =
                describeExecution(*model->model, run->outcome.executions[std::size_t(index)]);
            addStatements(described, run->program, run->source);
            return std::make_shared<const ExecutionFigure>(std::move(described));
        },
        run_->outcome.name + " #" + std::to_string(index + 1));
}

void MainWindow::showForbiddenExecution(const solver::ForbiddenExecution& execution, int number) {
    std::string axioms;
    for (const auto& a : execution.failedAxioms) {
        axioms += (axioms.empty() ? "" : ", ") + a;
    }
    graph_->setFigureAsync(
        [run = run_, model = runModel_, &execution]() {
            ExecutionFigure described = describeExecution(*model->model, execution);
            addStatements(described, run->program, run->source);
            return std::make_shared<const ExecutionFigure>(std::move(described));
        },
        run_->outcome.name + " #F" + std::to_string(number + 1) + ": forbidden by " + axioms);
    statusBar()->showMessage(
        tr("Forbidden execution #F%1: rejected by %2").arg(number + 1).arg(qs(axioms)));
}

void MainWindow::showBlockedExecution() {
    const std::string waits = blockedWaitsText(*run_->outcome.blocked);
    graph_->setFigureAsync(
        [run = run_, model = runModel_]() {
            ExecutionFigure described = describeExecution(*model->model, *run->outcome.blocked);
            addStatements(described, run->program, run->source);
            return std::make_shared<const ExecutionFigure>(std::move(described));
        },
        run_->outcome.name + " blocked: " + waits);
    statusBar()->showMessage(
        tr("Blocked execution: %1, in an allowed execution (liveness)").arg(qs(waits)));
}

void MainWindow::whyNot() {
    if (whyWatcher_.isRunning()) {
        return;
    }
    RunRequest request;
    request.text = editor_->toPlainText().toStdString();
    request.fileName = fileName_.toStdString();
    request.model = modelSelection();
    request.timeoutSeconds = 60;
    whyNotAction_->setEnabled(false);
    statusBar()->showMessage(tr("Explaining under %1...").arg(selectedModel()));
    whyWatcher_.setFuture(
        QtConcurrent::run(&workerPool(), [request] { return explainRequest(request); }));
}

bool MainWindow::compareWith(const QString& other) {
    if (!other.endsWith(QLatin1String(".cat")) && !solver::builtinModelPath(other.toStdString())) {
        statusBar()->showMessage(tr("No built-in model named %1").arg(other));
        return false;
    }
    CompareRequest request;
    request.text = editor_->toPlainText().toStdString();
    request.fileName = fileName_.toStdString();
    request.models[0] = modelSelection();
    request.names[0] = selectedModel().toStdString();
    if (other.endsWith(QLatin1String(".cat"))) {
        request.models[1].catFile = other.toStdString();
    } else {
        request.models[1].builtin = other.toStdString();
    }
    request.names[1] = other.toStdString();
    request.timeoutSeconds = 60;
    compareDock_->show();
    compareDock_->raise();
    compare_->compare(request);
    return true;
}

void MainWindow::onWhyNotFinished() {
    whyNotAction_->setEnabled(true);
    whyNot_ = whyWatcher_.result();
    std::vector<Diagnostic> mine;
    QStringList lines;
    for (const Diagnostic& d : whyNot_->diagnostics) {
        if (d.file == fileName_.toStdString()) {
            mine.push_back(d);
        } else {
            lines << qs(formatDiagnostic(d));
        }
    }
    editor_->setDiagnostics(mine);
    if (!whyNot_->explanation) {
        lines << (whyNot_->error.empty() ? tr("The test has errors: see the editor")
                                         : qs(whyNot_->error));
        whyText_->setPlainText(lines.join(QLatin1Char('\n')));
    } else {
        whyText_->setPlainText(qs(whyNot_->text));
        const solver::TestExplanation& why = *whyNot_->explanation;
        if (const solver::ExplainedExecution* x = executionToDraw(why)) {
            try {
                std::string title = why.test;
                if (x->violation) {
                    title += ": rejected by " + x->violation->axiom;
                }
                graph_->setFigure(std::make_shared<const ExecutionFigure>(
                                      describeExecution(*whyNot_->model->model, *x)),
                                  title);
            } catch (const std::exception& e) {
                statusBar()->showMessage(tr("Cannot draw the explanation: %1").arg(e.what()));
            }
        }
    }
    whyDock_->show();
    statusBar()->showMessage(tr("Explained"));
    emit whyNotFinished();
}

bool MainWindow::exportFigure(const QString& path, ExportFormat format, QString* error) {
    if (!graph_->layout()) {
        *error = tr("no execution is shown");
        return false;
    }
    return saveLayout(*graph_->layout(), format, path, error);
}

void MainWindow::exportWithDialog() {
    if (!graph_->layout()) {
        statusBar()->showMessage(tr("Nothing to export: run the test and pick an execution"));
        return;
    }
    QStringList filters;
    for (const auto& f : exportFormats()) {
        filters << QStringLiteral("%1 (*.%2)").arg(f.name, f.extension);
    }
    QString chosen;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the figure"), QString(),
                                                      filters.join(QStringLiteral(";;")), &chosen);
    if (path.isEmpty()) {
        return;
    }
    ExportFormat format = formatForFile(path).value_or(ExportFormat::Svg);
    for (const auto& f : exportFormats()) {
        if (chosen.startsWith(f.name + QStringLiteral(" ("))) {
            format = f.format;
        }
    }
    QString error;
    statusBar()->showMessage(exportFigure(path, format, &error) ? tr("Exported %1").arg(path)
                                                                : error);
}

void MainWindow::copyFigure(ExportFormat format) {
    if (!graph_->layout()) {
        statusBar()->showMessage(tr("Nothing to copy: run the test and pick an execution"));
        return;
    }
    try {
        copyLayout(*graph_->layout(), format, *QApplication::clipboard());
        statusBar()->showMessage(tr("Copied the figure as %1").arg(formatInfo(format).name));
    } catch (const render::RenderError& e) {
        statusBar()->showMessage(qs(e.what()));
    }
}

}  // namespace memx::gui
