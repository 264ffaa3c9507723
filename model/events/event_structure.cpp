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

std::size_t LocationTable::cellCount() const {
    if (!byteGranular) {
        return locations.size();
    }
    std::size_t n = 0;
    for (const Location& l : locations) {
        n += l.size;
    }
    return n;
}

std::int64_t LocationTable::cellAddress(std::size_t cell) const {
    if (!byteGranular) {
        return locations.at(cell).address;
    }
    for (const Location& l : locations) {
        if (cell < l.size) {
            return l.address + static_cast<std::int64_t>(cell);
        }
        cell -= l.size;
    }
    return 0;
}

std::size_t LocationTable::cellLocation(std::size_t cell) const {
    if (!byteGranular) {
        return cell;
    }
    for (std::size_t i = 0; i < locations.size(); ++i) {
        if (cell < locations[i].size) {
            return i;
        }
        cell -= locations[i].size;
    }
    return locations.size();
}

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
