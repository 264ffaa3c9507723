#include "gui/worker_pool.hpp"

#include <QThread>
#include <algorithm>

namespace memx::gui {

namespace {

// One solve, one layout, one explanation or comparison and one release can be under way at
// once; none of them should wait for another to start.
constexpr int kMinThreads = 4;

struct WorkerPool : QThreadPool {
    WorkerPool() { setMaxThreadCount(std::max(kMinThreads, QThread::idealThreadCount())); }
};

}  // namespace

QThreadPool& workerPool() {
    // Destroyed at exit, after the application; its destructor waits for the tasks left.
    static WorkerPool pool;
    return pool;
}

}  // namespace memx::gui
