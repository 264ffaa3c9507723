// A condition or filter evaluated on a candidate the explicit search has decided only in part,
// in Kleene's three-valued logic: an atom on a register is known once every read and choice its
// final value depends on is decided; an atom on shared memory waits for the leaf, where the
// final writes are chosen. A verdict search wants only candidates on one side of the condition,
// and cutting a branch at the first decision that settles it spares the product of the
// remaining reads' sources (explicit_enumerator.hpp, ExplicitPruning).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "litmus/ast.hpp"
#include "model/events/event_structure.hpp"

namespace memx::solver {

class Truth {
public:
    enum class Value : std::uint8_t { False, True, Unknown };
    constexpr Truth(Value v) : v_(v) {}  // NOLINT: a Truth is its value
    constexpr Truth(bool b) : v_(b ? Value::True : Value::False) {}
    constexpr Value value() const { return v_; }
    constexpr bool known() const { return v_ != Value::Unknown; }
    constexpr bool operator==(const Truth&) const = default;

    friend constexpr Truth operator!(Truth t) {
        return t.known() ? Truth(t.v_ == Value::False) : t;
    }
    friend constexpr Truth operator&&(Truth a, Truth b) {
        if (a.v_ == Value::False || b.v_ == Value::False) {
            return false;
        }
        return a.known() && b.known() ? Truth(true) : Truth(Value::Unknown);
    }
    friend constexpr Truth operator||(Truth a, Truth b) { return !(!a && !b); }

private:
    Value v_;
};

class PartialProposition {
public:
    PartialProposition(const litmus::Program& program, const model::EventStructure& events,
                       const litmus::Prop& prop);

    // The value nodes the atoms read: the final values of the registers they name.
    const std::vector<model::SymId>& inputs() const { return inputs_; }

    // `value(node)` gives one of inputs()'s values, or nullopt while it is not decided.
    Truth evaluate(const std::function<std::optional<std::int64_t>(model::SymId)>& value) const;

private:
    // A register's final value node; nullopt when no statement assigns it (its initial value).
    std::optional<model::SymId> registerNode(const litmus::LocationRef& ref) const;
    static bool isPlainRegister(const litmus::LocationRef& ref);

    const litmus::Program& program_;
    const model::EventStructure& events_;
    const litmus::Prop& prop_;
    std::vector<model::SymId> inputs_;
};

}  // namespace memx::solver
