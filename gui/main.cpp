// memx-gui [FILE] [--model NAME] [--loops herd|await] [--run] [--screenshot PNG]
//          [--memory-limit MiB]
//
// Opens FILE in the editor; --model chooses lkmm, sc, rc11 or a .cat file; --loops how loops
// are read (as `memx run --loops`, and the toolbar's "loops" box); --run runs the test
// at once and shows its first execution. --screenshot saves the window as a PNG once the window
// has settled (after the run, with --run) and quits: the README's picture and its test.
#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTimer>
#include <cstdio>
#include <functional>

#include "gui/graph_panel.hpp"
#include "gui/main_window.hpp"
#include "solver/memory_limit.hpp"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("memx"));
    QApplication::setApplicationName(QStringLiteral("memx-gui"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("memx desktop explorer: edit, run and draw litmus tests"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("litmus test to open"));
    QCommandLineOption model(QStringLiteral("model"),
                             QStringLiteral("lkmm, sc, rc11, or the path of a .cat file"),
                             QStringLiteral("NAME"));
    QCommandLineOption loops(
        QStringLiteral("loops"),
        QStringLiteral("herd: loops as herd7 unrolls them; await: spin-waits read as waits, and "
                       "a thread that can wait forever is listed as a blocked execution"),
        QStringLiteral("herd|await"));
    QCommandLineOption runNow(QStringLiteral("run"),
                              QStringLiteral("run FILE at once and show its first execution"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QStringLiteral("save the window as PNG and quit"),
                                  QStringLiteral("PNG"));
    const QString defaultLimit = QString::number(memx::solver::defaultMemoryLimitMiB());
    QCommandLineOption memoryLimit(
        QStringLiteral("memory-limit"),
        QStringLiteral("stop a run with no verdict once it needs this many MiB (default: half of "
                       "physical memory, here %1)")
            .arg(defaultLimit),
        QStringLiteral("MiB"), defaultLimit);
    parser.addOptions({model, loops, runNow, screenshot, memoryLimit});
    parser.process(app);
    bool limitOk = false;
    const qulonglong limit = parser.value(memoryLimit).toULongLong(&limitOk);
    if (!limitOk || limit < 16) {
        std::fprintf(stderr,
                     "memx-gui: error: --memory-limit takes a number of MiB, at least 16\n");
        return 2;
    }
    memx::solver::applyMemoryLimit(limit);

    QSettings settings;
    memx::gui::MainWindow window(settings);
    if (parser.isSet(model) && !window.selectModel(parser.value(model))) {
        std::fprintf(stderr, "memx-gui: error: unknown model '%s'\n",
                     qPrintable(parser.value(model)));
        return 2;
    }
    if (parser.isSet(loops)) {
        const QString reading = parser.value(loops);
        if (reading != QLatin1String("herd") && reading != QLatin1String("await")) {
            std::fprintf(stderr, "memx-gui: error: --loops takes herd or await, not '%s'\n",
                         qPrintable(reading));
            return 2;
        }
        window.setLoopsAwait(reading == QLatin1String("await"));
    }
    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty() && !window.openFile(files.front())) {
        std::fprintf(stderr, "memx-gui: error: cannot open '%s'\n", qPrintable(files.front()));
        return 2;
    }
    if (!settings.contains(QStringLiteral("geometry"))) {
        window.resize(1280, 800);
    }
    window.show();

    int status = 0;
    // Once the figure's layout (computed off the GUI thread) is on screen.
    std::function<void()> takeScreenshot = [&] {
        QTimer::singleShot(300, &window, [&] {
            if (window.graph()->layoutPending()) {
                takeScreenshot();
                return;
            }
            const QString path = parser.value(screenshot);
            if (!window.grab().save(path, "PNG")) {
                std::fprintf(stderr, "memx-gui: error: cannot write '%s'\n", qPrintable(path));
                status = 1;
            }
            app.exit(status);
        });
    };
    if (parser.isSet(runNow) && !files.isEmpty()) {
        if (parser.isSet(screenshot)) {
            QObject::connect(&window, &memx::gui::MainWindow::runFinished, &window, takeScreenshot);
        }
        QTimer::singleShot(0, &window, &memx::gui::MainWindow::run);
    } else if (parser.isSet(screenshot)) {
        takeScreenshot();
    }
    const int code = app.exec();
    return status != 0 ? status : code;
}
