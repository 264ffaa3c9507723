// Byte classes (docs/byte-memory.md, "Byte classes"): internal to the event builder, for
// byte-granular tests. Before the split into bytes, each location is cut into segments of
// bytes that every access treats alike: the same accesses cover them, a copy maps a segment
// onto a segment, their initial values are equal, and neither the condition, the filter nor
// `locations` names them. Of a segment only its first kRepresentatives bytes keep events of
// their own (Location::keptBytes), so the cost of a test stops growing with the bytes that
// nothing tells apart.
#pragma once

#include "litmus/ast.hpp"
#include "model/events/thread_builder.hpp"

namespace memx::model::detail {

// Two bytes of a segment are enough to show everything the built-in models can tell about
// it: a torn read takes two of its bytes from different writes; a race, a cycle or a final
// value needs one.
constexpr std::uint32_t kRepresentatives = 2;

// Sets Location::keptBytes of every location that has a segment longer than
// kRepresentatives. Leaves every byte kept when an access's address is not a constant (the
// solver chooses it, so no byte is alike another in advance) or the condition dereferences.
void chooseRepresentativeBytes(BuildContext& ctx, const litmus::Program& program);

}  // namespace memx::model::detail
