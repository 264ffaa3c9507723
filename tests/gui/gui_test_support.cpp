#include "gui_test_support.hpp"

#include <QElapsedTimer>
#include <QFile>
#include <QGraphicsItem>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>

#include "gui/graph_panel.hpp"
#include "gui/main_window.hpp"
#include "gui/run_controller.hpp"

namespace memx::gui::testing {

QString libraryTest(const QString& relative) {
    return QStringLiteral(MEMX_SOURCE_DIR "/litmus/library/") + relative;
}

QString readFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(f.readAll());
}

bool waitForRun(MainWindow& window, int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    while (window.runner()->running()) {
        if (clock.elapsed() > timeoutMs) {
            return false;
        }
        QTest::qWait(5);
    }
    QCoreApplication::processEvents();
    return waitForFigure(*window.graph(), std::max<int>(1000, timeoutMs - int(clock.elapsed())));
}

bool waitForFigure(GraphPanel& graph, int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    while (graph.layoutPending()) {
        if (clock.elapsed() > timeoutMs) {
            return false;
        }
        QTest::qWait(2);
    }
    return true;
}

int countItems(const QGraphicsScene& scene, int type) {
    int n = 0;
    for (const QGraphicsItem* item : scene.items()) {
        n += item->type() == type ? 1 : 0;
    }
    return n;
}

QString endlessTest(int locations, int readers) {
    QStringList params;
    for (int l = 0; l < locations; ++l) {
        params << QStringLiteral("int *x%1").arg(l);
    }
    const QString header = params.join(QStringLiteral(", "));
    QString text = QStringLiteral("C endless\n\n{}\n\nP0(%1)\n{\n").arg(header);
    for (int l = 0; l < locations; ++l) {
        text += QStringLiteral("\tWRITE_ONCE(*x%1, 1);\n").arg(l);
    }
    text += QStringLiteral("}\n");
    for (int t = 1; t <= readers; ++t) {
        text += QStringLiteral("\nP%1(%2)\n{\n").arg(t).arg(header);
        for (int l = 0; l < locations; ++l) {
            text += QStringLiteral("\tint r%1;\n").arg(l);
        }
        for (int l = 0; l < locations; ++l) {
            text += QStringLiteral("\tr%1 = READ_ONCE(*x%1);\n").arg(l);
        }
        text += QStringLiteral("}\n");
    }
    text += QStringLiteral("\nexists (1:r0=1)\n");
    return text;
}

}  // namespace memx::gui::testing
