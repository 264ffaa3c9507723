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
    // For figures only (the cat layer never reads these): where the event comes from in the
    // litmus source (line 0 for initial writes), and in byte-granular tests the byte it stands
    // for: `base` is the location's name ("buf"), `offset` the byte's offset in it, and
    // [moreFirst, moreFirst + moreCount) the bytes byte classes left without events that take
    // this byte's choices (docs/byte-memory.md); elementSize and array say how the test
    // declared the location (`u8 buf[16]`: 1, true; `u64 x`: 8, false), isSigned whether its
    // elements are signed and bigEndian how the test stores multi-byte values (`--endian`).
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    bool byteEvent = false;
    std::string base;
    std::uint32_t offset = 0;
    std::uint32_t moreFirst = 0;
    std::uint32_t moreCount = 0;
    std::uint32_t elementSize = 0;
    std::uint32_t locationSize = 0;
    bool array = false;
    bool isSigned = false;
    bool bigEndian = false;
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
