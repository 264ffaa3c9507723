#include "model/events/byte_splitter.hpp"
#include "model/events/symbolic_values.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace memx::model::detail {

namespace {

SymId makeNode(EventStructure& es, SymOp op, std::vector<SymId> operands) {
    SymNode n;
    n.op = op;
    n.operands = std::move(operands);
    return es.add(std::move(n));
}

SymId offsetAddress(EventStructure& es, SymId address, std::int64_t offset) {
    if (offset == 0) {
        return address;
    }
    if (auto a = literalValue(es, address)) {
        return es.constant(*a + offset);
    }
    return makeNode(es, SymOp::Add, {address, es.constant(offset)});
}

// Byte `shift` (0 = least significant) of `value`, as 0..255.
SymId byteOf(EventStructure& es, SymId value, std::uint32_t shift) {
    if (auto v = literalValue(es, value)) {
        return es.constant(
            static_cast<std::int64_t>((static_cast<std::uint64_t>(*v) >> (8 * shift)) & 0xffu));
    }
    SymId shifted = shift == 0 ? value : makeNode(es, SymOp::Shr, {value, es.constant(8 * shift)});
    return makeNode(es, SymOp::BitAnd, {shifted, es.constant(0xff)});
}

// Which byte of a value of `size` bytes lives at offset `offset` in memory.
std::uint32_t significance(const EventStructure& es, std::uint32_t offset, std::uint32_t size) {
    return es.locations.bigEndian ? size - 1 - offset : offset;
}

// Plain C accesses carry only their direction's set; volatile accesses tear by definition.
bool isMarked(const SymEvent& e) {
    if (e.inSet("VOLATILE")) {
        return false;
    }
    return std::any_of(e.sets.begin(), e.sets.end(),
                       [](const std::string& s) { return s != "R" && s != "W" && s != "RMW"; });
}

bool singleCopyAtomic(const EventStructure& es, const SymEvent& e, std::uint32_t size,
                      bool external) {
    if (external || !isMarked(e) || (size != 2 && size != 4 && size != 8)) {
        return false;
    }
    auto a = literalValue(es, e.address);
    return a && *a % static_cast<std::int64_t>(size) == 0;
}

// The byte at `offset` of the initial value of `l`, in the table's byte order.
SymId initialByte(EventStructure& es, const Location& l, std::uint32_t offset) {
    return byteOf(es, l.initialValueOf(offset / l.elementSize),
                  significance(es, offset % l.elementSize, l.elementSize));
}

// The offsets, within an access of `size` bytes at `address`, of the bytes that get events:
// every byte, unless the access lies in one location that keeps only some of its bytes.
std::vector<std::uint32_t> keptOffsetsOf(const EventStructure& es, SymId address,
                                         std::uint32_t size) {
    std::vector<std::uint32_t> out;
    auto a = literalValue(es, address);
    auto where = a ? es.locations.placeOf(*a) : std::nullopt;
    const Location* loc = where ? &es.locations.locations[where->location] : nullptr;
    if (!loc || loc->keptBytes.empty() || where->offset + size > loc->size) {
        out.resize(size);
        for (std::uint32_t b = 0; b < size; ++b) {
            out[b] = b;
        }
        return out;
    }
    const std::uint32_t start = where->offset;
    auto it = std::lower_bound(loc->keptBytes.begin(), loc->keptBytes.end(), start);
    for (; it != loc->keptBytes.end() && *it < start + size; ++it) {
        out.push_back(*it - start);
    }
    return out;
}

}  // namespace

void noteInitialWrites(BuildContext& ctx) {
    for (std::uint32_t e = 0; e < ctx.es.events.size(); ++e) {
        if (ctx.es.events[e].thread < 0) {
            ctx.accesses[e] = {ScalarType{ctx.es.events[e].size, false},
                               BuildContext::AccessShape::Initial};
        }
    }
}

