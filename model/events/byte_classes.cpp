#include "model/events/byte_classes.hpp"
#include "model/events/symbolic_values.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "litmus/prop_locations.hpp"

namespace memx::model::detail {

namespace {

using Place = LocationTable::BytePlace;

// One copy: n bytes from `from` to `to`. A cut strictly inside one side is a cut on the other.
struct CopySpan {
    Place from;
    Place to;
    std::uint32_t n = 0;
};

// The cuts of every location: cut[l][p] says a segment starts at byte p (p == size ends the
// last one). Cuts spread through copies until every copy maps segments onto segments.
class Cuts {
public:
    explicit Cuts(const LocationTable& table) {
        for (const Location& l : table.locations) {
            std::vector<bool> c(l.size + 1, false);
            c[0] = true;
            c[l.size] = true;
            cut_.push_back(std::move(c));
        }
    }

    void add(std::size_t location, std::uint32_t position) {
        auto& c = cut_.at(location);
        if (position < c.size() && !c[position]) {
            c[position] = true;
            pending_.emplace_back(location, position);
        }
    }

    // Every byte of [offset, offset + size) a segment of its own.
    void addEach(std::size_t location, std::uint32_t offset, std::uint32_t size) {
        for (std::uint32_t b = 0; b <= size; ++b) {
            add(location, offset + b);
        }
    }

    void spreadThrough(const std::vector<CopySpan>& copies) {
        while (!pending_.empty()) {
            const auto [location, position] = pending_.back();
            pending_.pop_back();
            for (const CopySpan& c : copies) {
                mirror(c.from, c.to, c.n, location, position);
                mirror(c.to, c.from, c.n, location, position);
            }
        }
    }

    const std::vector<bool>& of(std::size_t location) const { return cut_.at(location); }

private:
    void mirror(const Place& side, const Place& other, std::uint32_t n, std::size_t location,
                std::uint32_t position) {
        if (side.location == location && position > side.offset && position < side.offset + n) {
            add(other.location, other.offset + (position - side.offset));
        }
    }

    std::vector<std::vector<bool>> cut_;
    std::vector<std::pair<std::size_t, std::uint32_t>> pending_;
};

// Cuts between bytes whose initial values differ (a non-constant initial value: around every
// byte of its element).
void cutInitialValues(const EventStructure& es, std::size_t l, Cuts& cuts) {
    const Location& loc = es.locations.locations[l];
    std::int64_t previous = -1;  // the previous byte's value; -1: none to compare with
    for (std::uint32_t b = 0; b < loc.size; ++b) {
        const std::uint32_t element = b / loc.elementSize;
        auto v = literalValue(es, loc.initialValueOf(element));
        if (!v) {
            cuts.addEach(l, element * loc.elementSize, loc.elementSize);
            previous = -1;
            continue;
        }
        const std::uint32_t within = b % loc.elementSize;
        const std::uint32_t shift = es.locations.bigEndian ? loc.elementSize - 1 - within : within;
        const std::int64_t byte = static_cast<std::int64_t>(
            (static_cast<std::uint64_t>(*v) >> (8 * std::min<std::uint32_t>(shift, 7))) & 0xffu);
        if (previous >= 0 && previous != byte) {
            cuts.add(l, b);
        }
        previous = byte;
    }
}

}  // namespace

void chooseRepresentativeBytes(BuildContext& ctx, const litmus::Program& program) {
    EventStructure& es = ctx.es;
    Cuts cuts(es.locations);

    // Every byte a condition, the filter or `locations` names is a segment of its own.
    bool dereferenced = false;
    auto name = [&](const litmus::LocationRef& ref) {
        if (ref.thread) {
            return;
        }
        if (ref.deref) {
            dereferenced = true;
            return;
        }
        auto it = ctx.locationIndex.find(ref.name);
        if (it == ctx.locationIndex.end()) {
            return;
        }
        const Location& loc = es.locations.locations[it->second];
        if (const auto element = loc.element(ref.field, ref.index.value_or(0))) {
            cuts.addEach(it->second, element->offset, element->size);
        }
    };
    litmus::forEachLocationRef(program.condition.prop, name);
    litmus::forEachLocationRef(program.filter, name);
    for (const auto& ref : program.locations) {
        name(ref);
    }
    if (dereferenced) {
        return;
    }

    std::map<std::uint32_t, std::uint32_t> copyWriteOf;
    for (const auto& [r, w] : ctx.copies) {
        copyWriteOf[r] = w;
    }
    std::vector<CopySpan> copies;
    for (std::uint32_t i = 0; i < es.events.size(); ++i) {
        const SymEvent& ev = es.events[i];
        if (ev.kind == EventKind::Fence && ev.address == 0) {
            continue;
        }
        auto address = literalValue(es, ev.address);
        if (!address) {
            return;  // the solver picks the bytes this access touches: none is alike another
        }
        auto place = es.locations.placeOf(*address);
        if (!place) {
            continue;
        }
        auto note = ctx.accesses.find(i);
        if (note == ctx.accesses.end() || ev.kind == EventKind::Fence) {
            cuts.addEach(place->location, place->offset, 1);
            continue;
        }
        const std::uint32_t size = note->second.type.size;
        switch (note->second.shape) {
            case BuildContext::AccessShape::Initial:
                cutInitialValues(es, place->location, cuts);
                break;
            case BuildContext::AccessShape::Copy: {
                cuts.add(place->location, place->offset);
                cuts.add(place->location, place->offset + size);
                auto w = copyWriteOf.find(i);
                if (w != copyWriteOf.end()) {
                    auto to = literalValue(es, es.events[w->second].address);
                    auto toPlace = to ? es.locations.placeOf(*to) : std::nullopt;
                    if (!toPlace) {
                        return;
                    }
                    copies.push_back({*place, *toPlace, size});
                }
                break;
            }
            case BuildContext::AccessShape::Scalar:
                // A scalar's bytes differ in significance: each is a segment of its own. Lock
                // events stand on the location's first byte.
                cuts.addEach(place->location, place->offset,
                             ev.inSet("R") || ev.inSet("W") ? size : 1);
                break;
        }
    }
    cuts.spreadThrough(copies);

    for (std::size_t l = 0; l < es.locations.locations.size(); ++l) {
        Location& loc = es.locations.locations[l];
        const auto& cut = cuts.of(l);
        std::vector<std::uint32_t> kept;
        std::uint32_t start = 0;
        for (std::uint32_t b = 0; b < loc.size; ++b) {
            if (cut[b]) {
                start = b;
            }
            if (b - start < kRepresentatives) {
                kept.push_back(b);
            }
        }
        if (kept.size() < loc.size) {
            loc.keptBytes = std::move(kept);
        }
    }
}

}  // namespace memx::model::detail
