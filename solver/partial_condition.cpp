#include "solver/partial_condition.hpp"

#include <type_traits>
#include <variant>

namespace memx::solver {

namespace {

class PartialEvaluator {
public:
    PartialEvaluator(const litmus::Program& program, const model::EventStructure& events,
                     const std::function<std::optional<std::int64_t>(model::SymId)>& known)
        : program_(program), events_(events), known_(known) {}

    Truth truth(const litmus::Prop& prop) const {
        return std::visit(
            [&](const auto& node) -> Truth {
                using T = std::decay_t<decltype(node)>;
                if constexpr (std::is_same_v<T, litmus::PropTrue>) {
                    return Truth::True;
                } else if constexpr (std::is_same_v<T, litmus::PropFalse>) {
                    return Truth::False;
                } else if constexpr (std::is_same_v<T, litmus::PropAtom>) {
                    return atom(node);
                } else if constexpr (std::is_same_v<T, litmus::PropNot>) {
                    return negate(truth(*node.operand));
                } else if constexpr (std::is_same_v<T, litmus::PropAnd>) {
                    return both(truth(*node.lhs), truth(*node.rhs));
                } else if constexpr (std::is_same_v<T, litmus::PropOr>) {
                    return negate(both(negate(truth(*node.lhs)), negate(truth(*node.rhs))));
                } else {
                    return negate(both(truth(*node.lhs), negate(truth(*node.rhs))));
                }
            },
            prop.node);
    }

private:
    static Truth negate(Truth t) {
        return t == Truth::Unknown ? t : (t == Truth::True ? Truth::False : Truth::True);
    }

    static Truth both(Truth a, Truth b) {
        if (a == Truth::False || b == Truth::False) {
            return Truth::False;
        }
        return a == Truth::True && b == Truth::True ? Truth::True : Truth::Unknown;
    }

    Truth atom(const litmus::PropAtom& a) const {
        std::optional<std::int64_t> lhs = valueOf(a.lhs);
        std::optional<std::int64_t> rhs;
        switch (a.rhs.kind) {
            case litmus::CondValue::Kind::Int:
                rhs = a.rhs.value;
                break;
            case litmus::CondValue::Kind::Address:
                rhs = addressOf(a.rhs.symbol);
                break;
            case litmus::CondValue::Kind::Location:
                rhs = valueOf(a.rhs.location);
                break;
        }
        if (!lhs || !rhs) {
            return Truth::Unknown;
        }
        return ((*lhs == *rhs) != a.negated) ? Truth::True : Truth::False;
    }

    // As FinalStateReader::valueOf, for what is known so far.
    std::optional<std::int64_t> valueOf(const litmus::LocationRef& ref) const {
        if (!ref.thread) {
            return std::nullopt;
        }
        auto t = events_.finalRegisters.find(*ref.thread);
        if (t != events_.finalRegisters.end()) {
            auto r = t->second.find(ref.name);
            if (r != t->second.end()) {
                return known_(r->second);
            }
        }
        for (const auto& entry : program_.init) {
            if (entry.thread == ref.thread && entry.name == ref.name && entry.value) {
                return entry.value->kind == litmus::InitValue::Kind::Address
                           ? addressOf(entry.value->symbol)
                           : entry.value->value;
            }
        }
        return 0;
    }

    std::int64_t addressOf(const std::string& symbol) const {
        for (const auto& loc : events_.locations.locations) {
            if (loc.name == symbol) {
                return loc.address;
            }
        }
        return 0;
    }

    const litmus::Program& program_;
    const model::EventStructure& events_;
    const std::function<std::optional<std::int64_t>(model::SymId)>& known_;
};

}  // namespace

Truth partialTruth(const litmus::Prop& prop, const litmus::Program& program,
                   const model::EventStructure& events,
                   const std::function<std::optional<std::int64_t>(model::SymId)>& known) {
    return PartialEvaluator(program, events, known).truth(prop);
}

}  // namespace memx::solver
