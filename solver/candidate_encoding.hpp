// The candidate space of one event structure in Z3. Values are 64-bit bit-vectors built from the
// symbolic nodes; each event is executed when its guard is non-zero; each executed read takes its
// value from exactly one write to the same address (an rf choice); each location has exactly one
// final write (an FW choice: an executed write to it, or its initial write when no other write
// to it runs); free Choice nodes are booleans. Only these choices are enumerated, never values.
//
// Final writes follow herd (observed_finals_only): only the locations a test observes (its
// condition, filter and `locations`) get one, so unobserved locations multiply no candidates;
// the cat layer enumerates their coherence orders in full. Any Write-kind event counts (lock
// writes too: herd's lock-final flag relies on it).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include <z3++.h>

#include "model/events/event_structure.hpp"
#include "solver/z3_session.hpp"

namespace memx::solver {

struct RfChoice {
    std::uint32_t write;
    std::uint32_t read;
    z3::expr chosen;
};

struct FinalWriteChoice {
    std::uint32_t location;  // index into EventStructure::locations
    std::uint32_t write;
    z3::expr chosen;
};

class CandidateEncoding {
public:
    // Asserts the well-formedness constraints of every candidate into `session`.
    // `observed[l]` says whether location l gets a final-write choice.
    CandidateEncoding(const model::EventStructure& events, const std::vector<bool>& observed,
                      Z3Session& session);

    const model::EventStructure& events() const { return events_; }
    z3::expr value(model::SymId node);
    z3::expr executed(std::uint32_t event);
    bool isRead(std::uint32_t event) const;
    bool isWrite(std::uint32_t event) const;

    const std::vector<RfChoice>& rfChoices() const { return rf_; }
    const std::vector<FinalWriteChoice>& finalWriteChoices() const { return finalWrites_; }
    const std::map<std::int64_t, z3::expr>& freeChoices() const { return choices_; }

    // The reads whose ReadValue nodes `node` depends on, sorted.
    const std::vector<std::uint32_t>& readDependencies(model::SymId node);

    // True when some cycle of rf and data/address dependencies exists, so that rf alone may
    // not determine every value (herd discards such out-of-thin-air candidates).
    bool valuesMayBeUndetermined() const { return mayBeUndetermined_; }

    static std::optional<std::int64_t> constantValue(const model::EventStructure& es,
                                                     model::SymId node);

private:
    z3::expr translate(model::SymId node);
    z3::expr choiceVar(std::int64_t number);
    void encodeReadsFrom();
    void encodeFinalWrites(const std::vector<bool>& observed);
    void encodeChoiceGuards();
    void addAtMostOne(const z3::expr_vector& vars);
    void encodeAssumptions();
    void encodeSingleCopyAtomicity();  // byte-granular tests only
    bool mayAlias(std::uint32_t a, std::uint32_t b) const;
    bool mayReadFrom(std::uint32_t write, std::uint32_t read) const;
    bool findDependencyCycle();

    const model::EventStructure& events_;
    Z3Session& session_;
    std::vector<std::optional<z3::expr>> nodeExprs_;
    std::vector<std::optional<std::vector<std::uint32_t>>> nodeReads_;
    std::vector<RfChoice> rf_;
    std::vector<FinalWriteChoice> finalWrites_;
    std::map<std::int64_t, z3::expr> choices_;
    bool mayBeUndetermined_ = false;
};

}  // namespace memx::solver
