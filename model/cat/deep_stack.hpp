// Room for deep recursion in cat. herd's library recurses once per element of a set
// (`match s with || {} -> ... || x ++ rest -> f(rest)`), and OCaml runs those tail calls in
// constant stack; memx's evaluator recurses in C++, a few frames per step, so a cross product
// of 100000 coherence orders needs tens of megabytes of stack. Evaluation therefore runs
// on a worker thread with a large stack, and the evaluator checks how much of it is left.
#pragma once

#include <cstddef>
#include <functional>

namespace memx::cat {

// Runs `job` on this thread's deep-stack worker (created on first use, kept for the thread's
// life) and waits for it; an exception `job` throws is rethrown here. Runs `job` inline when
// called from the worker itself or when no worker thread can be created.
void runOnDeepStack(const std::function<void()>& job);

// The lowest address the calling thread's stack may reach, keeping `reserve` bytes unused
// (the stack grows down); null when the stack's extent cannot be read.
const char* stackFloor(std::size_t reserve);

}  // namespace memx::cat
