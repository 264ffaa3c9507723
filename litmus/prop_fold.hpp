// The value of a condition or filter, computed bottom-up over its connectives. The solver
// checks a proposition on a concrete final state (bool) and encodes it for Z3 (z3::expr); both
// go through this one walk, so they cannot disagree on what a connective means.
#pragma once

#include <type_traits>
#include <variant>

#include "litmus/ast.hpp"

namespace memx::litmus {

// `atom(a)` gives the value of each atom; the value type's own !, && and || combine them, and
// `p => q` is `!p || q`. For bool, && and || short-circuit as in C++.
template <class V, class AtomValue>
V foldProp(const Prop& prop, const V& truth, const V& falsity, const AtomValue& atom) {
    auto sub = [&](const PropPtr& p) { return foldProp(*p, truth, falsity, atom); };
    return std::visit(
        [&](const auto& node) -> V {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, PropTrue>) {
                return truth;
            } else if constexpr (std::is_same_v<T, PropFalse>) {
                return falsity;
            } else if constexpr (std::is_same_v<T, PropAtom>) {
                return atom(node);
            } else if constexpr (std::is_same_v<T, PropNot>) {
                return !sub(node.operand);
            } else if constexpr (std::is_same_v<T, PropAnd>) {
                return sub(node.lhs) && sub(node.rhs);
            } else if constexpr (std::is_same_v<T, PropOr>) {
                return sub(node.lhs) || sub(node.rhs);
            } else {
                return !sub(node.lhs) || sub(node.rhs);
            }
        },
        prop.node);
}

}  // namespace memx::litmus
