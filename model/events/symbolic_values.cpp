#include "model/events/symbolic_values.hpp"

#include <limits>

namespace memx::model {

std::int64_t binaryValue(SymOp op, std::int64_t a, std::int64_t b) {
    const auto ua = static_cast<std::uint64_t>(a);
    const auto ub = static_cast<std::uint64_t>(b);
    switch (op) {
        case SymOp::Add:
            return static_cast<std::int64_t>(ua + ub);
        case SymOp::Sub:
            return static_cast<std::int64_t>(ua - ub);
        case SymOp::Mul:
            return static_cast<std::int64_t>(ua * ub);
        case SymOp::Div:
            if (b == 0) {
                return a >= 0 ? -1 : 1;
            }
            if (a == std::numeric_limits<std::int64_t>::min() && b == -1) {
                return a;
            }
            return a / b;
        case SymOp::Mod:
            if (b == 0) {
                return a;
            }
            if (b == -1) {
                return 0;
            }
            return a % b;
        case SymOp::BitAnd:
            return a & b;
        case SymOp::BitOr:
            return a | b;
        case SymOp::BitXor:
            return a ^ b;
        case SymOp::Shl:
            return ub >= 64 ? 0 : static_cast<std::int64_t>(ua << ub);
        case SymOp::Shr:
            return ub >= 64 ? (a < 0 ? -1 : 0) : a >> ub;
        case SymOp::Eq:
            return a == b ? 1 : 0;
        case SymOp::Ne:
            return a != b ? 1 : 0;
        case SymOp::Lt:
            return a < b ? 1 : 0;
        case SymOp::Le:
            return a <= b ? 1 : 0;
        case SymOp::Gt:
            return a > b ? 1 : 0;
        case SymOp::Ge:
            return a >= b ? 1 : 0;
        case SymOp::LogAnd:
            return a != 0 && b != 0 ? 1 : 0;
        case SymOp::LogOr:
            return a != 0 || b != 0 ? 1 : 0;
        default:
            return 0;
    }
}

std::optional<std::int64_t> ConstantFolder::valueOf(SymId id) {
    if (state_.size() < es_.nodes.size()) {
        state_.resize(es_.nodes.size(), State::Unknown);
        value_.resize(es_.nodes.size(), 0);
    }
    if (state_[id] == State::Unknown) {
        const SymNode& n = es_.nodes[id];
        bool known = true;
        std::int64_t v = 0;
        switch (n.op) {
            case SymOp::Const:
                v = n.value;
                break;
            case SymOp::ReadValue:
            case SymOp::Choice:
                known = false;
                break;
            case SymOp::Ite: {
                // Only the branch taken matters: `c ? 1 : r0` is 1 when c is.
                auto c = valueOf(n.operands[0]);
                auto taken = c ? valueOf(n.operands[*c != 0 ? 1 : 2]) : std::nullopt;
                known = taken.has_value();
                v = taken.value_or(0);
                break;
            }
            default: {
                std::vector<std::int64_t> operands;
                for (SymId operand : n.operands) {
                    auto o = valueOf(operand);
                    if (!o) {
                        known = false;
                        break;
                    }
                    operands.push_back(*o);
                }
                if (known) {
                    v = operatorValue(n, [&](std::size_t i) { return operands[i]; });
                }
            }
        }
        state_[id] = known ? State::Constant : State::Variable;
        value_[id] = v;
    }
    if (state_[id] == State::Variable) {
        return std::nullopt;
    }
    return value_[id];
}

}  // namespace memx::model
