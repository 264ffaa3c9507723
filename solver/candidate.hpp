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
    // Values a dependency cycle leaves open (docs/oota.md), as herd's variable number n of its
    // `S<n>`: per SymEvent (empty, or 0, where the value is `values`' concrete one), and per
    // final register. `values` holds 0 there.
    std::vector<std::uint32_t> symbolic;
    std::map<int, std::map<std::string, std::uint32_t>> symbolicRegisters;
    std::uint32_t symbolicOf(std::uint32_t event) const {
        return event < symbolic.size() ? symbolic[event] : 0;
    }
};

}  // namespace memx::solver
