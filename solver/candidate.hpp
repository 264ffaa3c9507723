// One concrete candidate the solver proposes: which events run, where each read reads from,
// which write is final for each location, and every value, all read from a Z3 model.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace memx::solver {

struct Candidate {
    std::vector<bool> executed;                            // per SymEvent
    std::vector<std::optional<std::uint32_t>> rfSource;    // per SymEvent (reads only)
    std::vector<std::optional<std::uint32_t>> finalWrite;  // per cell (LocationTable)
    std::vector<std::int64_t> values;                      // per SymEvent: value read or written
    std::vector<std::int64_t> addresses;                   // per SymEvent (memory events)
    std::map<int, std::map<std::string, std::int64_t>> registers;  // thread -> final values
};

}  // namespace memx::solver
