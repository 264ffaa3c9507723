// The primitive table: what each kernel primitive (READ_ONCE, xchg_acquire, spin_lock, ...)
// means in terms of herd's internal operations. Two sources fill the same type: memx's
// built-in LKMM table (lkmmPrimitives()) and the reader for herd `.def` macro files
// (def_reader.hpp). Macros that expand to other macros are inlined when the table is built, so
// every entry is already in terms of internal operations and two tables compare with `==`.
//
// Adding a kernel primitive: if it maps onto an existing internal operation, add one line to
// lkmm_primitives.cpp (and its test in tests/events); users of a .def need nothing. A new
// internal operation needs a PrimOpKind, its arity in def_reader.cpp and its events in
// primitive_expansion.cpp (see the conventions in event_builder.hpp).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace memx::model {

// herd's internal operations (`__load{tag}(addr)`, `__xchg{tag}(addr,val)`, ...).
enum class PrimOpKind {
    Load,             // __load{tag}(lvalue)                      returns the value read
    Store,            // __store{tag}(lvalue, value)
    Fence,            // __fence{tag}
    Xchg,             // __xchg{tag}(addr, value)                 returns the old value
    Cmpxchg,          // __cmpxchg{tag}(addr, old, new)           returns the old value
    AtomicOp,         // __atomic_op{tag}(addr, op, value)        no return value
    AtomicOpReturn,   // __atomic_op_return{tag}(addr, op, value) returns the new value
    AtomicFetchOp,    // __atomic_fetch_op{tag}(addr, op, value)  returns the old value
    AtomicAddUnless,  // __atomic_add_unless{tag}(addr, a, u)     returns 1 if it added
    Lock,             // __lock(addr)
    Unlock,           // __unlock(addr)
    TryLock,          // __trylock(addr)                          returns 1 on success
    IsLocked,         // __islocked(addr)                         returns 1 if held
    Srcu,             // __srcu{tag}(addr)  (synchronize_srcu)
    // herd's built-in C11 compare-exchange (no .def form): (obj, expected*, desired); on
    // failure the value read is stored to *expected. Strong fails only on a mismatch.
    CompareExchangeStrong,
    CompareExchangeWeak,
};

// The arithmetic of atomic_op and friends: `+ - & | ^` and `&~` (andnot).
enum class AtomicArith { None, Add, Sub, And, Or, Xor, AndNot };

// An argument of an internal operation: one of the macro's parameters (with `derefs` leading
// `*`), or an integer constant.
struct PrimArg {
    enum class Kind { Param, Const } kind = Kind::Param;
    int param = 0;
    int derefs = 0;
    std::int64_t value = 0;
    bool operator==(const PrimArg&) const = default;

    static PrimArg parameter(int index, int derefCount = 0) {
        return {Kind::Param, index, derefCount, 0};
    }
    static PrimArg constant(std::int64_t v) { return {Kind::Const, 0, 0, v}; }
};

struct PrimOp {
    PrimOpKind kind = PrimOpKind::Fence;
    std::string tag;  // annotation as written ("ONCE", "MB", "rmb", "srcu-lock"); may be empty
    AtomicArith arith = AtomicArith::None;
    std::vector<PrimArg> args;  // in herd's argument order, without the arithmetic operator
    // C11 (herd's built-ins): the tag is the memory order named by call argument `orderArg`
    // (memory_order_acquire -> "ACQ", ...), the failure order of a compare-exchange by
    // `failureOrderArg`; `atomic` puts the events in herd's set "A".
    int orderArg = -1;
    int failureOrderArg = -1;
    bool atomic = false;
    bool operator==(const PrimOp&) const = default;
};

// `atomic_dec_and_test(X) __atomic_op_return{MB}(X,-,1) == 0`: the result of the operation
// compared with a constant.
enum class ResultCompare { None, Eq, Ne, Lt, Le, Gt, Ge };

struct Primitive {
    std::string name;
    int arity = 0;
    bool returnsValue = false;  // expression macro: its access op (not a fence) gives the value
    std::vector<PrimOp> ops;    // executed in program order
    ResultCompare compare = ResultCompare::None;
    std::int64_t compareWith = 0;
    bool operator==(const Primitive&) const = default;
};

struct PrimitiveTable {
    std::map<std::string, Primitive> entries;
    const Primitive* find(const std::string& name) const {
        auto it = entries.find(name);
        return it == entries.end() ? nullptr : &it->second;
    }
    void add(Primitive p) { entries[p.name] = std::move(p); }
    bool operator==(const PrimitiveTable&) const = default;
};

// memx's built-in table for the Linux-kernel memory model (herd7 7.58, variant lkmmv2).
const PrimitiveTable& lkmmPrimitives();

// The kernel's primitives with a C++ meaning, for running LKMM tests under rc11: the LKMM
// table with each annotation translated into a C11 memory order (docs/c11-mapping.md).
const PrimitiveTable& rc11Primitives();

// herd's built-in C11 functions (atomic_load_explicit, atomic_thread_fence, ...). The event
// builder falls back to these for names the given table lacks, as herd's C parser knows them
// whatever macros are loaded.
const PrimitiveTable& c11Primitives();

}  // namespace memx::model
