#include "litmus/prop_locations.hpp"

#include <type_traits>
#include <variant>

namespace memx::litmus {

void forEachLocationRef(const PropPtr& prop, const std::function<void(const LocationRef&)>& visit) {
    if (!prop) {
        return;
    }
    std::visit(
        [&](const auto& node) {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, PropAtom>) {
                visit(node.lhs);
                if (node.rhs.kind == CondValue::Kind::Location) {
                    visit(node.rhs.location);
                }
            } else if constexpr (std::is_same_v<T, PropNot>) {
                forEachLocationRef(node.operand, visit);
            } else if constexpr (std::is_same_v<T, PropAnd> || std::is_same_v<T, PropOr> ||
                                 std::is_same_v<T, PropImplies>) {
                forEachLocationRef(node.lhs, visit);
                forEachLocationRef(node.rhs, visit);
            }
        },
        prop->node);
}

}  // namespace memx::litmus
