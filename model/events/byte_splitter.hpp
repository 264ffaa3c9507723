// Internal to the event builder, for byte-granular tests only (docs/byte-memory.md): the
// initial writes byte by byte, and the pass that splits every access of s bytes into s byte
// events once all threads are built. See event_builder.hpp for the resulting conventions.
#pragma once

#include "model/events/thread_builder.hpp"

namespace memx::model::detail {

// Marks the initial writes (one per location, of its whole size) for the split, which gives
// each kept byte the byte of its initial value (per element for arrays) in the table's byte
// order, all in one access group per location.
void noteInitialWrites(BuildContext& ctx);

// Replaces each Read/Write event of more than one byte by its bytes, remaps every relation,
// composes read values from the bytes' ReadValue nodes, marks external threads' plain
// accesses, and fills accessGroups/groupOf.
void splitIntoBytes(BuildContext& ctx);

}  // namespace memx::model::detail
