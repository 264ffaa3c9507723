// How figures name and describe events: herd-style short names ("a", "b", ..., "z", "aa", ...)
// in thread-major program order with the initial writes last, and a label built from the
// event's facts when the engine supplied none.
#pragma once

#include <string>
#include <vector>

#include "model/execution_graph.hpp"

namespace memx::render {

// names[i] is event i's short name.
std::vector<std::string> shortEventNames(const model::ExecutionGraph& graph);

// The event's own label if set, else "KIND[tag,...] loc=value", e.g. "W[once] x=1".
std::string eventLabel(const model::EventInfo& event);

}  // namespace memx::render
