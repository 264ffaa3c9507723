#include "tests/bruteforce/partial_evaluator.hpp"

namespace memx::bruteforce {

namespace {

using Unsigned = std::uint64_t;

Unsigned bits(std::int64_t v) {
    return static_cast<Unsigned>(v);
}

std::int64_t fromBits(Unsigned u) {
    return static_cast<std::int64_t>(u);
}

Unsigned magnitude(std::int64_t v) {
    return v < 0 ? Unsigned{0} - bits(v) : bits(v);
}

Unsigned unsignedDivide(Unsigned a, Unsigned b) {
    return b == 0 ? ~Unsigned{0} : a / b;
}

Unsigned unsignedRemainder(Unsigned a, Unsigned b) {
    return b == 0 ? a : a % b;
}

std::int64_t negated(Unsigned u) {
    return fromBits(Unsigned{0} - u);
}

}  // namespace

std::int64_t signedDivide(std::int64_t a, std::int64_t b) {
    Unsigned q = unsignedDivide(magnitude(a), magnitude(b));
    return (a < 0) != (b < 0) ? negated(q) : fromBits(q);
}

std::int64_t signedRemainder(std::int64_t a, std::int64_t b) {
    Unsigned r = unsignedRemainder(magnitude(a), magnitude(b));
    return a < 0 ? negated(r) : fromBits(r);
}

std::int64_t shiftLeft(std::int64_t a, std::int64_t b) {
    return bits(b) >= 64 ? 0 : fromBits(bits(a) << bits(b));
}

std::int64_t shiftRightArithmetic(std::int64_t a, std::int64_t b) {
    if (bits(b) >= 64) {
        return a < 0 ? -1 : 0;
    }
    return a >> bits(b);  // C++20: arithmetic on signed values
}

PartialEvaluator::PartialEvaluator(const model::EventStructure& events)
    : events_(events),
      reads_(events.events.size()),
      choices_(events.choiceCount),
      cache_(events.nodes.size()),
      cachedAt_(events.nodes.size(), 0) {}

void PartialEvaluator::setReadValue(std::uint32_t read, std::optional<std::int64_t> value) {
    if (reads_.at(read) != value) {
        reads_[read] = value;
        ++generation_;
    }
}

void PartialEvaluator::forgetReadValues() {
    reads_.assign(reads_.size(), std::nullopt);
    ++generation_;
}

void PartialEvaluator::restoreReadValues(std::vector<std::optional<std::int64_t>> values) {
    reads_ = std::move(values);
    ++generation_;
}

void PartialEvaluator::setChoice(std::uint32_t k, std::optional<bool> value) {
    if (choices_.at(k) != value) {
        choices_[k] = value;
        ++generation_;
    }
}

void PartialEvaluator::setForced(model::SymId node, std::optional<std::int64_t> value) {
    forced_.resize(events_.nodes.size());
    forced_.at(node) = value;
    ++generation_;
}

void PartialEvaluator::setHerdAlgebra(bool on) {
    if (herdAlgebra_ != on) {
        herdAlgebra_ = on;
        ++generation_;
    }
}

void PartialEvaluator::clearForced() {
    forced_.clear();
    ++generation_;
}

std::optional<std::int64_t> PartialEvaluator::computed(model::SymId node) {
    return compute(node);
}

std::optional<std::int64_t> PartialEvaluator::value(model::SymId node) {
    if (node < forced_.size() && forced_[node]) {
        return forced_[node];
    }
    if (cachedAt_.at(node) != generation_) {
        cache_[node] = compute(node);
        cachedAt_[node] = generation_;
    }
    return cache_[node];
}

std::optional<std::int64_t> PartialEvaluator::compute(model::SymId id) {
    const model::SymNode& n = events_.nodes.at(id);
    using model::SymOp;
    using Value = std::optional<std::int64_t>;
    auto flag = [](bool b) -> Value { return b ? 1 : 0; };
    switch (n.op) {
        case SymOp::Const:
            return n.value;
        case SymOp::ReadValue:
            return reads_.at(n.event);
        case SymOp::Choice: {
            auto c = choices_.at(static_cast<std::size_t>(n.value));
            return c ? Value(*c ? 1 : 0) : std::nullopt;
        }
        case SymOp::Ite: {
            Value cond = value(n.operands.at(0));
            if (cond) {
                return value(n.operands.at(*cond != 0 ? 1 : 2));
            }
            if (herdAlgebra_) {
                return std::nullopt;  // herd's `?:` on a variable is an unsolved equation
            }
            Value a = value(n.operands.at(1));
            Value b = value(n.operands.at(2));
            return a && b && *a == *b ? a : std::nullopt;
        }
        default:
            break;
    }
    // Unary operators.
    Value a = value(n.operands.at(0));
    switch (n.op) {
        case SymOp::Not:
            return a ? flag(*a == 0) : std::nullopt;
        case SymOp::Neg:
            return a ? Value(negated(bits(*a))) : std::nullopt;
        case SymOp::BitNot:
            return a ? Value(fromBits(~bits(*a))) : std::nullopt;
        default:
            break;
    }
    Value b = value(n.operands.at(1));
    bool sameOperand = n.operands[0] == n.operands[1];
    const bool herdHasIt = n.op == SymOp::LogAnd || n.op == SymOp::LogOr || n.op == SymOp::BitXor ||
                           n.op == SymOp::Ne || n.op == SymOp::Eq;
    // Results fixed by one operand alone, or by both operands being the same node.
    switch (herdAlgebra_ && !herdHasIt ? SymOp::Const : n.op) {
        case SymOp::Mul:
        case SymOp::BitAnd:
            if ((a && *a == 0) || (b && *b == 0)) {
                return 0;
            }
            break;
        case SymOp::BitOr:
            if ((a && *a == -1) || (b && *b == -1)) {
                return -1;
            }
            break;
        case SymOp::LogAnd:
            if ((a && *a == 0) || (b && *b == 0)) {
                return 0;
            }
            break;
        case SymOp::LogOr:
            if ((a && *a != 0) || (b && *b != 0)) {
                return 1;
            }
            break;
        case SymOp::Shl:
        case SymOp::Shr:
            if (a && *a == 0) {
                return 0;
            }
            break;
        case SymOp::Sub:
        case SymOp::BitXor:
        case SymOp::Ne:
        case SymOp::Lt:
        case SymOp::Gt:
        case SymOp::Mod:  // bvsrem(x, x) is 0 for every x, 0 included
            if (sameOperand) {
                return 0;
            }
            break;
        case SymOp::Eq:
        case SymOp::Le:
        case SymOp::Ge:
            if (sameOperand) {
                return 1;
            }
            break;
        default:
            break;
    }
    if (!a || !b) {
        return std::nullopt;
    }
    std::int64_t x = *a;
    std::int64_t y = *b;
    switch (n.op) {
        case SymOp::Add:
            return fromBits(bits(x) + bits(y));
        case SymOp::Sub:
            return fromBits(bits(x) - bits(y));
        case SymOp::Mul:
            return fromBits(bits(x) * bits(y));
        case SymOp::Div:
            return signedDivide(x, y);
        case SymOp::Mod:
            return signedRemainder(x, y);
        case SymOp::BitAnd:
            return x & y;
        case SymOp::BitOr:
            return x | y;
        case SymOp::BitXor:
            return x ^ y;
        case SymOp::Shl:
            return shiftLeft(x, y);
        case SymOp::Shr:
            return shiftRightArithmetic(x, y);
        case SymOp::Eq:
            return flag(x == y);
        case SymOp::Ne:
            return flag(x != y);
        case SymOp::Lt:
            return flag(x < y);
        case SymOp::Le:
            return flag(x <= y);
        case SymOp::Gt:
            return flag(x > y);
        case SymOp::Ge:
            return flag(x >= y);
        case SymOp::LogAnd:
            return flag(x != 0 && y != 0);
        case SymOp::LogOr:
            return flag(x != 0 || y != 0);
        default:
            return std::nullopt;
    }
}

}  // namespace memx::bruteforce
