// Runs jobs in forked children, at most `jobs` at a time, so that a crash, a memory blow-up or
// a runaway solver call of one test cannot take the others down. Each child computes one text
// payload, writes it to a pipe and _exit()s; the parent stays single-threaded, polls the
// pipes, and SIGKILLs a child that outlives its hard time limit.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace memx::check {

struct ChildOutcome {
    enum class Kind {
        Reported,  // exited normally after writing its payload
        Killed,    // the parent killed it at the hard time limit
        Crashed,   // died of a signal, exited non-zero, or could not be started
    };
    Kind kind = Kind::Crashed;
    std::string payload;  // what the child wrote (complete only when Reported)
    std::string reason;   // for Crashed: "killed by signal 11 (Segmentation fault)", ...
    double seconds = 0;   // wall time from fork to exit
};

struct RunnerOptions {
    std::size_t jobs = 1;
    double hardLimitSeconds = 0;  // 0: no limit
};

// Calls work(i) in a child for every i < count, and finished(i, outcome) in the parent as each
// child ends, in the order they end. An exception escaping `work` makes the child exit with
// status 70 (Crashed, its message in `reason`).
void runInChildren(std::size_t count, const RunnerOptions& options,
                   const std::function<std::string(std::size_t)>& work,
                   const std::function<void(std::size_t, const ChildOutcome&)>& finished);

}  // namespace memx::check
