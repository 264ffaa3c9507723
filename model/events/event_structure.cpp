#include "model/events/event_structure.hpp"

#include <algorithm>

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
        n += l.keptCount();
    }
    return n;
}

std::int64_t LocationTable::cellAddress(std::size_t cell) const {
    if (!byteGranular) {
        return locations.at(cell).address;
    }
    for (const Location& l : locations) {
        if (cell < l.keptCount()) {
            return l.address + static_cast<std::int64_t>(l.keptOffset(cell));
        }
        cell -= l.keptCount();
    }
    return 0;
}

std::size_t LocationTable::cellLocation(std::size_t cell) const {
    if (!byteGranular) {
        return cell;
    }
    for (std::size_t i = 0; i < locations.size(); ++i) {
        if (cell < locations[i].keptCount()) {
            return i;
        }
        cell -= locations[i].keptCount();
    }
    return locations.size();
}

std::optional<std::size_t> LocationTable::cellOf(std::size_t location, std::uint32_t offset) const {
    if (!byteGranular) {
        return location;
    }
    std::size_t first = 0;
    for (std::size_t i = 0; i < location && i < locations.size(); ++i) {
        first += locations[i].keptCount();
    }
    if (location >= locations.size()) {
        return std::nullopt;
    }
    auto rank = locations[location].keptRank(offset);
    if (!rank) {
        return std::nullopt;
    }
    return first + *rank;
}

std::optional<LocationTable::BytePlace> LocationTable::placeOf(std::int64_t address) const {
    for (std::size_t l = 0; l < locations.size(); ++l) {
        const Location& loc = locations[l];
        if (address >= loc.address && address < loc.address + static_cast<std::int64_t>(loc.size)) {
            return BytePlace{l, static_cast<std::uint32_t>(address - loc.address)};
        }
    }
    return std::nullopt;
}

std::optional<Location::Element> Location::element(const std::string& field,
                                                   std::int64_t index) const {
    std::uint64_t offset = 0;
    std::uint32_t elementSize = this->elementSize;
    std::uint64_t count = this->elementSize ? size / this->elementSize : 0;
    bool signedness = isSigned;
    if (!field.empty()) {
        const Field* f = nullptr;
        for (const Field& candidate : fields) {
            f = candidate.path == field ? &candidate : f;
        }
        if (f == nullptr) {
            return std::nullopt;
        }
        offset = f->offset;
        elementSize = f->elementSize;
        count = f->count;
        signedness = f->isSigned;
    }
    if (index < 0 || static_cast<std::uint64_t>(index) >= count) {
        return std::nullopt;
    }
    offset += static_cast<std::uint64_t>(index) * elementSize;
    if (offset + elementSize > size) {
        return std::nullopt;
    }
    return Element{static_cast<std::uint32_t>(offset), elementSize, signedness};
}

std::optional<std::size_t> Location::keptRank(std::uint32_t offset) const {
    if (offset >= size) {
        return std::nullopt;
    }
    if (keptBytes.empty()) {
        return offset;
    }
    auto it = std::lower_bound(keptBytes.begin(), keptBytes.end(), offset);
    if (it == keptBytes.end() || *it != offset) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(it - keptBytes.begin());
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
