#include "solver/execution_graph_builder.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <map>
#include <set>

namespace memx::solver {

namespace {

using model::EventIndex;
using model::EventSet;
using model::Relation;

// Reads and writes, and the few fence-kind events that name a location (synchronize_srcu).
bool hasLocation(const model::SymEvent& e) {
    return e.kind != model::EventKind::Fence || e.address != 0;
}

std::string kindName(const model::SymEvent& e) {
    switch (e.kind) {
        case model::EventKind::Read:
            return "R";
        case model::EventKind::Write:
            return "W";
        case model::EventKind::Fence:
            return "F";
    }
    return "F";
}

std::string labelOf(const model::EventInfo& info) {
    std::string tags;
    for (const auto& t : info.tags) {
        tags += (tags.empty() ? "" : ",") + t;
    }
    std::string label = info.kind + (tags.empty() ? "" : "[" + tags + "]");
    if (!info.location.empty()) {
        label += " " + info.location;
        if (info.value) {
            label += fmt::format("={}", *info.value);
        }
    }
    return label;
}

// Byte-granular tests: `si` relates the byte events of one access (reflexive on every
// memory event), and `torn` holds the bytes of each read access that sees a write only in
// part: it reads some byte from a write access W, and some other byte of its footprint that W
// also writes from elsewhere. Initial writes do not count as seen in part (a read that takes
// one byte from a one-byte store and the rest from the initial value is not torn). Other
// tests have neither relation nor set (the cat layer sees them empty).
void addByteRelations(const model::EventStructure& es, const Candidate& c,
                      const std::vector<std::int64_t>& graphIndex, model::ExecutionGraph& g) {
    const std::size_t n = g.events.size();
    Relation si(n);
    EventSet torn(n);
    auto writtenBy = [&](std::uint32_t group) {
        std::set<std::int64_t> bytes;
        for (std::uint32_t w : es.accessGroups[group].events) {
            if (c.executed[w]) {
                bytes.insert(c.addresses[w]);
            }
        }
        return bytes;
    };
    for (const model::AccessGroup& group : es.accessGroups) {
        std::vector<EventIndex> members;
        std::set<std::int64_t> footprint;
        std::map<std::uint32_t, std::set<std::int64_t>> readFrom;  // write group -> bytes
        for (std::uint32_t e : group.events) {
            if (graphIndex[e] < 0) {
                continue;
            }
            members.push_back(static_cast<EventIndex>(graphIndex[e]));
            footprint.insert(c.addresses[e]);
            if (c.rfSource[e]) {
                const std::uint32_t wg = es.groupOf.at(*c.rfSource[e]);
                if (wg != model::EventStructure::kNoGroup &&
                    es.events[*c.rfSource[e]].thread >= 0) {
                    readFrom[wg].insert(c.addresses[e]);
                }
            }
        }
        bool isTorn = false;
        for (const auto& [wg, seen] : readFrom) {
            for (std::int64_t a : writtenBy(wg)) {
                isTorn = isTorn || (footprint.count(a) > 0 && seen.count(a) == 0);
            }
        }
        for (EventIndex a : members) {
            for (EventIndex b : members) {
                si.insert(a, b);
            }
            if (isTorn) {
                torn.insert(a);
            }
        }
    }
    for (EventIndex i = 0; i < n; ++i) {
        if (!g.events[i].location.empty()) {
            si.insert(i, i);
        }
    }
    g.relations["si"] = std::move(si);
    g.sets["torn"] = std::move(torn);
}

// Byte-granular tests: the byte an event stands for, with the bytes byte classes left out
// that take its choices. A left-out byte lies in a segment of at least three bytes, whose
// first two bytes are kept: the run of left-out bytes after kept byte k belongs to the segment
// that starts at k - 1 (docs/byte-memory.md, "Byte classes").
void describeByte(const model::LocationTable& table, std::int64_t address, model::EventInfo& info) {
    auto place = table.placeOf(address);
    if (!place) {
        return;
    }
    const model::Location& l = table.locations[place->location];
    info.byteEvent = true;
    info.base = l.name;
    info.offset = place->offset;
    info.elementSize = l.elementSize;
    info.locationSize = l.size;
    info.array = l.size > l.elementSize;
    info.isSigned = l.isSigned;
    info.bigEndian = table.bigEndian;
    if (l.keptBytes.empty()) {
        return;
    }
    auto it = std::find(l.keptBytes.begin(), l.keptBytes.end(), place->offset + 1);
    if (it == l.keptBytes.end()) {
        return;
    }
    const std::uint32_t second = *it;
    const std::uint32_t next = std::next(it) == l.keptBytes.end() ? l.size : *std::next(it);
    if (next > second + 1) {
        info.moreFirst = second + 1;
        info.moreCount = next - second - 1;
    }
}

}  // namespace

std::string locationName(const model::LocationTable& table, std::int64_t address) {
    for (const auto& loc : table.locations) {
        const std::int64_t offset = address - loc.address;
        if (offset < 0 || offset >= model::LocationTable::kStride) {
            continue;
        }
        if (offset == 0 && (!table.byteGranular || loc.size == 1)) {
            return loc.name;
        }
        if (!table.byteGranular) {
            return fmt::format("{}+{}", loc.name, offset);
        }
        // A byte of a byte-granular test, as the language writes it: `buf+5` would be element
        // 5, so a byte inside a wider element or scalar is `x+5 bytes`.
        if (loc.size > loc.elementSize && loc.elementSize == 1 && offset < loc.size) {
            return fmt::format("{}[{}]", loc.name, offset);
        }
        return fmt::format("{}+{} {}", loc.name, offset, offset == 1 ? "byte" : "bytes");
    }
    return {};
}

BuiltGraph buildExecutionGraph(const model::EventStructure& es, const Candidate& c) {
    BuiltGraph out;
    std::vector<std::int64_t> graphIndex(es.events.size(), -1);
    for (std::uint32_t e = 0; e < es.events.size(); ++e) {
        if (c.executed[e]) {
            graphIndex[e] = static_cast<std::int64_t>(out.symEvent.size());
            out.symEvent.push_back(e);
        }
    }
    std::size_t n = out.symEvent.size();
    model::ExecutionGraph& g = out.graph;
    for (const char* name : {"R", "W", "M", "F", "IW", "FW"}) {
        g.sets[name] = EventSet(n);
    }
    for (const char* name : {"po", "rf", "rmw", "addr", "data", "ctrl", "loc", "int", "ext"}) {
        g.relations[name] = Relation(n);
    }
    g.relations["id"] = Relation::identity(n);

    // herd's FW holds the final writes of observed locations, never an initial write.
    std::vector<bool> finalWrite(es.events.size(), false);
    for (const auto& w : c.finalWrite) {
        if (w && es.events[*w].thread >= 0) {
            finalWrite[*w] = true;
        }
    }
    for (EventIndex i = 0; i < n; ++i) {
        std::uint32_t e = out.symEvent[i];
        const model::SymEvent& ev = es.events[e];
        model::EventInfo info;
        info.thread = ev.thread;
        info.poIndex = ev.poIndex;
        info.kind = kindName(ev);
        for (const auto& s : ev.sets) {
            auto [it, fresh] = g.sets.try_emplace(s, EventSet(n));
            it->second.insert(i);
            if (s != "R" && s != "W" && s != "F") {
                info.tags.push_back(s);
            }
        }
        if (ev.kind != model::EventKind::Fence) {
            g.sets["M"].insert(i);
        }
        if (hasLocation(ev)) {
            info.location = locationName(es.locations, c.addresses[e]);
            info.value = c.values[e];
            if (es.byteGranular()) {
                describeByte(es.locations, c.addresses[e], info);
            }
        }
        info.line = ev.range.begin.line;
        info.column = ev.range.begin.column;
        if (ev.thread < 0 && ev.inSet("W")) {
            g.sets["IW"].insert(i);
        }
        if (finalWrite[e]) {
            g.sets["FW"].insert(i);
        }
        info.label = labelOf(info);
        g.events.push_back(std::move(info));
    }

    Relation& po = g.relations["po"];
    Relation& loc = g.relations["loc"];
    Relation& internal = g.relations["int"];
    Relation& external = g.relations["ext"];
    for (EventIndex a = 0; a < n; ++a) {
        const model::SymEvent& ea = es.events[out.symEvent[a]];
        bool memA = hasLocation(ea);
        for (EventIndex b = 0; b < n; ++b) {
            const model::SymEvent& eb = es.events[out.symEvent[b]];
            bool memB = hasLocation(eb);
            // herd: init writes belong to no thread (never int) yet share one "proc" (ext
            // never relates two init writes).
            bool sameProc = ea.thread == eb.thread;
            if (sameProc && ea.thread >= 0) {
                internal.insert(a, b);
                if (ea.poIndex < eb.poIndex) {
                    po.insert(a, b);
                }
            }
            if (!sameProc) {
                external.insert(a, b);
            }
            if (memA && memB && c.addresses[out.symEvent[a]] == c.addresses[out.symEvent[b]]) {
                loc.insert(a, b);
            }
        }
    }
    for (std::uint32_t r = 0; r < es.events.size(); ++r) {
        if (c.rfSource[r] && graphIndex[r] >= 0 && graphIndex[*c.rfSource[r]] >= 0) {
            g.relations["rf"].insert(static_cast<EventIndex>(graphIndex[*c.rfSource[r]]),
                                     static_cast<EventIndex>(graphIndex[r]));
        }
    }
    auto addStatic = [&](const char* name, const std::vector<model::EventPair>& pairs) {
        for (const auto& [a, b] : pairs) {
            if (graphIndex.at(a) >= 0 && graphIndex.at(b) >= 0) {
                g.relations[name].insert(static_cast<EventIndex>(graphIndex[a]),
                                         static_cast<EventIndex>(graphIndex[b]));
            }
        }
    };
    addStatic("rmw", es.rmw);
    addStatic("addr", es.addr);
    addStatic("data", es.data);
    addStatic("ctrl", es.ctrl);
    if (es.byteGranular()) {
        addByteRelations(es, c, graphIndex, g);
    }
    return out;
}

}  // namespace memx::solver
