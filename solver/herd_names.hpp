// herd7's name for a value a dependency cycle leaves open (`S<n>` in its States), found the way
// herd finds it rather than guessed (docs/oota.md, "Where the number n comes from").
//
// herd solves a candidate in two rounds (herd/mem.ml): first the registers (each register read
// equals the last write of that register before it), then memory (each read equals the write
// it reads from). Each round starts by merging the variables that equations `x := y` relate,
// with a union-find by rank (herd/partition.ml), and then writes every variable that is not a
// class's representative as its *parent* in that union-find. A value is printed as the variable
// it has become after both rounds. Which variable survives depends on the order of the
// equations and on the ranks, so it is not simply the highest or lowest number of the class.
//
// This follows herd exactly where the event builder recorded herd's register events and the
// shape of its code (EventStructure::herdRegistersExact: no loop, no C11 RMW); elsewhere it
// gives nothing and HerdValueSolver keeps its approximation.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/events/event_structure.hpp"
#include "solver/candidate.hpp"

namespace memx::solver {

// Keyed by the event builder's numbers (EventStructure::herdVariables), which are herd's
// only along the first side of every fork.
struct HerdNames {
    // The builder's variable -> the variable herd prints for it after solving this candidate.
    std::map<std::uint32_t, std::uint32_t> printed;
    // Per thread and register: the builder's variable of the value its last write stored
    // (herd's final state reads that write).
    std::map<int, std::map<std::string, std::uint32_t>> finalRegisterVariables;

    // What herd prints for the builder's variable, or for a register's final value; 0 where
    // this candidate does not say.
    std::uint32_t nameOf(std::uint32_t variable) const {
        auto it = printed.find(variable);
        return it == printed.end() ? 0 : it->second;
    }
    std::uint32_t finalNameOf(int thread, const std::string& reg) const {
        auto t = finalRegisterVariables.find(thread);
        if (t == finalRegisterVariables.end()) {
            return 0;
        }
        auto r = t->second.find(reg);
        return r == t->second.end() || r->second == 0 ? 0 : nameOf(r->second);
    }
};

// A node's value in the candidate (a branch condition's truth), or nullopt if not known.
using HerdTruth = std::function<std::optional<std::int64_t>(model::SymId)>;

// The names of `candidate` (its executed events, rf, and through `truth` the side it takes at
// each fork), or nullopt where the event builder did not follow herd's numbering exactly.
std::optional<HerdNames> herdNames(const model::EventStructure& events, const Candidate& candidate,
                                   const HerdTruth& truth);

}  // namespace memx::solver
