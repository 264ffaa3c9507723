// Concrete evaluation of an EventStructure's SymNode DAG when only some read values and free
// choices are known: the brute-force checker's own arithmetic, with no solver behind it.
//
// A node's result is known when its operands fix it whatever the unknown reads hold: the usual
// case (every input known) and a few absorbing rules that hold for every 64-bit value (x*0,
// x&0, x|-1, x^x, x-x, x==x, a decided Ite, a short-circuited && or ||). Rules are sound, never
// complete: a value this leaves unknown may still be unique. Arithmetic is 64-bit two's
// complement as the engine specifies it (docs/engine.md): comparisons signed, `/` and `%`
// truncate, `>>` is arithmetic; division by zero and over-wide shifts follow SMT-LIB's total
// bit-vector semantics, so even an input no C test should produce gets the engine's answer.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "model/events/event_structure.hpp"

namespace memx::bruteforce {

class PartialEvaluator {
public:
    explicit PartialEvaluator(const model::EventStructure& events);

    // The inputs: each read event's value and each free choice, nullopt while unknown.
    // Setting an input forgets every cached result.
    void setReadValue(std::uint32_t read, std::optional<std::int64_t> value);
    void forgetReadValues();
    const std::vector<std::optional<std::int64_t>>& readValues() const { return reads_; }
    void restoreReadValues(std::vector<std::optional<std::int64_t>> values);
    void setChoice(std::uint32_t choice, std::optional<bool> value);
    std::optional<std::int64_t> readValue(std::uint32_t read) const { return reads_.at(read); }
    std::optional<bool> choice(std::uint32_t k) const { return choices_.at(k); }

    std::optional<std::int64_t> value(model::SymId node);

    // A node whose value is fixed from outside (the side taken at a branch, which herd7 forks
    // on): value() gives it, whatever its operands; computed() still computes it from them.
    void setForced(model::SymId node, std::optional<std::int64_t> value);
    void clearForced();
    std::optional<std::int64_t> computed(model::SymId node);

    // herd7's own algebra on unknown values, for a candidate whose unknown reads are the ones a
    // dependency cycle leaves open (herd's variables): of the rules above, only those herd's
    // operators have (`x ^ x`, `x == x`, `x != x`) and the guards' short circuits, which are
    // memx's paths, not herd's operators. herd computes `x * 0` or `x & 0` on a variable as an
    // equation it cannot solve (lib/symbValue.ml raises Undetermined).
    void setHerdAlgebra(bool on);

private:
    std::optional<std::int64_t> compute(model::SymId node);

    const model::EventStructure& events_;
    std::vector<std::optional<std::int64_t>> reads_;   // per event
    std::vector<std::optional<bool>> choices_;         // per choice number
    std::vector<std::optional<std::int64_t>> forced_;  // per node
    std::vector<std::optional<std::int64_t>> cache_;   // per node
    bool herdAlgebra_ = false;
    // cache_[n] is valid when cachedAt_[n] == generation_; changing an input bumps generation_.
    std::vector<std::uint64_t> cachedAt_;  // per node
    std::uint64_t generation_ = 1;
};

// The SMT-LIB bit-vector operations the engine's values use, on two's-complement int64.
std::int64_t signedDivide(std::int64_t a, std::int64_t b);          // bvsdiv
std::int64_t signedRemainder(std::int64_t a, std::int64_t b);       // bvsrem
std::int64_t shiftLeft(std::int64_t a, std::int64_t b);             // bvshl
std::int64_t shiftRightArithmetic(std::int64_t a, std::int64_t b);  // bvashr

}  // namespace memx::bruteforce
