// The values of one candidate as herd7 computes them (docs/oota.md): by propagating known values
// along rf and the operators, and by identifying a read with a write that only copies another
// read's value. A dependency cycle of copies (LB with data dependencies) leaves a class of reads
// open: herd keeps such a candidate and prints the class as one symbolic value (`0:r1=S8;`). A
// cycle through any other operator (`r + 1`, `r * 2`, a branch on r) leaves an equation
// unsolved: herd drops that candidate.
//
// Both enumerators (and, independently written, the brute-force checker) use this rule on every
// candidate of a test whose data flow has a cycle; elsewhere rf determines every value anyway.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "model/events/event_structure.hpp"
#include "solver/candidate.hpp"

namespace memx::solver {

enum class HerdSolution : std::uint8_t {
    Solved,         // every equation solved: values known, or open classes of copies
    Unsolved,       // an equation is left (herd's when_unsolved): herd drops the candidate
    Contradiction,  // the choices admit no values at all: not a candidate
};

// What one candidate chose, as the solver needs it: `candidate.executed` and
// `candidate.rfSource`, the free choices' values, and, per EventStructure::branches entry,
// the side taken (ignored where the branch is not reached).
struct HerdChoices {
    const Candidate& candidate;
    const std::vector<std::int64_t>& choiceValues;
    const std::vector<bool>& branchTaken;
};

class HerdValueSolver {
public:
    explicit HerdValueSolver(const model::EventStructure& events);

    HerdSolution solve(const HerdChoices& choices);

    // After Solved: sets `candidate.values` (0 where open), `symbolic`, `registers` and
    // `symbolicRegisters`, naming each open value as herd does (herd_names.hpp), or, where
    // that does not apply, by an approximation (nameOf).
    void fill(Candidate& candidate);

private:
    struct Term {
        enum class Kind : std::uint8_t { Known, Open, Stuck } kind = Kind::Stuck;
        std::int64_t value = 0;  // Known
        std::uint32_t root = 0;  // Open: the class's root read
    };
    Term eval(model::SymId id);
    Term evalOperator(model::SymId id);
    std::uint32_t find(std::uint32_t read);
    bool unite(std::uint32_t a, std::uint32_t b);  // false on a contradiction
    bool setValue(std::uint32_t root, std::int64_t value);
    bool readFree(model::SymId id);
    std::uint32_t nameOf(std::uint32_t root);

    const model::EventStructure& es_;
    const HerdChoices* choices_ = nullptr;
    std::vector<std::uint32_t> parent_;                    // per event (reads only)
    std::vector<std::optional<std::int64_t>> classValue_;  // per root
    std::vector<std::optional<bool>> forced_;              // per node: a reached branch's side
    std::vector<Term> memo_;
    std::vector<std::uint32_t> memoStamp_;
    std::uint32_t stamp_ = 1;
    std::vector<std::int8_t> readFree_;      // per node: -1 unknown, 0 depends on a read, 1 not
    std::vector<std::uint32_t> herdNumber_;  // per event: herd's variable for a read's value
};

// herd7's number for the variable of each read's value (`S<n>` in its States), per event; 0 for
// events that are not reads. herd numbers the variables as its instruction semantics creates
// them (one per register read and per memory read, one per operator on unknown operands), thread
// after thread; memx has no register events, so the number comes from the event builder's count
// (EventStructure::herdVariables). See docs/oota.md for where it is exact.
std::vector<std::uint32_t> herdVariableNumbers(const model::EventStructure& events);

}  // namespace memx::solver
