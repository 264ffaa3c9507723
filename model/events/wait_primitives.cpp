// The kernel's conditional waits, which herd7's .def cannot express (a loop inside an
// expression): smp_cond_load_relaxed/acquire(ptr, cond) and atomic_cond_read_relaxed/
// acquire(v, cond) read *ptr until `cond`, which names the value read VAL, holds, and return
// that value. memx builds them as the loop a test would write out,
//     VAL = READ_ONCE(*ptr); while (!(cond)) VAL = READ_ONCE(*ptr);
// with smp_load_acquire (atomic_read_acquire) for the acquire forms, so each reading of loops
// (docs/loops.md) treats them as it treats that loop. The kernel's generic acquire form reads
// with READ_ONCE and adds smp_acquire__after_ctrl_dep() after the loop; an acquire read is the
// ordering the kernel documents for the value returned (arm64 reads with load-acquire).
#include <memory>

#include "model/events/thread_builder.hpp"

namespace memx::model::detail {

using namespace memx::litmus;

namespace {

struct WaitShape {
    const char* name;
    const char* load;  // the primitive each iteration reads with
    bool dereference;  // READ_ONCE(*ptr) takes `*ptr`; the others take the pointer
};

constexpr WaitShape kWaits[] = {
    {"smp_cond_load_relaxed", "READ_ONCE", true},
    {"smp_cond_load_acquire", "smp_load_acquire", false},
    {"atomic_cond_read_relaxed", "atomic_read", false},
    {"atomic_cond_read_acquire", "atomic_read_acquire", false},
};

ExprPtr makeExpr(decltype(Expr::node) node, const Loc& loc) {
    return std::make_shared<const Expr>(Expr{std::move(node), loc});
}

StmtPtr makeStmt(decltype(Stmt::node) node, const Loc& loc) {
    return std::make_shared<const Stmt>(Stmt{std::move(node), loc});
}

}  // namespace

bool isConditionalWait(const std::string& name) {
    for (const WaitShape& w : kWaits) {
        if (name == w.name) {
            return true;
        }
    }
    return false;
}

std::optional<Value> ThreadBuilder::callConditionalWait(const Call& c, const Loc& loc) {
    const WaitShape* shape = nullptr;
    for (const WaitShape& w : kWaits) {
        shape = c.callee == w.name ? &w : shape;
    }
    if (shape == nullptr || c.args.size() != 2) {
        fail(loc, c.callee + " takes 2 arguments (a pointer and a condition on VAL), not " +
                      std::to_string(c.args.size()));
        return std::nullopt;
    }
    const std::string val = "VAL";
    ExprPtr pointer =
        shape->dereference ? makeExpr(Unary{UnaryOp::Deref, c.args[0]}, loc) : c.args[0];
    ExprPtr load = makeExpr(Call{shape->load, {pointer}}, loc);
    StmtPtr readIt = makeStmt(AssignStmt{makeExpr(Ident{val}, loc), load}, loc);
    StmtPtr loop = makeStmt(
        WhileStmt{makeExpr(Unary{UnaryOp::Not, c.args[1]}, loc), readIt, LoopKind::While, nullptr},
        loc);
    // VAL is the condition's own name: a register of the test called VAL is set aside.
    std::optional<Value> saved;
    if (auto it = registers_.find(val); it != registers_.end()) {
        saved = it->second;
    }
    const bool wasParam = params_.count(val) > 0;
    std::optional<Value> result;
    if (exec(*readIt) && exec(*loop)) {
        result = registers_.at(val);
    }
    registers_.erase(val);
    if (saved) {
        registers_[val] = *saved;
    }
    if (wasParam) {
        params_.insert(val);
    }
    return result;
}

}  // namespace memx::model::detail
