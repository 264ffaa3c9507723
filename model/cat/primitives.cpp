// Filling the primitive slots from an execution graph, and native coherence enumeration.
#include <algorithm>
#include <map>
#include <string_view>

#include "model/cat/interpreter.hpp"

namespace memx::cat {

using model::EventIndex;
using model::EventSet;
using model::Relation;

// herd7 computes `pco` (used by herd-lib's cos-ok-opt.cat under variant cos-opt) in OCaml:
// the coherence edges the execution already implies (co0 and the uniproc observations).
model::Relation Interpreter::observedCoherence() const {
    auto set = [&](const char* name) {
        auto it = g_.sets.find(name);
        return it == g_.sets.end() ? EventSet(n_) : it->second;
    };
    const EventSet w = set("W"), r = set("R"), iw = set("IW"), fw = set("FW");
    const Relation loc = graphRelation("loc"), rf = graphRelation("rf");
    const Relation poLoc = graphRelation("po") & loc;
    const Relation rfInv = rf.inverse(), id = Relation::identity(n_);
    const Relation co0 = loc & (Relation::cartesian(iw, w - iw) | Relation::cartesian(w - fw, fw));
    const Relation ww = poLoc & Relation::cartesian(w, w);
    const Relation rw = rf.compose(poLoc & Relation::cartesian(r, w));
    const Relation wr = (poLoc & Relation::cartesian(w, r)).compose(rfInv) - id;
    const Relation rr = rf.compose(poLoc & Relation::cartesian(r, r)).compose(rfInv) - id;
    return co0 | ww | rw | wr | rr;
}

model::Relation Interpreter::graphRelation(const std::string& name) const {
    if (auto it = g_.relations.find(name); it != g_.relations.end())
        return it->second;
    if (name == "pco")
        return observedCoherence();
    if (name == "id")
        return Relation::identity(n_);
    // loc, int and ext: events grouped by location or by thread, each group a block of the
    // relation. Once per candidate; comparing every pair's location strings was a tenth of
    // the time of a test with twenty thousand candidates (C-ManfredSpraul-L1G2xchg).
    const bool byLocation = name == "loc";
    if (!byLocation && name != "int" && name != "ext")
        return Relation(n_);
    const auto& ev = g_.events;
    std::map<std::string_view, EventSet> locations;
    std::map<int, EventSet> threads;
    for (EventIndex e = 0; e < n_; ++e) {
        if (!byLocation) {
            threads.try_emplace(ev[e].thread, n_).first->second.insert(e);
        } else if (!ev[e].location.empty()) {
            locations.try_emplace(ev[e].location, n_).first->second.insert(e);
        }
    }
    Relation r(n_);
    for (const auto& [location, events] : locations)
        r = r | Relation::cartesian(events, events);
    for (const auto& [thread, events] : threads)
        r = r | Relation::cartesian(events, events);
    return name == "ext" ? r.complement() : r;
}

void Interpreter::loadPrimitives() {
    po_ = graphRelation("po");
    // The graph's sets under herd's names ('rmb' -> Rmb), merged when two keys capitalise alike.
    std::map<std::string, EventSet> herdSets;
    for (const auto& [name, set] : g_.sets) {
        auto [it, fresh] = herdSets.try_emplace(tagSetName(name), set);
        if (!fresh)
            it->second = it->second | set;
    }
    globals_.assign(m_.globalCount, Value{EmptyValue{}});
    unbound_.assign(m_.globalCount, 0);
    for (const auto& p : m_.primitives) {
        Value& slot = globals_[p.slot];
        switch (p.kind) {
            case PrimitiveKind::Builtin:
                slot = Value{BuiltinValue{p.builtin}};
                break;
            case PrimitiveKind::GraphRelation:
                slot = Value{graphRelation(p.name)};
                break;
            case PrimitiveKind::Coherence:
                slot = Value{Relation(n_)};
                break;
            case PrimitiveKind::GraphSet:
            case PrimitiveKind::Optional: {
                EventSet s(n_);
                auto it = herdSets.find(p.name);
                bool found = it != herdSets.end();
                if (found)
                    s = it->second;
                // memx's lower-case sets (`torn`) are looked up under their own name.
                if (auto exact = g_.sets.find(p.name); !found && exact != g_.sets.end()) {
                    s = exact->second;
                    found = true;
                }
                if (!found && p.name == "M") {
                    for (const char* part : {"R", "W"})
                        if (auto it = g_.sets.find(part); it != g_.sets.end())
                            s = s | it->second;
                }
                if (p.kind == PrimitiveKind::Optional && !found) {
                    if (auto it = g_.relations.find(p.name); it != g_.relations.end()) {
                        slot = Value{it->second};
                        break;
                    }
                    unbound_[p.slot] = 1;
                }
                slot = Value{std::move(s)};
                break;
            }
        }
    }
}

// Per location, every order of the writes with initial writes first and final writes last;
// `body` runs once per combination over all locations.
void Interpreter::forEachCoherence(const std::function<void(const Relation&)>& body) const {
    auto setOf = [&](const char* name) {
        auto it = g_.sets.find(name);
        return it == g_.sets.end() ? EventSet(n_) : it->second;
    };
    EventSet writes = setOf("W"), initial = setOf("IW"), final = setOf("FW");
    std::map<std::string, std::vector<EventIndex>> byLoc;
    for (EventIndex w : writes.elements())
        byLoc[g_.events[w].location].push_back(w);
    std::vector<std::vector<EventIndex>> locs;
    for (auto& [loc, ws] : byLoc) {
        // Sort key: IW first, FW last, the rest in index order (permuted below).
        std::stable_sort(ws.begin(), ws.end(), [&](EventIndex a, EventIndex b) {
            auto rank = [&](EventIndex e) {
                return initial.contains(e) ? 0
                                           : (final.contains(e) && !initial.contains(e) ? 2 : 1);
            };
            return rank(a) < rank(b);
        });
        locs.push_back(ws);
    }
    Relation co(n_);
    auto choose = [&](auto& self, std::size_t loc) -> void {
        if (loc == locs.size()) {
            body(co);
            return;
        }
        std::vector<EventIndex> ws = locs[loc];
        auto middleBegin =
            std::find_if(ws.begin(), ws.end(), [&](EventIndex e) { return !initial.contains(e); });
        auto middleEnd =
            std::find_if(middleBegin, ws.end(), [&](EventIndex e) { return final.contains(e); });
        std::sort(middleBegin, middleEnd);
        do {
            Relation saved = co;
            for (std::size_t a = 0; a < ws.size(); ++a)
                for (std::size_t b = a + 1; b < ws.size(); ++b)
                    co.insert(ws[a], ws[b]);
            self(self, loc + 1);
            co = saved;
        } while (std::next_permutation(middleBegin, middleEnd));
    };
    choose(choose, 0);
}

void Interpreter::setCoherence(const Relation& co) {
    Relation rf = graphRelation("rf");
    Relation internal = graphRelation("int");
    Relation fr = rf.inverse().compose(co) - Relation::identity(n_);
    for (const auto& p : m_.primitives) {
        if (p.kind != PrimitiveKind::Coherence)
            continue;
        Relation value(n_);
        if (p.name == "co")
            value = co;
        else if (p.name == "coi")
            value = co & internal;
        else if (p.name == "coe")
            value = co - internal;
        else if (p.name == "fr")
            value = fr;
        else if (p.name == "fri")
            value = fr & internal;
        else if (p.name == "fre")
            value = fr - internal;
        globals_[p.slot] = Value{std::move(value)};
    }
}

}  // namespace memx::cat
