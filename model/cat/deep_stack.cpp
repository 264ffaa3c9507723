#include "model/cat/deep_stack.hpp"

#include <pthread.h>
#include <unistd.h>

#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>

namespace memx::cat {

namespace {

// Address space only: the pages a run does not touch are never committed.
constexpr std::size_t kDeepStackBytes = std::size_t{1} << 28;

thread_local bool onDeepStack = false;

const char* readStackFloor(std::size_t reserve) {
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) != 0)
        return nullptr;
    void* low = nullptr;
    std::size_t size = 0;
    const bool known = pthread_attr_getstack(&attr, &low, &size) == 0;
    pthread_attr_destroy(&attr);
    if (!known || size <= reserve)
        return nullptr;
    return static_cast<const char*>(low) + reserve;
}

class DeepStackWorker {
public:
    DeepStackWorker() {
        pthread_attr_t attr;
        if (pthread_attr_init(&attr) != 0)
            return;
        started_ = pthread_attr_setstacksize(&attr, kDeepStackBytes) == 0 &&
                   pthread_create(&thread_, &attr, &DeepStackWorker::entry, this) == 0;
        pthread_attr_destroy(&attr);
    }
    ~DeepStackWorker() {
        if (!started_)
            return;
        {
            std::lock_guard lock(mutex_);
            quit_ = true;
        }
        wake_.notify_all();
        pthread_join(thread_, nullptr);
    }
    DeepStackWorker(const DeepStackWorker&) = delete;
    DeepStackWorker& operator=(const DeepStackWorker&) = delete;

    bool started() const { return started_; }

    void run(const std::function<void()>& job) {
        std::unique_lock lock(mutex_);
        job_ = &job;
        done_ = false;
        error_ = nullptr;
        wake_.notify_all();
        wake_.wait(lock, [&] { return done_; });
        if (error_)
            std::rethrow_exception(error_);
    }

private:
    static void* entry(void* self) {
        onDeepStack = true;
        static_cast<DeepStackWorker*>(self)->loop();
        return nullptr;
    }

    void loop() {
        std::unique_lock lock(mutex_);
        for (;;) {
            wake_.wait(lock, [&] { return job_ != nullptr || quit_; });
            if (!job_)
                return;
            const std::function<void()>* job = job_;
            job_ = nullptr;
            lock.unlock();
            std::exception_ptr error;
            try {
                (*job)();
            } catch (...) {
                error = std::current_exception();
            }
            lock.lock();
            error_ = error;
            done_ = true;
            wake_.notify_all();
        }
    }

    pthread_t thread_{};
    bool started_ = false;
    std::mutex mutex_;
    std::condition_variable wake_;
    const std::function<void()>* job_ = nullptr;
    bool done_ = false;
    bool quit_ = false;
    std::exception_ptr error_;
};

}  // namespace

void runOnDeepStack(const std::function<void()>& job) {
    if (onDeepStack) {
        job();
        return;
    }
    // A child made by fork() (memx check runs each test in one) inherits this object but
    // not its thread: it gets a worker of its own, and the parent's copy is left alone.
    thread_local std::unique_ptr<DeepStackWorker> worker;
    thread_local pid_t owner = 0;
    if (!worker || owner != ::getpid()) {
        (void)worker.release();
        worker = std::make_unique<DeepStackWorker>();
        owner = ::getpid();
    }
    if (!worker->started()) {
        job();
        return;
    }
    worker->run(job);
}

const char* stackFloor(std::size_t reserve) {
    // A thread's stack never moves (a child of fork() keeps its thread's stack where it
    // was), and reading its extent costs system calls (pthread_getattr_np asks for the
    // thread's CPU affinity too), once per evaluation before: read it once per thread.
    thread_local bool cached = false;
    thread_local std::size_t cachedReserve = 0;
    thread_local const char* cachedFloor = nullptr;
    if (!cached || cachedReserve != reserve) {
        cachedFloor = readStackFloor(reserve);
        cachedReserve = reserve;
        cached = true;
    }
    return cachedFloor;
}

}  // namespace memx::cat
