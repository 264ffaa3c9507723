// Turns one candidate into the execution graph the cat layer checks: executed events only
// (initial writes first), herd's base sets and base relations under herd's conventions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/events/event_structure.hpp"
#include "model/execution_graph.hpp"
#include "solver/candidate.hpp"

namespace memx::solver {

struct BuiltGraph {
    model::ExecutionGraph graph;
    std::vector<std::uint32_t> symEvent;  // graph event index -> SymEvent index
};

BuiltGraph buildExecutionGraph(const model::EventStructure& events, const Candidate& candidate);

// The symbolic name of an address: "x", or "x+8" inside a location; empty when it is none. In a
// byte-granular test a byte is named as the language writes it: "buf[5]" in an array of bytes,
// "x+4 bytes" inside a wider scalar or element (never "x+4", which would be element 4), and the
// bare name only for a one-byte location.
std::string locationName(const model::LocationTable& table, std::int64_t address);

}  // namespace memx::solver
