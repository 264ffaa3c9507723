#include "solver/observed_locations.hpp"

#include <set>
#include <string>

#include "litmus/prop_locations.hpp"

namespace memx::solver {

std::vector<bool> observedLocations(const litmus::Program& program,
                                    const model::EventStructure& events) {
    std::set<std::string> names;
    auto collect = [&](const litmus::LocationRef& ref) {
        if (!ref.thread) {
            names.insert(ref.name);
        }
    };
    litmus::forEachLocationRef(program.condition.prop, collect);
    litmus::forEachLocationRef(program.filter, collect);
    for (const auto& ref : program.locations) {
        collect(ref);
    }
    std::vector<bool> observed;
    for (const auto& loc : events.locations.locations) {
        observed.push_back(names.count(loc.name) > 0);
    }
    return observed;
}

}  // namespace memx::solver
