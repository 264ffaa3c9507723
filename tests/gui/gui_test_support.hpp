// Helpers shared by the GUI test suites: paths, waiting for a run, counting scene items, and a
// generated test whose candidates never run out (for Cancel).
#pragma once

#include <QGraphicsScene>
#include <QString>

namespace memx::gui {
class GraphPanel;
class MainWindow;
}  // namespace memx::gui

namespace memx::gui::testing {

QString libraryTest(const QString& relative);  // <source>/litmus/library/<relative>
QString readFile(const QString& path);

// Waits (processing events) until the window's run finishes and its graph shows the first
// execution's layout (computed off the GUI thread); false after `timeoutMs`.
bool waitForRun(MainWindow& window, int timeoutMs);

// Waits until `graph` shows the layout of its latest figure and relation choice.
bool waitForFigure(GraphPanel& graph, int timeoutMs = 10000);

// Items of QGraphicsItem type `type` (EventItem::Type, EdgeItem::Type) in `scene`.
int countItems(const QGraphicsScene& scene, int type);

// One writer of `locations` locations and `readers` threads reading each: every read has two
// possible sources, so 2^(locations*readers) candidates, far more than any run can enumerate.
QString endlessTest(int locations, int readers);

}  // namespace memx::gui::testing
