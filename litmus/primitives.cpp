// memx's own table of litmus primitives. Names and arities follow the kernel's LKMM
// (tools/memory-model), herd7's C11 dialect, and memx's planned user-copy primitives.
#include "litmus/primitives.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

namespace memx::litmus {

namespace {

// Sorted by name (checked by a test), so lookups can binary-search.
constexpr std::array kPrimitives = {
    Primitive{"READ_ONCE", 1, PrimitiveFamily::Load, 0, true},
    Primitive{"WRITE_ONCE", 2, PrimitiveFamily::Store, 0, false},
    Primitive{"atomic_add", 2, PrimitiveFamily::Atomic, 1, false},
    Primitive{"atomic_add_negative", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_add_negative_acquire", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_add_negative_relaxed", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_add_negative_release", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_add_return", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_add_return_acquire", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_add_return_relaxed", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_add_return_release", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_add_unless", 3, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_and", 2, PrimitiveFamily::Atomic, 1, false},
    Primitive{"atomic_andnot", 2, PrimitiveFamily::Atomic, 1, false},
    Primitive{"atomic_bytewise_memcpy", 3, PrimitiveFamily::UserCopy, -1, false},
    Primitive{"atomic_cmpxchg", 3, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_cmpxchg_acquire", 3, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_cmpxchg_relaxed", 3, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_cmpxchg_release", 3, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_compare_exchange_strong", 3, PrimitiveFamily::C11, 0, true},
    Primitive{"atomic_compare_exchange_strong_explicit", 5, PrimitiveFamily::C11, 0, true},
    Primitive{"atomic_compare_exchange_weak", 3, PrimitiveFamily::C11, 0, true},
    Primitive{"atomic_compare_exchange_weak_explicit", 5, PrimitiveFamily::C11, 0, true},
    Primitive{"atomic_cond_read_acquire", 2, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_cond_read_relaxed", 2, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_dec", 1, PrimitiveFamily::Atomic, 0, false},
    Primitive{"atomic_dec_and_test", 1, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_dec_return", 1, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_dec_return_acquire", 1, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_dec_return_relaxed", 1, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_dec_return_release", 1, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_exchange", 2, PrimitiveFamily::C11, 0, true},
    Primitive{"atomic_exchange_explicit", 3, PrimitiveFamily::C11, 0, true},
    Primitive{"atomic_fetch_add", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_fetch_add_acquire", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_fetch_add_explicit", 3, PrimitiveFamily::C11, 0, true},
    Primitive{"atomic_fetch_add_relaxed", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_fetch_add_release", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_fetch_and", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_fetch_and_acquire", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_fetch_and_explicit", 3, PrimitiveFamily::C11, 0, true},
    Primitive{"atomic_fetch_and_relaxed", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_fetch_and_release", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_fetch_andnot", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_fetch_andnot_acquire", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_fetch_andnot_relaxed", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_fetch_andnot_release", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_fetch_dec", 1, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_fetch_dec_acquire", 1, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_fetch_dec_relaxed", 1, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_fetch_dec_release", 1, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_fetch_inc", 1, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_fetch_inc_acquire", 1, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_fetch_inc_relaxed", 1, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_fetch_inc_release", 1, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_fetch_or", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_fetch_or_acquire", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_fetch_or_explicit", 3, PrimitiveFamily::C11, 0, true},
    Primitive{"atomic_fetch_or_relaxed", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_fetch_or_release", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_fetch_sub", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_fetch_sub_acquire", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_fetch_sub_explicit", 3, PrimitiveFamily::C11, 0, true},
    Primitive{"atomic_fetch_sub_relaxed", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_fetch_sub_release", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_fetch_xor", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_fetch_xor_acquire", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_fetch_xor_explicit", 3, PrimitiveFamily::C11, 0, true},
    Primitive{"atomic_fetch_xor_relaxed", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_fetch_xor_release", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_inc", 1, PrimitiveFamily::Atomic, 0, false},
    Primitive{"atomic_inc_and_test", 1, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_inc_return", 1, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_inc_return_acquire", 1, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_inc_return_relaxed", 1, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_inc_return_release", 1, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_init", 2, PrimitiveFamily::C11, 0, false},
    Primitive{"atomic_load", 1, PrimitiveFamily::C11, 0, true},
    Primitive{"atomic_load_explicit", 2, PrimitiveFamily::C11, 0, true},
    Primitive{"atomic_load_per_byte_memcpy", 4, PrimitiveFamily::UserCopy, -1, false},
    Primitive{"atomic_or", 2, PrimitiveFamily::Atomic, 1, false},
    Primitive{"atomic_read", 1, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_read_acquire", 1, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_set", 2, PrimitiveFamily::Atomic, 0, false},
    Primitive{"atomic_set_release", 2, PrimitiveFamily::Atomic, 0, false},
    Primitive{"atomic_signal_fence", 1, PrimitiveFamily::C11, -1, false},
    Primitive{"atomic_store", 2, PrimitiveFamily::C11, 0, false},
    Primitive{"atomic_store_explicit", 3, PrimitiveFamily::C11, 0, false},
    Primitive{"atomic_store_per_byte_memcpy", 4, PrimitiveFamily::UserCopy, -1, false},
    Primitive{"atomic_sub", 2, PrimitiveFamily::Atomic, 1, false},
    Primitive{"atomic_sub_and_test", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_sub_return", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_sub_return_acquire", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_sub_return_relaxed", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_sub_return_release", 2, PrimitiveFamily::Atomic, 1, true},
    Primitive{"atomic_thread_fence", 1, PrimitiveFamily::C11, -1, false},
    Primitive{"atomic_xchg", 2, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_xchg_acquire", 2, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_xchg_relaxed", 2, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_xchg_release", 2, PrimitiveFamily::Atomic, 0, true},
    Primitive{"atomic_xor", 2, PrimitiveFamily::Atomic, 1, false},
    Primitive{"barrier", 0, PrimitiveFamily::Fence, -1, false},
    Primitive{"cmpxchg", 3, PrimitiveFamily::Rmw, 0, true},
    Primitive{"cmpxchg_acquire", 3, PrimitiveFamily::Rmw, 0, true},
    Primitive{"cmpxchg_relaxed", 3, PrimitiveFamily::Rmw, 0, true},
    Primitive{"cmpxchg_release", 3, PrimitiveFamily::Rmw, 0, true},
    Primitive{"copy_from_user", 3, PrimitiveFamily::UserCopy, -1, false},
    Primitive{"copy_to_user", 3, PrimitiveFamily::UserCopy, -1, false},
    Primitive{"lock", 1, PrimitiveFamily::Lock, 0, false},
    Primitive{"memcpy", 3, PrimitiveFamily::UserCopy, -1, false},
    Primitive{"mtx_lock", 1, PrimitiveFamily::Lock, 0, false},
    Primitive{"mtx_unlock", 1, PrimitiveFamily::Lock, 0, false},
    Primitive{"rcu_assign_pointer", 2, PrimitiveFamily::Store, 0, false},
    Primitive{"rcu_dereference", 1, PrimitiveFamily::Load, 0, true},
    Primitive{"rcu_read_lock", 0, PrimitiveFamily::Rcu, -1, false},
    Primitive{"rcu_read_unlock", 0, PrimitiveFamily::Rcu, -1, false},
    Primitive{"read_volatile", 1, PrimitiveFamily::UserCopy, 0, true},
    Primitive{"smp_cond_load_acquire", 2, PrimitiveFamily::Load, 0, true},
    Primitive{"smp_cond_load_relaxed", 2, PrimitiveFamily::Load, 0, true},
    Primitive{"smp_load_acquire", 1, PrimitiveFamily::Load, 0, true},
    Primitive{"smp_mb", 0, PrimitiveFamily::Fence, -1, false},
    Primitive{"smp_mb__after_atomic", 0, PrimitiveFamily::Fence, -1, false},
    Primitive{"smp_mb__after_spinlock", 0, PrimitiveFamily::Fence, -1, false},
    Primitive{"smp_mb__after_srcu_read_unlock", 0, PrimitiveFamily::Fence, -1, false},
    Primitive{"smp_mb__after_unlock_lock", 0, PrimitiveFamily::Fence, -1, false},
    Primitive{"smp_mb__before_atomic", 0, PrimitiveFamily::Fence, -1, false},
    Primitive{"smp_rmb", 0, PrimitiveFamily::Fence, -1, false},
    Primitive{"smp_store_mb", 2, PrimitiveFamily::Store, 0, false},
    Primitive{"smp_store_release", 2, PrimitiveFamily::Store, 0, false},
    Primitive{"smp_wmb", 0, PrimitiveFamily::Fence, -1, false},
    Primitive{"spin_is_locked", 1, PrimitiveFamily::Lock, 0, true},
    Primitive{"spin_lock", 1, PrimitiveFamily::Lock, 0, false},
    Primitive{"spin_trylock", 1, PrimitiveFamily::Lock, 0, true},
    Primitive{"spin_unlock", 1, PrimitiveFamily::Lock, 0, false},
    Primitive{"srcu_down_read", 1, PrimitiveFamily::Srcu, 0, true},
    Primitive{"srcu_read_lock", 1, PrimitiveFamily::Srcu, 0, true},
    Primitive{"srcu_read_unlock", 2, PrimitiveFamily::Srcu, 0, false},
    Primitive{"srcu_up_read", 2, PrimitiveFamily::Srcu, 0, false},
    Primitive{"synchronize_rcu", 0, PrimitiveFamily::Rcu, -1, false},
    Primitive{"synchronize_rcu_expedited", 0, PrimitiveFamily::Rcu, -1, false},
    Primitive{"synchronize_srcu", 1, PrimitiveFamily::Srcu, 0, false},
    Primitive{"synchronize_srcu_expedited", 1, PrimitiveFamily::Srcu, 0, false},
    Primitive{"unlock", 1, PrimitiveFamily::Lock, 0, false},
    Primitive{"volatile_copy_nonoverlapping_memory", 3, PrimitiveFamily::UserCopy, -1, false},
    Primitive{"volatile_memcpy", 3, PrimitiveFamily::UserCopy, -1, false},
    Primitive{"write_volatile", 2, PrimitiveFamily::UserCopy, 0, false},
    Primitive{"xchg", 2, PrimitiveFamily::Rmw, 0, true},
    Primitive{"xchg_acquire", 2, PrimitiveFamily::Rmw, 0, true},
    Primitive{"xchg_relaxed", 2, PrimitiveFamily::Rmw, 0, true},
    Primitive{"xchg_release", 2, PrimitiveFamily::Rmw, 0, true},
};

constexpr std::array<std::string_view, 6> kMemoryOrders = {
    "memory_order_acq_rel", "memory_order_acquire", "memory_order_consume",
    "memory_order_relaxed", "memory_order_release", "memory_order_seq_cst",
};

}  // namespace

const Primitive* findPrimitive(std::string_view name) {
    auto it = std::lower_bound(kPrimitives.begin(), kPrimitives.end(), name,
                               [](const Primitive& p, std::string_view n) { return p.name < n; });
    if (it == kPrimitives.end() || it->name != name) {
        return nullptr;
    }
    return &*it;
}

namespace {

std::string lowered(std::string_view s) {
    std::string out(s);
    for (char& ch : out) {
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    return out;
}

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
// adjacent characters (the usual typo, WRTIE_ONCE) each cost one.
std::size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) {
        d[i][0] = i;
    }
    for (std::size_t j = 0; j <= b.size(); ++j) {
        d[0][j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}

}  // namespace

std::optional<std::string_view> closestPrimitive(std::string_view name) {
    const std::string wanted = lowered(name);
    // A third of the name's length, at least one edit: close enough to be a typo, far
    // enough that short unrelated names get no suggestion.
    std::size_t best = std::max<std::size_t>(1, wanted.size() / 3) + 1;
    std::optional<std::string_view> found;
    for (const Primitive& p : kPrimitives) {
        const std::size_t d = editDistance(wanted, lowered(p.name));
        if (d < best) {
            best = d;
            found = p.name;
        }
    }
    return found;
}

std::span<const Primitive> allPrimitives() {
    return kPrimitives;
}

bool isMemoryOrder(std::string_view name) {
    return std::find(kMemoryOrders.begin(), kMemoryOrders.end(), name) != kMemoryOrders.end();
}

}  // namespace memx::litmus
