#include "solver/condition_printer.hpp"

#include <fmt/format.h>

namespace memx::solver {

namespace {

enum class Context { Top, And, Or, Implies };

// herd's rule: a conjunction inside a disjunction or an implication keeps parentheses, a
// disjunction inside a conjunction or an implication too; nested same operators do not.
bool needsParens(Context above, Context here) {
    switch (above) {
        case Context::Top:
            return false;
        case Context::Implies:
            return here != Context::Implies;
        case Context::And:
            return here != Context::And;
        case Context::Or:
            return here == Context::Implies;
    }
    return false;
}

std::string location(const litmus::LocationRef& ref, LocationStyle style) {
    if (style == LocationStyle::Bracketed && !ref.thread && !ref.index && !ref.deref &&
        ref.field.empty()) {
        return "[" + ref.name + "]";
    }
    std::string name = ref.field.empty() ? ref.name : ref.name + "." + ref.field;
    if (ref.index) {
        name += fmt::format("[{}]", *ref.index);
    }
    if (ref.deref) {
        name = "*" + name;
    }
    return ref.thread ? fmt::format("{}:{}", *ref.thread, name) : name;
}

std::string atom(const litmus::PropAtom& a, LocationStyle style) {
    std::string rhs;
    switch (a.rhs.kind) {
        case litmus::CondValue::Kind::Int:
            rhs = std::to_string(a.rhs.value);
            break;
        case litmus::CondValue::Kind::Address:
            rhs = a.rhs.symbol;
            break;
        case litmus::CondValue::Kind::Location:
            rhs = location(a.rhs.location, style);
            break;
    }
    std::string text = location(a.lhs, style) + "=" + rhs;
    return a.negated ? "not (" + text + ")" : text;
}

std::string print(const litmus::Prop& p, Context above, LocationStyle style) {
    auto wrap = [&](Context here, const std::string& s) {
        return needsParens(above, here) ? "(" + s + ")" : s;
    };
    return std::visit(
        [&](const auto& node) -> std::string {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, litmus::PropTrue>) {
                return "true";
            } else if constexpr (std::is_same_v<T, litmus::PropFalse>) {
                return "false";
            } else if constexpr (std::is_same_v<T, litmus::PropAtom>) {
                return atom(node, style);
            } else if constexpr (std::is_same_v<T, litmus::PropNot>) {
                return "not (" + print(*node.operand, Context::Top, style) + ")";
            } else if constexpr (std::is_same_v<T, litmus::PropAnd>) {
                return wrap(Context::And, print(*node.lhs, Context::And, style) + " /\\ " +
                                              print(*node.rhs, Context::And, style));
            } else if constexpr (std::is_same_v<T, litmus::PropOr>) {
                return wrap(Context::Or, print(*node.lhs, Context::Or, style) + " \\/ " +
                                             print(*node.rhs, Context::Or, style));
            } else {
                return wrap(Context::Implies, print(*node.lhs, Context::Implies, style) + " => " +
                                                  print(*node.rhs, Context::Implies, style));
            }
        },
        p.node);
}

}  // namespace

std::string printProp(const litmus::Prop& prop, LocationStyle style) {
    return print(prop, Context::Top, style);
}

std::string printCondition(const litmus::Condition& c, LocationStyle style) {
    std::string prop = c.prop ? printProp(*c.prop, style) : "true";
    switch (c.quantifier) {
        case litmus::Quantifier::Exists:
            return "exists (" + prop + ")";
        case litmus::Quantifier::NotExists:
            return "~exists (" + prop + ")";
        case litmus::Quantifier::Forall:
            return "forall (" + prop + ")";
    }
    return prop;
}

std::string conditionKind(litmus::Quantifier q) {
    switch (q) {
        case litmus::Quantifier::Exists:
            return "Allowed";
        case litmus::Quantifier::NotExists:
            return "Forbidden";
        case litmus::Quantifier::Forall:
            return "Required";
    }
    return "Allowed";
}

}  // namespace memx::solver