void splitIntoBytes(BuildContext& ctx) {
    EventStructure& es = ctx.es;
    std::vector<SymEvent> old = std::move(es.events);
    es.events.clear();
    es.accessGroups.clear();
    es.groupOf.clear();
    std::vector<std::vector<std::uint32_t>> bytesOf(old.size());
    // A copy's read side: the ReadValue node of each byte kept, by offset in the copy.
    std::map<std::uint32_t, std::map<std::uint32_t, SymId>> copiedBytes;
    std::map<std::uint32_t, std::uint32_t> copySourceOf;  // write side -> read side
    for (const auto& [r, w] : ctx.copies) {
        copySourceOf[w] = r;
    }

    auto push = [&](SymEvent ev, std::uint32_t group) {
        const auto index = static_cast<std::uint32_t>(es.events.size());
        es.events.push_back(std::move(ev));
        es.groupOf.push_back(group);
        if (group != EventStructure::kNoGroup) {
            es.accessGroups[group].events.push_back(index);
        }
        return index;
    };
    auto readByte = [&](SymEvent& byte) {
        SymNode rv;
        rv.op = SymOp::ReadValue;
        rv.event = static_cast<std::uint32_t>(es.events.size());
        byte.value = es.add(std::move(rv));
        return byte.value;
    };

    for (std::uint32_t i = 0; i < old.size(); ++i) {
        SymEvent ev = std::move(old[i]);
        const bool external = ctx.externalThreads.count(ev.thread) > 0;
        const bool isRead = ev.inSet("R");
        const bool isMemory = ev.kind != EventKind::Fence && (isRead || ev.inSet("W"));
        if (external && isMemory && ev.sets.size() == 1) {
            // An external agent's accesses count as marked, byte by byte (never single-copy
            // atomic), under LKMM (ONCE) and RC11 (relaxed atomics).
            for (const char* s : {"ONCE", "RLX", "A"}) {
                ev.sets.emplace_back(s);
            }
        }
        auto note = ctx.accesses.find(i);
        if (!isMemory || note == ctx.accesses.end()) {
            if (ev.kind != EventKind::Fence) {
                ev.size = 1;  // lock-family events stand on the location's first byte
            }
            bytesOf[i].push_back(push(std::move(ev), EventStructure::kNoGroup));
            continue;
        }
        const ScalarType type = note->second.type;
        const auto shape = note->second.shape;
        const auto group = static_cast<std::uint32_t>(es.accessGroups.size());
        // Initial writes are single-copy atomic; copies are bytewise.
        const bool atomic = shape == BuildContext::AccessShape::Initial ||
                            (shape == BuildContext::AccessShape::Scalar &&
                             singleCopyAtomic(es, ev, type.size, external));
        es.accessGroups.push_back({{}, atomic});
        const SymId originalValue = ev.value;
        const SymId originalAddress = ev.address;
        const Location* initialOf = nullptr;
        if (shape == BuildContext::AccessShape::Initial) {
            auto a = literalValue(es, originalAddress);
            initialOf = &es.locations.locations.at(es.locations.placeOf(*a)->location);
        }
        const auto source = copySourceOf.find(i);
        std::vector<std::pair<SymId, std::uint32_t>> readBytes;  // node, significance
        for (std::uint32_t b : keptOffsetsOf(es, originalAddress, type.size)) {
            SymEvent byte = ev;
            byte.size = 1;
            byte.address = offsetAddress(es, originalAddress, b);
            const std::uint32_t shift = significance(es, b, type.size);
            if (isRead) {
                const SymId node = readByte(byte);
                if (shape == BuildContext::AccessShape::Copy) {
                    copiedBytes[i][b] = node;
                } else {
                    readBytes.emplace_back(node, shift);
                }
            } else if (initialOf) {
                byte.value = initialByte(es, *initialOf, b);
            } else if (source != copySourceOf.end()) {
                // The source byte is kept whenever the destination byte is (byte_classes.cpp
                // cuts both sides of a copy alike).
                byte.value = copiedBytes.at(source->second).at(b);
            } else {
                byte.value = byteOf(es, ev.value, shift);
            }
            bytesOf[i].push_back(push(std::move(byte), group));
        }
        if (isRead && shape == BuildContext::AccessShape::Copy) {
            es.nodes[originalValue] = SymNode{};  // no register holds a copy's value
        } else if (isRead) {
            // The access's value: its bytes by significance, sign-extended for signed types.
            SymId composed = 0;
            for (const auto& [node, shift] : readBytes) {
                SymId part =
                    shift == 0
                        ? node
                        : makeNode(es, SymOp::Shl,
                                   {node, es.constant(8 * static_cast<std::int64_t>(shift))});
                composed = composed == 0 ? part : makeNode(es, SymOp::BitOr, {composed, part});
            }
            if (type.isSigned && type.size < 8) {
                SymId width = es.constant(64 - 8 * static_cast<std::int64_t>(type.size));
                composed =
                    makeNode(es, SymOp::Shr, {makeNode(es, SymOp::Shl, {composed, width}), width});
            }
            SymNode copy = es.nodes[composed];
            es.nodes[originalValue] = std::move(copy);
        }
    }

    auto remap = [&](std::vector<EventPair>& rel, bool byOffset) {
        std::vector<EventPair> out;
        for (const auto& [a, b] : rel) {
            const auto& as = bytesOf.at(a);
            const auto& bs = bytesOf.at(b);
            if (byOffset && as.size() == bs.size()) {
                for (std::size_t k = 0; k < as.size(); ++k) {
                    out.emplace_back(as[k], bs[k]);
                }
                continue;
            }
            for (std::uint32_t x : as) {
                for (std::uint32_t y : bs) {
                    out.emplace_back(x, y);
                }
            }
        }
        rel = std::move(out);
    };
    // A wait's last reads become their bytes: the wait blocks when each byte reads the final
    // write of its own byte (solver/liveness_search.hpp).
    for (Wait& wait : es.waits) {
        std::vector<std::uint32_t> bytes;
        for (std::uint32_t read : wait.lastReads) {
            bytes.insert(bytes.end(), bytesOf.at(read).begin(), bytesOf.at(read).end());
        }
        wait.lastReads = std::move(bytes);
    }
    remap(es.rmw, true);
    remap(es.addr, false);
    remap(es.data, false);
    remap(es.ctrl, false);
    // Byte i of a copy's write side depends on byte i of its read side.
    for (const auto& [r, w] : ctx.copies) {
        const auto& reads = bytesOf.at(r);
        const auto& writes = bytesOf.at(w);
        for (std::size_t k = 0; k < reads.size() && k < writes.size(); ++k) {
            es.data.emplace_back(reads[k], writes[k]);
        }
    }
}

}  // namespace memx::model::detail
