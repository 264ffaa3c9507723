// memx's built-in LKMM primitive table. The facts come from the kernel's
// Documentation/herd-representation.txt (v6.15 update, variant lkmmv2): an RMW carries its
// ordering tag on both the read and the write, non-returning atomics are tagged NORETURN,
// and xchg/cmpxchg/_return/fetch_ ops without a suffix are MB. The table is written family by
// family; tests check it against the kernel's linux-kernel.def entry by entry.
#include <initializer_list>
#include <string>
#include <utility>

#include "model/events/primitives.hpp"

namespace memx::model {

namespace {

PrimArg param(int index, int derefs = 0) {
    return PrimArg::parameter(index, derefs);
}
PrimArg constant(std::int64_t v) {
    return PrimArg::constant(v);
}

PrimOp op(PrimOpKind kind, std::string tag, std::vector<PrimArg> args,
          AtomicArith arith = AtomicArith::None) {
    return {kind, std::move(tag), arith, std::move(args)};
}

// A statement macro: `name(...) { ops; }`.
Primitive statement(std::string name, int arity, std::vector<PrimOp> ops) {
    return {std::move(name), arity, false, std::move(ops), ResultCompare::None, 0};
}

// An expression macro: `name(...) op` (optionally compared with a constant).
Primitive expression(std::string name, int arity, PrimOp o, ResultCompare cmp = ResultCompare::None,
                     std::int64_t with = 0) {
    return {std::move(name), arity, true, {std::move(o)}, cmp, with};
}

PrimOp fence(std::string tag) {
    return op(PrimOpKind::Fence, std::move(tag), {});
}

// The four orderings of a value-returning RMW family: no suffix is fully ordered.
constexpr std::pair<const char*, const char*> kOrderings[] = {
    {"", "MB"}, {"_relaxed", "ONCE"}, {"_acquire", "ACQUIRE"}, {"_release", "RELEASE"}};

struct ArithName {
    const char* name;
    AtomicArith arith;
};

void addPlainAccesses(PrimitiveTable& t) {
    // Marked loads and stores. An argument written `X` must be an lvalue `*p`; `*X` means the
    // macro takes the pointer itself.
    t.add(expression("READ_ONCE", 1, op(PrimOpKind::Load, "ONCE", {param(0)})));
    t.add(statement("WRITE_ONCE", 2, {op(PrimOpKind::Store, "ONCE", {param(0), param(1)})}));
    t.add(expression("smp_load_acquire", 1, op(PrimOpKind::Load, "ACQUIRE", {param(0, 1)})));
    t.add(statement("smp_store_release", 2,
                    {op(PrimOpKind::Store, "RELEASE", {param(0, 1), param(1)})}));
    t.add(expression("rcu_dereference", 1, op(PrimOpKind::Load, "ONCE", {param(0)})));
    t.add(statement("rcu_assign_pointer", 2,
                    {op(PrimOpKind::Store, "RELEASE", {param(0), param(1)})}));
    t.add(statement("smp_store_mb", 2,
                    {op(PrimOpKind::Store, "ONCE", {param(0), param(1)}), fence("MB")}));
    t.add(expression("atomic_read", 1, op(PrimOpKind::Load, "ONCE", {param(0, 1)})));
    t.add(statement("atomic_set", 2, {op(PrimOpKind::Store, "ONCE", {param(0, 1), param(1)})}));
    t.add(expression("atomic_read_acquire", 1, op(PrimOpKind::Load, "ACQUIRE", {param(0, 1)})));
    t.add(statement("atomic_set_release", 2,
                    {op(PrimOpKind::Store, "RELEASE", {param(0, 1), param(1)})}));
}

void addFences(PrimitiveTable& t) {
    const std::pair<const char*, const char*> fences[] = {
        {"smp_mb", "MB"},
        {"smp_rmb", "rmb"},
        {"smp_wmb", "wmb"},
        {"smp_mb__before_atomic", "before-atomic"},
        {"smp_mb__after_atomic", "after-atomic"},
        {"smp_mb__after_spinlock", "after-spinlock"},
        {"smp_mb__after_unlock_lock", "after-unlock-lock"},
        {"smp_mb__after_srcu_read_unlock", "after-srcu-read-unlock"},
        {"barrier", "barrier"},
        {"rcu_read_lock", "rcu-lock"},
        {"rcu_read_unlock", "rcu-unlock"},
        {"synchronize_rcu", "sync-rcu"},
        {"synchronize_rcu_expedited", "sync-rcu"},
    };
    for (const auto& [name, tag] : fences) {
        t.add(statement(name, 0, {fence(tag)}));
    }
}

void addLocksAndSrcu(PrimitiveTable& t) {
    t.add(statement("spin_lock", 1, {op(PrimOpKind::Lock, "", {param(0)})}));
    t.add(statement("spin_unlock", 1, {op(PrimOpKind::Unlock, "", {param(0)})}));
    t.add(expression("spin_trylock", 1, op(PrimOpKind::TryLock, "", {param(0)})));
    t.add(expression("spin_is_locked", 1, op(PrimOpKind::IsLocked, "", {param(0)})));
    for (const char* name : {"srcu_read_lock", "srcu_down_read"}) {
        t.add(expression(name, 1, op(PrimOpKind::Load, "srcu-lock", {param(0, 1)})));
    }
    for (const char* name : {"srcu_read_unlock", "srcu_up_read"}) {
        t.add(statement(name, 2, {op(PrimOpKind::Store, "srcu-unlock", {param(0, 1), param(1)})}));
    }
    for (const char* name : {"synchronize_srcu", "synchronize_srcu_expedited"}) {
        t.add(statement(name, 1, {op(PrimOpKind::Srcu, "sync-srcu", {param(0)})}));
    }
}

void addNonReturningAtomics(PrimitiveTable& t) {
    // atomic_OP(V, X): the operand comes first, the atomic_t pointer second.
    const ArithName withOperand[] = {{"add", AtomicArith::Add}, {"sub", AtomicArith::Sub},
                                     {"and", AtomicArith::And}, {"or", AtomicArith::Or},
                                     {"xor", AtomicArith::Xor}, {"andnot", AtomicArith::AndNot}};
    for (const auto& a : withOperand) {
        t.add(statement(std::string("atomic_") + a.name, 2,
                        {op(PrimOpKind::AtomicOp, "NORETURN", {param(1), param(0)}, a.arith)}));
    }
    t.add(statement(
        "atomic_inc", 1,
        {op(PrimOpKind::AtomicOp, "NORETURN", {param(0), constant(1)}, AtomicArith::Add)}));
    t.add(statement(
        "atomic_dec", 1,
        {op(PrimOpKind::AtomicOp, "NORETURN", {param(0), constant(1)}, AtomicArith::Sub)}));
}

void addReturningAtomics(PrimitiveTable& t) {
    for (const auto& [suffix, tag] : kOrderings) {
        const std::string s = suffix;
        for (const char* base : {"xchg", "atomic_xchg"}) {
            t.add(expression(base + s, 2, op(PrimOpKind::Xchg, tag, {param(0), param(1)})));
        }
        for (const char* base : {"cmpxchg", "atomic_cmpxchg"}) {
            t.add(expression(base + s, 3,
                             op(PrimOpKind::Cmpxchg, tag, {param(0), param(1), param(2)})));
        }
        for (const ArithName& a :
             {ArithName{"add", AtomicArith::Add}, ArithName{"sub", AtomicArith::Sub}}) {
            t.add(expression(std::string("atomic_") + a.name + "_return" + s, 2,
                             op(PrimOpKind::AtomicOpReturn, tag, {param(1), param(0)}, a.arith)));
        }
        for (const ArithName& a :
             {ArithName{"inc", AtomicArith::Add}, ArithName{"dec", AtomicArith::Sub}}) {
            t.add(
                expression(std::string("atomic_") + a.name + "_return" + s, 1,
                           op(PrimOpKind::AtomicOpReturn, tag, {param(0), constant(1)}, a.arith)));
            t.add(expression(std::string("atomic_fetch_") + a.name + s, 1,
                             op(PrimOpKind::AtomicFetchOp, tag, {param(0), constant(1)}, a.arith)));
        }
        const ArithName fetchOps[] = {{"add", AtomicArith::Add}, {"sub", AtomicArith::Sub},
                                      {"and", AtomicArith::And}, {"or", AtomicArith::Or},
                                      {"xor", AtomicArith::Xor}, {"andnot", AtomicArith::AndNot}};
        for (const auto& a : fetchOps) {
            t.add(expression(std::string("atomic_fetch_") + a.name + s, 2,
                             op(PrimOpKind::AtomicFetchOp, tag, {param(1), param(0)}, a.arith)));
        }
        t.add(
            expression("atomic_add_negative" + s, 2,
                       op(PrimOpKind::AtomicOpReturn, tag, {param(1), param(0)}, AtomicArith::Add),
                       ResultCompare::Lt, 0));
    }
    // The _and_test forms exist only fully ordered.
    t.add(expression("atomic_sub_and_test", 2,
                     op(PrimOpKind::AtomicOpReturn, "MB", {param(1), param(0)}, AtomicArith::Sub),
                     ResultCompare::Eq, 0));
    t.add(
        expression("atomic_dec_and_test", 1,
                   op(PrimOpKind::AtomicOpReturn, "MB", {param(0), constant(1)}, AtomicArith::Sub),
                   ResultCompare::Eq, 0));
    t.add(
        expression("atomic_inc_and_test", 1,
                   op(PrimOpKind::AtomicOpReturn, "MB", {param(0), constant(1)}, AtomicArith::Add),
                   ResultCompare::Eq, 0));
    t.add(expression("atomic_add_unless", 3,
                     op(PrimOpKind::AtomicAddUnless, "MB", {param(0), param(1), param(2)})));
}

PrimitiveTable makeLkmmTable() {
    PrimitiveTable t;
    addPlainAccesses(t);
    addFences(t);
    addLocksAndSrcu(t);
    addNonReturningAtomics(t);
    addReturningAtomics(t);
    return t;
}

}  // namespace

const PrimitiveTable& lkmmPrimitives() {
    static const PrimitiveTable table = makeLkmmTable();
    return table;
}

}  // namespace memx::model
