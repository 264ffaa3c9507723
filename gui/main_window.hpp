// The memx-gui main window: the litmus editor (checked as you type), the model selector, Run
// and Cancel with a progress indication, the results panel and the graph view, Export, the
// Examples menu, recent files, and settings kept with QSettings. The window wires the panels
// together; each panel owns its own concern.
#pragma once

#include <QFutureWatcher>
#include <QMainWindow>
#include <QString>
#include <memory>

#include "gui/figure_export.hpp"
#include "gui/why_not.hpp"
#include "solver/test_pipeline.hpp"

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QDockWidget;
class QProgressBar;
class QDoubleSpinBox;
class QSettings;
class QSplitter;
class QTimer;

namespace memx::gui {

class ComparePanel;
class GraphPanel;
class LitmusEditor;
class ResultsPanel;
class RunController;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `settings` (not owned) persists geometry, model, relation toggles and recent files.
    explicit MainWindow(QSettings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    bool openFile(const QString& path);  // errors go to the status bar, never a dialog storm
    void setTestText(const QString& text,
                     const QString& fileName = QStringLiteral("untitled.litmus"));
    // "lkmm", "sc", "rc11", or the path of a .cat file. False when unknown.
    bool selectModel(const QString& model);
    QString selectedModel() const;
    // Seconds after which a run stops with "time limit reached" (0: none).
    void setTimeLimit(double seconds);
    // Byte-granular tests only (docs/byte-memory.md): byte order and the user-copy reading.
    void setBigEndian(bool big);
    void setUserCopyPlain(bool plain);
    // How loops are read (docs/loops.md): as herd7 unrolls them (--loops herd, the default), or
    // spin-waits as waits (--loops await), whose runs look for a thread that waits forever.
    void setLoopsAwait(bool await);
    // Whether a run checks every execution however many (memx run --search exhaustive) or,
    // past the budget, only decides the verdict (--search auto, the default).
    void setEveryExecution(bool every);

    void checkNow();  // the as-you-type check, without waiting for the debounce
    bool exportFigure(const QString& path, ExportFormat format, QString* error);

    LitmusEditor* editor() const { return editor_; }
    ResultsPanel* results() const { return results_; }
    GraphPanel* graph() const { return graph_; }
    RunController* runner() const { return runner_; }
    std::shared_ptr<const solver::TestRun> lastRun() const { return run_; }
    QString fileName() const { return fileName_; }
    std::shared_ptr<const WhyNotResult> whyNotResult() const { return whyNot_; }
    bool explaining() const { return whyWatcher_.isRunning(); }
    ComparePanel* comparePanel() const { return compare_; }

public slots:
    void run();
    void cancel();
    // Explains the condition's outcome as `memx explain` does and draws the rejected execution
    // with its violated axiom's cycle highlighted.
    void whyNot();
    // Runs the test under the selected model and `other` and shows, side by side, the final
    // states one allows and the other forbids (as `memx compare`). False for an unknown model.
    bool compareWith(const QString& other);

signals:
    void runFinished();
    void whyNotFinished();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void saveSplitters();
    void buildMenus();
    void buildToolBar();
    void restoreSettings();
    void saveSettings();
    void addRecentFile(const QString& path);
    void rebuildRecentMenu();
    void onRunStarted();
    void onRunFinished();
    void onExecutionSelected(int index);
    // A rejected execution (numbered from 0 among them), titled with its failing axiom.
    void showForbiddenExecution(const solver::ForbiddenExecution& execution, int number);
    // The execution in which threads wait forever (TestOutcome::blocked).
    void showBlockedExecution();
    void onModelChosen(int index);
    void exportWithDialog();
    void copyFigure(ExportFormat format);
    void saveFile();
    void onWhyNotFinished();
    solver::ModelSelection modelSelection() const;
    const solver::LoadedModel* modelForChecks();

    QSettings& settings_;
    LitmusEditor* editor_;
    ResultsPanel* results_;
    GraphPanel* graph_;
    // The editor beside the results and the graph, and the results above the graph: their
    // positions are kept in the settings ("splitters/main", "splitters/right").
    QSplitter* mainSplit_ = nullptr;
    QSplitter* rightSplit_ = nullptr;
    RunController* runner_;
    QComboBox* modelCombo_ = nullptr;
    QDoubleSpinBox* timeLimit_ = nullptr;
    QComboBox* endian_ = nullptr;
    QComboBox* userCopy_ = nullptr;
    QComboBox* loops_ = nullptr;
    QComboBox* search_ = nullptr;
    QAction* runAction_ = nullptr;
    QAction* cancelAction_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QAction* progressItem_ = nullptr;  // the progress bar's place in the toolbar
    QLabel* elapsed_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QTimer* checkTimer_;
    QTimer* progressTimer_;
    QString fileName_ = QStringLiteral("untitled.litmus");
    QString filePath_;  // empty for a test not saved to disk
    std::shared_ptr<const solver::TestRun> run_;
    std::shared_ptr<const solver::LoadedModel> runModel_;  // the model run_ was judged under
    std::shared_ptr<const solver::LoadedModel> checkModel_;
    QString checkModelKey_;
    int lastModelIndex_ = 0;
    QAction* whyNotAction_ = nullptr;
    QDockWidget* whyDock_ = nullptr;
    QPlainTextEdit* whyText_ = nullptr;
    ComparePanel* compare_ = nullptr;
    QDockWidget* compareDock_ = nullptr;
    QComboBox* compareCombo_ = nullptr;
    QFutureWatcher<std::shared_ptr<const WhyNotResult>> whyWatcher_;
    std::shared_ptr<const WhyNotResult> whyNot_;
};

}  // namespace memx::gui
