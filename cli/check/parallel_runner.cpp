#include "cli/check/parallel_runner.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <exception>
#include <vector>

namespace memx::check {

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kUncaughtExceptionStatus = 70;  // EX_SOFTWARE
constexpr int kPollMillis = 50;

struct RunningChild {
    std::size_t job = 0;
    pid_t pid = -1;
    int fd = -1;
    Clock::time_point started;
    std::string payload;
    bool killed = false;
};

void writeAll(int fd, const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return;
        }
        done += static_cast<std::size_t>(n);
    }
}

[[noreturn]] void runChild(int fd, std::size_t job,
                           const std::function<std::string(std::size_t)>& work) {
    int status = 0;
    try {
        writeAll(fd, work(job));
    } catch (const std::exception& e) {
        writeAll(fd, e.what());
        status = kUncaughtExceptionStatus;
    } catch (...) {
        status = kUncaughtExceptionStatus;
    }
    ::close(fd);
    // _exit: no atexit handlers or static destructors of the parent's state run twice.
    ::_exit(status);
}

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

ChildOutcome reap(RunningChild& child) {
    int status = 0;
    while (::waitpid(child.pid, &status, 0) < 0 && errno == EINTR) {
    }
    ChildOutcome outcome;
    outcome.seconds = secondsSince(child.started);
    if (child.killed) {
        outcome.kind = ChildOutcome::Kind::Killed;
    } else if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        outcome.kind = ChildOutcome::Kind::Reported;
        outcome.payload = std::move(child.payload);
    } else if (WIFEXITED(status) && WEXITSTATUS(status) == kUncaughtExceptionStatus) {
        outcome.reason = "uncaught exception: " + child.payload;
    } else if (WIFEXITED(status)) {
        outcome.reason = "exited with status " + std::to_string(WEXITSTATUS(status));
    } else if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        outcome.reason = "killed by signal " + std::to_string(sig) + " (" + strsignal(sig) + ")";
    } else {
        outcome.reason = "ended abnormally";
    }
    return outcome;
}

// Reads what is available; returns false at end of file (the child closed its end).
bool drain(RunningChild& child) {
    char buffer[65536];
    for (;;) {
        ssize_t n = ::read(child.fd, buffer, sizeof buffer);
        if (n > 0) {
            child.payload.append(buffer, static_cast<std::size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR) {
            continue;
        }
        return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
    }
}

}  // namespace

void runInChildren(std::size_t count, const RunnerOptions& options,
                   const std::function<std::string(std::size_t)>& work,
                   const std::function<void(std::size_t, const ChildOutcome&)>& finished) {
    const std::size_t jobs = options.jobs == 0 ? 1 : options.jobs;
    std::vector<RunningChild> running;
    std::size_t next = 0;
    while (next < count || !running.empty()) {
        while (next < count && running.size() < jobs) {
            std::size_t job = next++;
            int fds[2];
            if (::pipe2(fds, O_CLOEXEC) != 0) {
                finished(
                    job,
                    {ChildOutcome::Kind::Crashed, {}, "pipe: " + std::string(strerror(errno)), 0});
                continue;
            }
            pid_t pid = ::fork();
            if (pid == 0) {
                ::close(fds[0]);
                runChild(fds[1], job, work);
            }
            ::close(fds[1]);
            if (pid < 0) {
                ::close(fds[0]);
                finished(
                    job,
                    {ChildOutcome::Kind::Crashed, {}, "fork: " + std::string(strerror(errno)), 0});
                continue;
            }
            ::fcntl(fds[0], F_SETFL, O_NONBLOCK);
            running.push_back({job, pid, fds[0], Clock::now(), {}, false});
        }
        if (running.empty()) {
            continue;
        }
        std::vector<pollfd> polls;
        for (const RunningChild& child : running) {
            polls.push_back({child.fd, POLLIN, 0});
        }
        ::poll(polls.data(), polls.size(), kPollMillis);
        for (std::size_t i = running.size(); i-- > 0;) {
            RunningChild& child = running[i];
            bool open = !(polls[i].revents & (POLLIN | POLLHUP | POLLERR)) || drain(child);
            if (open && options.hardLimitSeconds > 0 &&
                secondsSince(child.started) > options.hardLimitSeconds) {
                ::kill(child.pid, SIGKILL);
                child.killed = true;
                open = false;
            }
            if (!open) {
                ::close(child.fd);
                ChildOutcome outcome = reap(child);
                std::size_t job = child.job;
                running.erase(running.begin() + static_cast<std::ptrdiff_t>(i));
                finished(job, outcome);
            }
        }
    }
}

}  // namespace memx::check
