#include "litmus/prop_locations.hpp"

#include <type_traits>
#include <variant>

namespace memx::litmus {

void forEachAtom(const PropPtr& prop, const std::function<void(const PropAtom&)>& visit) {
    if (!prop) {
        return;
    }
    std::visit(
        [&](const auto& node) {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, PropAtom>) {
                visit(node);
            } else if constexpr (std::is_same_v<T, PropNot>) {
                forEachAtom(node.operand, visit);
            } else if constexpr (std::is_same_v<T, PropAnd> || std::is_same_v<T, PropOr> ||
                                 std::is_same_v<T, PropImplies>) {
                forEachAtom(node.lhs, visit);
                forEachAtom(node.rhs, visit);
            }
        },
        prop->node);
}

void forEachLocationRef(const PropPtr& prop, const std::function<void(const LocationRef&)>& visit) {
    forEachAtom(prop, [&](const PropAtom& atom) {
        visit(atom.lhs);
        if (atom.rhs.kind == CondValue::Kind::Location) {
            visit(atom.rhs.location);
        }
    });
}

}  // namespace memx::litmus
