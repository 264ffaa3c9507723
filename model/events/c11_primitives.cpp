// herd7's built-in C11 functions. herd gives each access the memory order named by its
// `memory_order_*` argument (sets RLX ACQ REL ACQ_REL SC CON) and puts atomics in set "A";
// the forms without _explicit are seq_cst. herd makes a successful RMW one event in both R
// and W; memx represents it as an R*/W* pair linked by rmw, which RC11's `[RMW] | rmw` treats
// alike (one rf choice and one co position per RMW either way).
#include <string>
#include <utility>

#include "model/events/primitives.hpp"

namespace memx::model {

namespace {

PrimArg param(int index, int derefs = 0) {
    return PrimArg::parameter(index, derefs);
}

PrimOp c11Op(PrimOpKind kind, std::vector<PrimArg> args, int orderArg,
             AtomicArith arith = AtomicArith::None) {
    PrimOp op;
    op.kind = kind;
    op.tag = orderArg < 0 ? "SC" : "";
    op.arith = arith;
    op.args = std::move(args);
    op.orderArg = orderArg;
    op.atomic = true;
    return op;
}

Primitive prim(std::string name, int arity, bool returnsValue, PrimOp op) {
    return {std::move(name), arity, returnsValue, {std::move(op)}, ResultCompare::None, 0};
}

PrimitiveTable makeC11Table() {
    PrimitiveTable t;
    // An atomic object is passed by pointer: the access is to *X.
    t.add(prim("atomic_load_explicit", 2, true, c11Op(PrimOpKind::Load, {param(0, 1)}, 1)));
    t.add(prim("atomic_load", 1, true, c11Op(PrimOpKind::Load, {param(0, 1)}, -1)));
    t.add(prim("atomic_store_explicit", 3, false,
               c11Op(PrimOpKind::Store, {param(0, 1), param(1)}, 2)));
    t.add(prim("atomic_store", 2, false, c11Op(PrimOpKind::Store, {param(0, 1), param(1)}, -1)));
    t.add(prim("atomic_thread_fence", 1, false, c11Op(PrimOpKind::Fence, {}, 0)));
    t.add(prim("atomic_exchange_explicit", 3, true,
               c11Op(PrimOpKind::Xchg, {param(0), param(1)}, 2)));
    t.add(prim("atomic_exchange", 2, true, c11Op(PrimOpKind::Xchg, {param(0), param(1)}, -1)));
    const std::pair<const char*, AtomicArith> fetchOps[] = {{"add", AtomicArith::Add},
                                                            {"sub", AtomicArith::Sub},
                                                            {"and", AtomicArith::And},
                                                            {"or", AtomicArith::Or},
                                                            {"xor", AtomicArith::Xor}};
    for (const auto& [name, arith] : fetchOps) {
        t.add(prim(std::string("atomic_fetch_") + name + "_explicit", 3, true,
                   c11Op(PrimOpKind::AtomicFetchOp, {param(0), param(1)}, 2, arith)));
    }
    for (const auto& [suffix, kind] : {std::pair{"strong", PrimOpKind::CompareExchangeStrong},
                                       std::pair{"weak", PrimOpKind::CompareExchangeWeak}}) {
        PrimOp explicitOp = c11Op(kind, {param(0), param(1), param(2)}, 3);
        explicitOp.failureOrderArg = 4;
        t.add(prim(std::string("atomic_compare_exchange_") + suffix + "_explicit", 5, true,
                   explicitOp));
        t.add(prim(std::string("atomic_compare_exchange_") + suffix, 3, true,
                   c11Op(kind, {param(0), param(1), param(2)}, -1)));
    }
    return t;
}

}  // namespace

const PrimitiveTable& c11Primitives() {
    static const PrimitiveTable table = makeC11Table();
    return table;
}

}  // namespace memx::model
