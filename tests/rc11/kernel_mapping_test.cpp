// The C++ meaning of the kernel's primitives (model::rc11Primitives, docs/c11-mapping.md):
// the table entry by entry, and kernel tests run under rc11.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "model/events/primitives.hpp"
#include "tests/rc11/rc11_test_support.hpp"

namespace memx::rc11_test {
namespace {

using model::PrimOpKind;

// "Kind:ORDER" for each op of a primitive, e.g. {"Fence:SC", "Xchg:SC", "Fence:SC"}.
std::vector<std::string> opsOf(const std::string& name) {
    const model::Primitive* p = model::rc11Primitives().find(name);
    if (p == nullptr) {
        ADD_FAILURE() << name << " is not in the rc11 table";
        return {};
    }
    std::vector<std::string> out;
    for (const model::PrimOp& op : p->ops) {
        std::string kind;
        switch (op.kind) {
            case PrimOpKind::Load:
                kind = "Load";
                break;
            case PrimOpKind::Store:
                kind = "Store";
                break;
            case PrimOpKind::Fence:
                kind = "Fence";
                break;
            case PrimOpKind::Xchg:
                kind = "Xchg";
                break;
            case PrimOpKind::Cmpxchg:
                kind = "Cmpxchg";
                break;
            case PrimOpKind::AtomicOp:
                kind = "AtomicOp";
                break;
            case PrimOpKind::AtomicOpReturn:
                kind = "AtomicOpReturn";
                break;
            case PrimOpKind::AtomicFetchOp:
                kind = "AtomicFetchOp";
                break;
            case PrimOpKind::Lock:
                kind = "Lock";
                break;
            case PrimOpKind::Unlock:
                kind = "Unlock";
                break;
            default:
                kind = "Other";
        }
        // Accesses must be atomic (herd's set A); fences never are.
        EXPECT_EQ(op.atomic, op.kind != PrimOpKind::Fence && op.kind != PrimOpKind::Lock &&
                                 op.kind != PrimOpKind::Unlock)
            << name;
        out.push_back(op.tag.empty() ? kind : kind + ":" + op.tag);
    }
    return out;
}

using Ops = std::vector<std::string>;

TEST(KernelMapping, MarkedAccessesAreRelaxedAcquireOrRelease) {
    EXPECT_EQ(opsOf("READ_ONCE"), Ops{"Load:RLX"});
    EXPECT_EQ(opsOf("WRITE_ONCE"), Ops{"Store:RLX"});
    EXPECT_EQ(opsOf("smp_load_acquire"), Ops{"Load:ACQ"});
    EXPECT_EQ(opsOf("smp_store_release"), Ops{"Store:REL"});
    EXPECT_EQ(opsOf("atomic_read"), Ops{"Load:RLX"});
    EXPECT_EQ(opsOf("atomic_set_release"), Ops{"Store:REL"});
    EXPECT_EQ(opsOf("rcu_dereference"), Ops{"Load:ACQ"});
    EXPECT_EQ(opsOf("rcu_assign_pointer"), Ops{"Store:REL"});
    EXPECT_EQ(opsOf("smp_store_mb"), (Ops{"Store:RLX", "Fence:SC"}));
}

TEST(KernelMapping, FencesBecomeC11Fences) {
    EXPECT_EQ(opsOf("smp_mb"), Ops{"Fence:SC"});
    EXPECT_EQ(opsOf("smp_rmb"), Ops{"Fence:ACQ"});
    EXPECT_EQ(opsOf("smp_wmb"), Ops{"Fence:REL"});
    EXPECT_EQ(opsOf("smp_mb__before_atomic"), Ops{"Fence:SC"});
    EXPECT_EQ(opsOf("smp_mb__after_atomic"), Ops{"Fence:SC"});
    EXPECT_EQ(opsOf("smp_mb__after_spinlock"), Ops{"Fence:SC"});
    EXPECT_EQ(opsOf("synchronize_rcu"), Ops{"Fence:SC"});
    EXPECT_EQ(opsOf("barrier"), Ops{});
    EXPECT_EQ(opsOf("rcu_read_lock"), Ops{});
    EXPECT_EQ(opsOf("rcu_read_unlock"), Ops{});
}

TEST(KernelMapping, FullyOrderedRmwsAreSeqCstBetweenSeqCstFences) {
    const Ops fenced{"Fence:SC", "Xchg:SC", "Fence:SC"};
    EXPECT_EQ(opsOf("xchg"), fenced);
    EXPECT_EQ(opsOf("atomic_xchg"), fenced);
    EXPECT_EQ(opsOf("cmpxchg"), (Ops{"Fence:SC", "Cmpxchg:SC", "Fence:SC"}));
    EXPECT_EQ(opsOf("atomic_add_return"), (Ops{"Fence:SC", "AtomicOpReturn:SC", "Fence:SC"}));
    EXPECT_EQ(opsOf("atomic_fetch_andnot"), (Ops{"Fence:SC", "AtomicFetchOp:SC", "Fence:SC"}));
    EXPECT_EQ(opsOf("atomic_dec_and_test"), (Ops{"Fence:SC", "AtomicOpReturn:SC", "Fence:SC"}));
    EXPECT_EQ(opsOf("xchg_relaxed"), Ops{"Xchg:RLX"});
    EXPECT_EQ(opsOf("xchg_acquire"), Ops{"Xchg:ACQ"});
    EXPECT_EQ(opsOf("cmpxchg_release"), Ops{"Cmpxchg:REL"});
    EXPECT_EQ(opsOf("atomic_inc"), Ops{"AtomicOp:RLX"});
    EXPECT_EQ(opsOf("atomic_andnot"), Ops{"AtomicOp:RLX"});
}

TEST(KernelMapping, LocksKeepTheKernelsLockEvents) {
    EXPECT_EQ(opsOf("spin_lock"), Ops{"Lock"});
    EXPECT_EQ(opsOf("spin_unlock"), Ops{"Unlock"});
}

TEST(KernelMapping, OnlySrcuIsLeftOut) {
    std::set<std::string> missing;
    for (const auto& [name, primitive] : model::lkmmPrimitives().entries) {
        if (model::rc11Primitives().find(name) == nullptr) {
            missing.insert(name);
        }
    }
    EXPECT_EQ(missing, (std::set<std::string>{"smp_mb__after_srcu_read_unlock", "srcu_down_read",
                                              "srcu_read_lock", "srcu_read_unlock", "srcu_up_read",
                                              "synchronize_srcu", "synchronize_srcu_expedited"}));
    // Arguments, arity and results are the kernel's.
    for (const auto& [name, primitive] : model::rc11Primitives().entries) {
        const model::Primitive* kernel = model::lkmmPrimitives().find(name);
        ASSERT_NE(kernel, nullptr) << name;
        EXPECT_EQ(primitive.arity, kernel->arity) << name;
        EXPECT_EQ(primitive.returnsValue, kernel->returnsValue) << name;
        EXPECT_EQ(primitive.compare, kernel->compare) << name;
    }
}

TEST(KernelMapping, MessagePassingWithWmbAndRmbIsForbidden) {
    DiagnosticSink sink;
    solver::ModelSelection selection;
    selection.builtin = "rc11";
    auto model = solver::loadModelSelection(selection, sink);
    ASSERT_TRUE(model);
    auto run = solver::runLitmusFile(
        std::string(MEMX_SOURCE_DIR) + "/litmus/library/lkmm/MP+wmb+rmb.litmus", *model, {}, sink);
    ASSERT_TRUE(run);
    EXPECT_EQ(observation(*run), "Never");
    EXPECT_EQ(run->outcome.negative, 3u);
    EXPECT_FALSE(run->outcome.undefined);
    EXPECT_EQ(run->model, "rc11");
}

TEST(KernelMapping, MessagePassingWithOnceAloneIsAllowed) {
    auto run = runText("rc11", R"(C MP+once
{}
P0(int *x, int *y) { WRITE_ONCE(*x, 1); WRITE_ONCE(*y, 1); }
P1(int *x, int *y) { int r0 = READ_ONCE(*y); int r1 = READ_ONCE(*x); }
exists (1:r0=1 /\ 1:r1=0)
)");
    EXPECT_EQ(observation(run), "Sometimes");
    EXPECT_FALSE(run.outcome.undefined) << "READ_ONCE/WRITE_ONCE are atomic: no race";
}

std::string storeBufferingThrough(const std::string& rmw) {
    return R"(C SB+rmw
{}
P0(int *x, int *y, int *s) { WRITE_ONCE(*x, 1); int r9 = )" +
           rmw + R"((s, 1); int r0 = READ_ONCE(*y); }
P1(int *x, int *y, int *t) { WRITE_ONCE(*y, 1); int r9 = )" +
           rmw + R"((t, 1); int r0 = READ_ONCE(*x); }
exists (0:r0=0 /\ 1:r0=0)
)";
}

TEST(KernelMapping, FullyOrderedXchgActsAsAFullBarrier) {
    EXPECT_EQ(observation(runText("rc11", storeBufferingThrough("xchg"))), "Never");
    EXPECT_EQ(observation(runText("rc11", storeBufferingThrough("xchg_relaxed"))), "Sometimes");
}

TEST(KernelMapping, StoreBufferingWithSmpMbIsForbidden) {
    auto run = runText("rc11", R"(C SB+mbs
{}
P0(int *x, int *y) { WRITE_ONCE(*x, 1); smp_mb(); int r0 = READ_ONCE(*y); }
P1(int *x, int *y) { WRITE_ONCE(*y, 1); smp_mb(); int r0 = READ_ONCE(*x); }
exists (0:r0=0 /\ 1:r0=0)
)");
    EXPECT_EQ(observation(run), "Never");
}

TEST(KernelMapping, FencedRmwsReturnTheirValues) {
    // The fences after the RMW must not take the value of the expression.
    auto run = runText("rc11", R"(C values
{ x=1; v=1; }
P0(int *x, atomic_t *v) {
  int r0 = xchg(x, 5);
  int r1 = atomic_add_return(2, v);
  int r2 = atomic_fetch_add(3, v);
  int r3 = cmpxchg(x, 5, 7);
}
exists (0:r0=1 /\ 0:r1=3 /\ 0:r2=3 /\ 0:r3=5 /\ x=7 /\ v=6)
)");
    EXPECT_EQ(observation(run), "Always");
}

TEST(KernelMapping, PlainAccessesAreNonAtomicAndRace) {
    auto run = runText("rc11", R"(C plain-race
{}
P0(int *x) { *x = 1; }
P1(int *x) { int r0 = READ_ONCE(*x); }
exists (1:r0=1)
)");
    EXPECT_TRUE(run.outcome.undefined);
    EXPECT_TRUE(run.outcome.flags.contains("*undef*"));
}

TEST(KernelMapping, SpinlockCriticalSectionsExcludeEachOtherAndDoNotRace) {
    const char* locked = R"(C locked-increments
{}
P0(int *x, spinlock_t *l) { spin_lock(l); int r0 = *x; *x = r0 + 1; spin_unlock(l); }
P1(int *x, spinlock_t *l) { spin_lock(l); int r0 = *x; *x = r0 + 1; spin_unlock(l); }
exists (x=1)
)";
    auto run = runText("rc11", locked);
    EXPECT_EQ(observation(run), "Never");
    EXPECT_FALSE(run.outcome.undefined);
    const char* unlocked = R"(C unlocked-increments
{}
P0(int *x) { int r0 = *x; *x = r0 + 1; }
P1(int *x) { int r0 = *x; *x = r0 + 1; }
exists (x=1)
)";
    EXPECT_TRUE(runText("rc11", unlocked).outcome.undefined);
}

TEST(KernelMapping, SrcuHasNoCxxMeaning) {
    DiagnosticSink sink;
    solver::ModelSelection selection;
    selection.builtin = "rc11";
    auto model = solver::loadModelSelection(selection, sink);
    ASSERT_TRUE(model);
    auto run = solver::runLitmusText(R"(C srcu
{}
P0(srcu_struct *s) { int r0 = srcu_read_lock(s); srcu_read_unlock(s, r0); }
exists (0:r0=0)
)",
                                     "srcu.litmus", *model, {}, sink);
    EXPECT_FALSE(run);
    ASSERT_FALSE(sink.diagnostics().empty());
    EXPECT_NE(sink.diagnostics().front().message.find("srcu_read_lock"), std::string::npos)
        << sink.diagnostics().front().message;
}

}  // namespace
}  // namespace memx::rc11_test
