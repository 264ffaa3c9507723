// The threads memx-gui's own background work runs on: solving, laying out figures, explaining,
// comparing and freeing results.
//
// Not Qt's global pool: Qt's raster paint engine splits a large fill across the global pool's
// threads, and the GUI thread waits (on a QSemaphore) until every part is done. With a solve
// on one of the two threads of a 2-core machine and a result being freed on the other, a
// scroll bar's repaint waited 60-170 ms for them (measured with perf on the responsiveness
// test), and the window froze for that long.
#pragma once

#include <QThreadPool>

namespace memx::gui {

QThreadPool& workerPool();

}  // namespace memx::gui
