// The final state herd reports for an execution: the values of the locations the condition and
// `locations [...]` name, in herd's order (registers by thread then name, then shared
// locations by name), and the condition evaluated on it.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "litmus/ast.hpp"
#include "model/events/event_structure.hpp"
#include "solver/candidate.hpp"

namespace memx::solver {

// A value as herd prints it: an integer, or the name of the location whose address it is.
struct StateValue {
    std::int64_t value = 0;
    std::string symbol;  // non-empty for an address
    // herd's variable n of a value a dependency cycle leaves open, printed S<n> (0: none).
    std::uint32_t variable = 0;
    std::string text() const;
    bool operator==(const StateValue& o) const {
        return variable == o.variable && (variable != 0 || value == o.value);
    }
    // herd: variables first (by number), then integers, then symbols; integers numerically,
    // symbols by name.
    bool operator<(const StateValue& o) const;
};

struct StateKey {
    int thread = -1;   // -1: a shared location
    std::string name;  // register or location, with "[i]" for an array element
    std::string text() const;
    // herd7 7.58's form: a shared location in brackets (`[x]`), registers and array elements
    // as text() prints them.
    std::string herdText() const;
    bool operator==(const StateKey&) const = default;
    bool operator<(const StateKey& o) const;  // registers first, as herd orders locations
};

struct FinalState {
    std::vector<std::pair<StateKey, StateValue>> items;  // sorted by key
    std::string text() const;                            // "0:r0=1; x=2;"
    std::string herdText() const;                        // "0:r0=1; [x]=2;"
    bool operator==(const FinalState& o) const { return items == o.items; }
    bool operator<(const FinalState& o) const;
};

StateKey keyOf(const litmus::LocationRef& ref);

// The locations herd displays: those of the condition and of `locations [...]`, sorted.
std::vector<litmus::LocationRef> displayedLocations(const litmus::Program& program);

// Evaluates locations and propositions on one candidate.
class FinalStateReader {
public:
    FinalStateReader(const litmus::Program& program, const model::EventStructure& events,
                     const Candidate& candidate);
    StateValue valueOf(const litmus::LocationRef& ref) const;
    FinalState state(const std::vector<litmus::LocationRef>& displayed) const;
    bool holds(const litmus::Prop& prop) const;
    bool holds(const litmus::PropAtom& atom) const;

private:
    StateValue named(std::int64_t value) const;
    StateValue eventValue(std::uint32_t event) const;
    std::int64_t addressOf(const std::string& symbol) const;
    std::int64_t elementValue(const litmus::LocationRef& ref) const;

    const litmus::Program& program_;
    const model::EventStructure& events_;
    const Candidate& candidate_;
};

}  // namespace memx::solver
