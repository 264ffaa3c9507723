#include "solver/final_state.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <tuple>

#include "litmus/prop_fold.hpp"
#include "litmus/prop_locations.hpp"

namespace memx::solver {

std::string StateValue::text() const {
    if (variable != 0) {
        return "S" + std::to_string(variable);
    }
    return symbol.empty() ? std::to_string(value) : symbol;
}

bool StateValue::operator<(const StateValue& o) const {
    if ((variable != 0) != (o.variable != 0)) {
        return variable != 0;  // herd's Var before Val
    }
    if (variable != 0) {
        return variable < o.variable;
    }
    bool sym = !symbol.empty();
    bool osym = !o.symbol.empty();
    if (sym != osym) {
        return osym;
    }
    return sym ? symbol < o.symbol : value < o.value;
}

std::string StateKey::text() const {
    return thread >= 0 ? fmt::format("{}:{}", thread, name) : name;
}

bool StateKey::operator<(const StateKey& o) const {
    bool reg = thread >= 0;
    bool oreg = o.thread >= 0;
    if (reg != oreg) {
        return reg;
    }
    return std::tie(thread, name) < std::tie(o.thread, o.name);
}

std::string StateKey::herdText() const {
    bool plainShared =
        thread < 0 && name.find_first_of("[*.") == std::string::npos;  // as herd prints x[1]
    return plainShared ? "[" + name + "]" : text();
}

std::string FinalState::text() const {
    std::string out;
    for (const auto& [key, value] : items) {
        out += (out.empty() ? "" : " ") + key.text() + "=" + value.text() + ";";
    }
    return out;
}

std::string FinalState::herdText() const {
    std::string out;
    for (const auto& [key, value] : items) {
        out += (out.empty() ? "" : " ") + key.herdText() + "=" + value.text() + ";";
    }
    return out;
}

bool FinalState::operator<(const FinalState& o) const {
    return std::lexicographical_compare(items.begin(), items.end(), o.items.begin(), o.items.end(),
                                        [](const auto& a, const auto& b) {
                                            if (!(a.first == b.first)) {
                                                return a.first < b.first;
                                            }
                                            return a.second < b.second;
                                        });
}

StateKey keyOf(const litmus::LocationRef& ref) {
    StateKey key;
    key.thread = ref.thread.value_or(-1);
    key.name = ref.field.empty() ? ref.name : ref.name + "." + ref.field;
    if (ref.index) {
        key.name += fmt::format("[{}]", *ref.index);
    }
    if (ref.deref) {
        key.name = "*" + key.name;
    }
    return key;
}

std::vector<litmus::LocationRef> displayedLocations(const litmus::Program& program) {
    std::vector<litmus::LocationRef> refs;
    litmus::forEachLocationRef(program.condition.prop,
                               [&](const litmus::LocationRef& ref) { refs.push_back(ref); });
    refs.insert(refs.end(), program.locations.begin(), program.locations.end());
    std::sort(refs.begin(), refs.end(),
              [](const auto& a, const auto& b) { return keyOf(a) < keyOf(b); });
    refs.erase(std::unique(refs.begin(), refs.end(),
                           [](const auto& a, const auto& b) { return keyOf(a) == keyOf(b); }),
               refs.end());
    return refs;
}

FinalStateReader::FinalStateReader(const litmus::Program& program,
                                   const model::EventStructure& events, const Candidate& candidate)
    : program_(program), events_(events), candidate_(candidate) {}

StateValue FinalStateReader::named(std::int64_t value) const {
    StateValue v{value, {}};
    for (const auto& loc : events_.locations.locations) {
        if (loc.address == value) {
            v.symbol = loc.name;
        }
    }
    return v;
}

std::int64_t FinalStateReader::addressOf(const std::string& symbol) const {
    for (const auto& loc : events_.locations.locations) {
        if (loc.name == symbol) {
            return loc.address;
        }
    }
    return 0;
}

StateValue FinalStateReader::valueOf(const litmus::LocationRef& ref) const {
    if (ref.thread) {
        auto t = candidate_.registers.find(*ref.thread);
        if (t != candidate_.registers.end()) {
            auto r = t->second.find(ref.name);
            if (r != t->second.end()) {
                if (auto s = candidate_.symbolicRegisters.find(*ref.thread);
                    s != candidate_.symbolicRegisters.end() && s->second.count(ref.name)) {
                    StateValue open;
                    open.variable = s->second.at(ref.name);
                    return open;
                }
                return named(r->second);
            }
        }
        // A register the thread never assigns keeps its initial value (0 by default).
        for (const auto& entry : program_.init) {
            if (entry.thread == ref.thread && entry.name == ref.name && entry.value) {
                return entry.value->kind == litmus::InitValue::Kind::Address
                           ? named(addressOf(entry.value->symbol))
                           : named(entry.value->value);
            }
        }
        return named(0);
    }
    const auto& locs = events_.locations.locations;
    if (events_.locations.byteGranular) {
        return named(elementValue(ref));
    }
    for (std::size_t l = 0; l < locs.size(); ++l) {
        if (locs[l].name == ref.name && l < candidate_.finalWrite.size() &&
            candidate_.finalWrite[l]) {
            return eventValue(*candidate_.finalWrite[l]);
        }
    }
    return named(0);
}

StateValue FinalStateReader::eventValue(std::uint32_t event) const {
    if (const std::uint32_t variable = candidate_.symbolicOf(event); variable != 0) {
        StateValue open;
        open.variable = variable;
        return open;
    }
    return named(candidate_.values[event]);
}

// Byte-granular tests: an element's final value is composed from its bytes' final writes, in
// the table's byte order, sign-extended for signed types. `buf` without an index is buf[0].
std::int64_t FinalStateReader::elementValue(const litmus::LocationRef& ref) const {
    const auto& table = events_.locations;
    for (std::size_t l = 0; l < table.locations.size(); ++l) {
        const auto& loc = table.locations[l];
        if (loc.name != ref.name) {
            continue;
        }
        const auto element = loc.element(ref.field, ref.index.value_or(0));
        if (!element) {
            return 0;
        }
        const std::uint32_t size = element->size;
        std::uint64_t bits = 0;
        for (std::uint32_t b = 0; b < size; ++b) {
            // A named byte always keeps a cell of its own (byte_classes.hpp).
            const auto cell = table.cellOf(l, element->offset + b);
            std::uint64_t byte = 0;
            if (cell && *cell < candidate_.finalWrite.size() && candidate_.finalWrite[*cell]) {
                byte =
                    static_cast<std::uint64_t>(candidate_.values[*candidate_.finalWrite[*cell]]) &
                    0xffu;
            }
            const std::uint32_t shift = table.bigEndian ? size - 1 - b : b;
            bits |= byte << (8 * shift);
        }
        if (element->isSigned && size < 8) {
            const unsigned width = 64 - 8 * size;
            return static_cast<std::int64_t>(bits << width) >> width;
        }
        return static_cast<std::int64_t>(bits);
    }
    return 0;
}

FinalState FinalStateReader::state(const std::vector<litmus::LocationRef>& displayed) const {
    FinalState s;
    for (const auto& ref : displayed) {
        s.items.emplace_back(keyOf(ref), valueOf(ref));
    }
    return s;
}

// herd compares values as it prints them: an open value (S<n>) equals only itself.
bool FinalStateReader::holds(const litmus::PropAtom& atom) const {
    const StateValue lhs = valueOf(atom.lhs);
    StateValue rhs;
    switch (atom.rhs.kind) {
        case litmus::CondValue::Kind::Int:
            rhs.value = atom.rhs.value;
            break;
        case litmus::CondValue::Kind::Address:
            rhs.value = addressOf(atom.rhs.symbol);
            break;
        case litmus::CondValue::Kind::Location:
            rhs = valueOf(atom.rhs.location);
            break;
    }
    return (lhs == rhs) != atom.negated;
}

bool FinalStateReader::holds(const litmus::Prop& prop) const {
    return litmus::foldProp(prop, true, false,
                            [&](const litmus::PropAtom& atom) { return holds(atom); });
}

}  // namespace memx::solver
