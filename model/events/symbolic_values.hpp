// The meaning of the symbolic operators (event_structure.hpp's SymOp) on known values: 64-bit
// two's-complement, as the Z3 encoding defines them (solver/candidate_encoding.cpp). The
// explicit enumerator computes values with it, and the event builder folds loop conditions
// whose operands are all constants, so the two can never disagree.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "model/events/event_structure.hpp"

namespace memx::model {

// Wrapping arithmetic, SMT-LIB's bvsdiv/bvsrem (division by zero included), shifts by 64 or
// more bits giving 0 (left) or the sign (arithmetic right); comparisons and LogAnd/LogOr give
// 0 or 1.
std::int64_t binaryValue(SymOp op, std::int64_t a, std::int64_t b);

// An operator node's value from its operands' values (`operand(i)`); Ite asks only for the
// branch it takes.
template <typename Operand>
std::int64_t operatorValue(const SymNode& n, const Operand& operand) {
    switch (n.op) {
        case SymOp::Not:
            return operand(0) == 0 ? 1 : 0;
        case SymOp::Neg:
            return static_cast<std::int64_t>(0 - static_cast<std::uint64_t>(operand(0)));
        case SymOp::BitNot:
            return ~operand(0);
        case SymOp::Ite:
            return operand(0) != 0 ? operand(1) : operand(2);
        default:
            return binaryValue(n.op, operand(0), operand(1));
    }
}

// The value of node `id` when it is a Const node.
inline std::optional<std::int64_t> literalValue(const EventStructure& es, SymId id) {
    if (id < es.nodes.size() && es.nodes[id].op == SymOp::Const) {
        return es.nodes[id].value;
    }
    return std::nullopt;
}

// The value of node `id` when it depends on no read and no choice, else nullopt. `cache`
// remembers every node asked about (nodes never change once added), so a chain of loop
// iterations costs one step each.
class ConstantFolder {
public:
    explicit ConstantFolder(const EventStructure& es) : es_(es) {}
    std::optional<std::int64_t> valueOf(SymId id);

private:
    const EventStructure& es_;
    enum class State : std::uint8_t { Unknown, Constant, Variable };
    std::vector<State> state_;
    std::vector<std::int64_t> value_;
};

}  // namespace memx::model
