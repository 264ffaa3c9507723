#include "model/events/event_structure.hpp"

namespace memx::model {

namespace {
// Nodes 0 and 1 are the constants 0 and 1 in every structure, so guards and booleans can
// name them without a lookup.
void ensureBaseNodes(std::vector<SymNode>& nodes) {
    if (nodes.empty()) {
        nodes.push_back({SymOp::Const, 0, 0, {}});
        nodes.push_back({SymOp::Const, 1, 0, {}});
    }
}
}  // namespace

SymId EventStructure::constant(std::int64_t v) {
    ensureBaseNodes(nodes);
    if (v == 0 || v == 1) {
        return static_cast<SymId>(v);
    }
    return add({SymOp::Const, v, 0, {}});
}

SymId EventStructure::add(SymNode n) {
    ensureBaseNodes(nodes);
    nodes.push_back(std::move(n));
    return static_cast<SymId>(nodes.size() - 1);
}

}  // namespace memx::model
