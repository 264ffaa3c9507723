// One candidate execution as the model checker sees it: numbered events, the named base sets
// and base relations herd gives a model, and per-event facts for display. The cat evaluator
// reads primitives only through these name-keyed maps, never through the engine's structures.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/relation.hpp"

namespace memx::model {

struct EventInfo {
    int thread = -1;                    // -1 for initial writes
    int poIndex = 0;                    // position in its thread's program order
    std::string kind;                   // "R", "W", "F", ... for display
    std::vector<std::string> tags;      // annotations as written in the model ("ONCE", "MB", ...)
    std::string location;               // symbolic location name ("x"), empty for fences
    std::optional<std::int64_t> value;  // value read or written
    std::string label;                  // human-readable, e.g. "R[ONCE] x=1"
};

struct ExecutionGraph {
    std::vector<EventInfo> events;
    // Base sets: "_" is not stored (the evaluator knows the universe). Expected names include
    // R W M F IW FW B RMW and every tag (by the tag's name as the model declares it).
    std::map<std::string, EventSet> sets;
    // Base relations: po rf rmw addr data ctrl loc int ext id, and others a front end supplies.
    std::map<std::string, Relation> relations;

    std::size_t size() const { return events.size(); }
};

}  // namespace memx::model
