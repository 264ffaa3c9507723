// A built-in flag's necessary condition (solver/builtin_flags.hpp) on one event structure: the
// event pairs (or access groups) that could meet it, found without the solver, and their
// disjunction as a Z3 restriction of the candidate space. No possible pair proves the flag
// absent; otherwise a search restricted to candidates meeting the condition finds an allowed
// execution raising the flag or proves there is none.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include <z3++.h>

#include "model/events/event_structure.hpp"
#include "solver/builtin_flags.hpp"
#include "solver/candidate_encoding.hpp"

namespace memx::solver {

class FlagNeedAnalysis {
public:
    FlagNeedAnalysis(const FlagCondition& flag, const model::EventStructure& events);

    // False when no candidate can meet the condition: the flag is absent from every execution.
    bool possible() const;
    // False for FlagNeed::EventOfSets: possible, but the condition is not worth a search.
    bool searchable() const { return flag_.need != FlagNeed::EventOfSets; }
    // The condition on one candidate (searchable() and possible() only).
    z3::expr encode(CandidateEncoding& encoding) const;

private:
    using EventPair = std::pair<std::uint32_t, std::uint32_t>;
    // Accesses of one byte from events a and b, where their addresses may be equal.
    void findAccessPairs(bool sameThread);
    void findTearingGroups();
    bool mayShareByte(std::uint32_t a, std::uint32_t b) const;

    const FlagCondition& flag_;
    const model::EventStructure& events_;
    std::vector<std::optional<std::int64_t>> constantAddress_;
    std::vector<EventPair> accessPairs_;    // races, mixed accesses
    std::vector<EventPair> tearingGroups_;  // (read group, write group)
    bool eventOfSetsExists_ = false;
};

}  // namespace memx::solver
