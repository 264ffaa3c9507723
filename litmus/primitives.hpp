// The primitives memx knows in litmus thread bodies, with their arities. The parser rejects
// calls to anything else, or with the wrong number of arguments, with a diagnostic.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace memx::litmus {

enum class PrimitiveFamily {
    Load,      // READ_ONCE, smp_load_acquire, rcu_dereference
    Store,     // WRITE_ONCE, smp_store_release, rcu_assign_pointer, smp_store_mb
    Fence,     // smp_mb, smp_rmb, smp_wmb, the smp_mb__* family, barrier
    Rmw,       // xchg*, cmpxchg*
    Atomic,    // atomic_t operations (atomic_read, atomic_add_return_relaxed, ...)
    Lock,      // spin_* and the C11/herd lock/unlock
    Rcu,       // rcu_read_lock/unlock, synchronize_rcu*
    Srcu,      // srcu_* and synchronize_srcu*
    C11,       // atomic_load_explicit, atomic_thread_fence, ... (memory_order_* arguments)
    UserCopy,  // memx's byte-granular copies: memcpy, copy_from_user, read_volatile, ...
};

struct Primitive {
    std::string_view name;
    int arity;
    PrimitiveFamily family;
    // The argument that names the accessed location (a pointer), or -1 when there is none
    // (fences, RCU) or more than one (the copies, whose source and destination both count).
    int locationArg;
    bool returnsValue;
};

// nullptr when `name` is not a known primitive.
const Primitive* findPrimitive(std::string_view name);

// The known primitive closest to an unknown `name` (case ignored, a swap of two adjacent
// letters counting as one edit), when it is close enough to be a likely typo: for "did you
// mean" in the parser's message.
std::optional<std::string_view> closestPrimitive(std::string_view name);

// Every known primitive, sorted by name.
std::span<const Primitive> allPrimitives();

// `memory_order_relaxed`, ..., the identifiers C11 primitives take as arguments.
bool isMemoryOrder(std::string_view name);

}  // namespace memx::litmus
