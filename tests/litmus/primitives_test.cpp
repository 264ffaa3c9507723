// The primitive table: lookups, arities and the planned user-copy primitives.
#include <gtest/gtest.h>

#include <algorithm>

#include "litmus/primitives.hpp"

namespace memx::litmus {
namespace {

TEST(Primitives, TableIsSortedAndUniqueForBinarySearch) {
    auto all = allPrimitives();
    EXPECT_TRUE(std::is_sorted(all.begin(), all.end(), [](const Primitive& a, const Primitive& b) {
        return a.name < b.name;
    }));
    EXPECT_TRUE(
        std::adjacent_find(all.begin(), all.end(), [](const Primitive& a, const Primitive& b) {
            return a.name == b.name;
        }) == all.end());
    for (const Primitive& p : all) {
        ASSERT_EQ(findPrimitive(p.name), &p) << p.name;
        EXPECT_LT(p.locationArg, std::max(p.arity, 1)) << p.name;
    }
}

TEST(Primitives, KernelArities) {
    EXPECT_EQ(findPrimitive("READ_ONCE")->arity, 1);
    EXPECT_EQ(findPrimitive("WRITE_ONCE")->arity, 2);
    EXPECT_EQ(findPrimitive("smp_mb__after_unlock_lock")->arity, 0);
    EXPECT_EQ(findPrimitive("cmpxchg_release")->arity, 3);
    EXPECT_EQ(findPrimitive("srcu_read_unlock")->arity, 2);
    EXPECT_EQ(findPrimitive("atomic_fetch_andnot_relaxed")->arity, 2);
    // atomic_add(i, v): the location is the second argument.
    EXPECT_EQ(findPrimitive("atomic_add")->locationArg, 1);
    EXPECT_EQ(findPrimitive("atomic_add_unless")->arity, 3);
    EXPECT_EQ(findPrimitive("READ_ONCE")->family, PrimitiveFamily::Load);
    EXPECT_EQ(findPrimitive("spin_trylock")->family, PrimitiveFamily::Lock);
    EXPECT_EQ(findPrimitive("WRITE_TWICE"), nullptr);
}

TEST(Primitives, C11AndMemoryOrders) {
    EXPECT_EQ(findPrimitive("atomic_compare_exchange_strong_explicit")->arity, 5);
    EXPECT_EQ(findPrimitive("atomic_store_explicit")->arity, 3);
    EXPECT_EQ(findPrimitive("atomic_thread_fence")->arity, 1);
    EXPECT_TRUE(isMemoryOrder("memory_order_seq_cst"));
    EXPECT_FALSE(isMemoryOrder("memory_order_sequential"));
}

TEST(Primitives, PlannedUserCopyPrimitives) {
    struct Expected {
        const char* name;
        int arity;
    };
    for (Expected e : {Expected{"memcpy", 3},
                       {"copy_from_user", 3},
                       {"copy_to_user", 3},
                       {"volatile_memcpy", 3},
                       {"volatile_copy_nonoverlapping_memory", 3},
                       {"read_volatile", 1},
                       {"write_volatile", 2},
                       {"atomic_bytewise_memcpy", 3},
                       {"atomic_load_per_byte_memcpy", 4},
                       {"atomic_store_per_byte_memcpy", 4}}) {
        const Primitive* p = findPrimitive(e.name);
        ASSERT_NE(p, nullptr) << e.name;
        EXPECT_EQ(p->arity, e.arity) << e.name;
        EXPECT_EQ(p->family, PrimitiveFamily::UserCopy) << e.name;
    }
}

TEST(Primitives, ClosestPrimitiveSuggestsTyposOnly) {
    EXPECT_EQ(closestPrimitive("WRTIE_ONCE"), "WRITE_ONCE");  // two letters swapped
    EXPECT_EQ(closestPrimitive("read_once"), "READ_ONCE");    // case
    EXPECT_EQ(closestPrimitive("smp_store_relase"), "smp_store_release");
    EXPECT_EQ(closestPrimitive("frobnicate"), std::nullopt);
}

}  // namespace
}  // namespace memx::litmus
