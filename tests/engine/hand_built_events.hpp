// Builds small EventStructures by hand, so the solver's encoding and the graph builder can be
// tested without the litmus parser or the event builder.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/events/event_structure.hpp"

namespace memx::testing {

class HandBuiltEvents {
public:
    // Locations get consecutive addresses and an initial write of `initial` (a constant).
    std::uint32_t location(const std::string& name, std::int64_t initial = 0);
    std::uint32_t write(int thread, int poIndex, std::uint32_t location, model::SymId value,
                        model::SymId guard = 1, std::vector<std::string> sets = {"W"});
    std::uint32_t read(int thread, int poIndex, std::uint32_t location, model::SymId guard = 1,
                       std::vector<std::string> sets = {"R"});
    // Accesses whose address is a node (a pointer read from memory, for instance).
    std::uint32_t writeAt(int thread, int poIndex, model::SymId address, model::SymId value,
                          std::vector<std::string> sets = {"W"});
    std::uint32_t readAt(int thread, int poIndex, model::SymId address,
                         std::vector<std::string> sets = {"R"});
    std::uint32_t fence(int thread, int poIndex, std::vector<std::string> sets = {"F"},
                        model::SymId guard = 1);
    // The ReadValue node of read event `e`.
    model::SymId valueOf(std::uint32_t e) const { return es.events.at(e).value; }
    model::SymId op(model::SymOp op, std::vector<model::SymId> operands);
    model::SymId constant(std::int64_t v) { return es.constant(v); }
    model::SymId choice(model::SymId guard);
    std::int64_t address(std::uint32_t location) const;

    model::EventStructure es;
};

// Load buffering with data dependencies both ways: P0 r0 = x; y = r0, P1 r1 = y; x = r1. In
// the candidate where each read takes the other thread's write nothing determines the values
// (herd drops it); the Z3 enumeration, the explicit search and the brute-force checker are
// each tested on it.
struct DataDependencyLoadBuffering {
    HandBuiltEvents b;
    std::uint32_t x = 0, y = 0;    // locations
    std::uint32_t r0 = 0, r1 = 0;  // the reads
};
DataDependencyLoadBuffering loadBufferingWithDataDependencies();

}  // namespace memx::testing
