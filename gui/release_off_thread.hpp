// Shared results whose last owner frees them on a worker thread. A run keeps thousands of
// executions, each with its graph; freeing the previous run when the next one was shown took
// 50 ms here and 100 ms on CI, on the GUI thread, where it froze the window (issue 8's 100 ms).
#pragma once

#include <QCoreApplication>
#include <memory>
#include <utility>

#include "gui/worker_pool.hpp"

namespace memx::gui {

// A shared_ptr deleter: whoever drops the last reference, the value is destroyed on
// workerPool(). Without an application (at exit, or in a test without one) it is destroyed in
// place.
template <class T>
struct ReleaseOffThread {
    void operator()(T* p) const {
        if (QCoreApplication::instance() != nullptr) {
            workerPool().start([p] { delete p; });
        } else {
            delete p;
        }
    }
};

template <class T>
std::shared_ptr<T> makeReleasedOffThread(T value = T()) {
    return std::shared_ptr<T>(new T(std::move(value)), ReleaseOffThread<T>());
}

}  // namespace memx::gui
