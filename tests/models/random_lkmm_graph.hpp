// Random but well-formed Linux-kernel-model executions for the differential test: 2-4
// threads of reads, writes, fences and RMWs with random kernel tags, each read given one
// same-location write with the same value, random dependencies out of reads, and now and
// then spinlock, RCU and SRCU events. Coherence is left open: the models choose it.
#pragma once

#include <cstdint>
#include <string>

#include "model/execution_graph.hpp"

namespace memx::models_test {

// A small deterministic generator (xorshift64*), so a seed names the same graph on every
// standard library.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : s_(seed * 2654435761u + 0x9E3779B97F4A7C15ull) {}
    std::uint64_t next();
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    bool chance(int percent) { return below(100) < percent; }

private:
    std::uint64_t s_;
};

model::ExecutionGraph randomLkmmGraph(Rng& rng);

// Events with their labels and every non-empty base relation and special set, for a
// mismatch report.
std::string describeGraph(const model::ExecutionGraph& g);

}  // namespace memx::models_test
