// Expansion of a primitive call into events, following herd7's C semantics for the kernel's
// model with variant lkmmv2: an RMW's tag goes on both its read and its write (no wrapping
// fences), a conditional RMW's write happens only when its test succeeds, and lock
// operations become herd's dedicated lock events.
#include <optional>
#include <string>

#include "model/events/thread_builder.hpp"

namespace memx::model::detail {

using namespace memx::litmus;

struct ThreadBuilder::CallFrame {
    const Call& call;
    const Loc& loc;
    std::vector<std::optional<Value>> argCache;
};

namespace {

std::vector<std::string> withTags(std::vector<std::string> sets, const std::string& tag) {
    for (std::string& s : tagSets(tag)) {
        sets.push_back(std::move(s));
    }
    return sets;
}

SymOp compareOp(ResultCompare c) {
    switch (c) {
        case ResultCompare::Eq:
            return SymOp::Eq;
        case ResultCompare::Ne:
            return SymOp::Ne;
        case ResultCompare::Lt:
            return SymOp::Lt;
        case ResultCompare::Le:
            return SymOp::Le;
        case ResultCompare::Gt:
            return SymOp::Gt;
        case ResultCompare::Ge:
            return SymOp::Ge;
        case ResultCompare::None:
            break;
    }
    return SymOp::Eq;
}

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

std::optional<Value> ThreadBuilder::call(const Call& c, const Loc& loc, bool needValue) {
    const Primitive* prim = ctx_.primitives.find(c.callee);
    if (prim == nullptr) {
        fail(loc, "unknown primitive '" + c.callee + "'");
        return std::nullopt;
    }
    if (c.args.size() != static_cast<std::size_t>(prim->arity)) {
        fail(loc, c.callee + " takes " + plural(static_cast<std::size_t>(prim->arity), "argument") +
                      ", not " + std::to_string(c.args.size()));
        return std::nullopt;
    }
    if (needValue && !prim->returnsValue) {
        fail(loc, c.callee + " does not return a value");
        return std::nullopt;
    }
    CallFrame frame{c, loc, std::vector<std::optional<Value>>(c.args.size())};
    Value result;
    for (const PrimOp& op : prim->ops) {
        auto v = runOp(frame, op);
        if (!v) {
            return std::nullopt;
        }
        result = std::move(*v);
    }
    if (prim->compare != ResultCompare::None) {
        result.id =
            node(compareOp(prim->compare), {result.id, ctx_.es.constant(prim->compareWith)});
    }
    return result;
}

std::optional<Value> ThreadBuilder::argValue(CallFrame& f, const PrimArg& a) {
    if (a.kind == PrimArg::Kind::Const) {
        return Value{ctx_.es.constant(a.value), {}};
    }
    auto& cached = f.argCache.at(static_cast<std::size_t>(a.param));
    if (!cached) {
        cached = eval(*f.call.args[static_cast<std::size_t>(a.param)]);
        if (!cached) {
            return std::nullopt;
        }
    }
    Value v = *cached;
    for (int i = 0; i < a.derefs; ++i) {
        v = plainLoad(v, f.loc);
    }
    return v;
}

std::optional<Value> ThreadBuilder::argLvalueAddress(CallFrame& f, const PrimArg& a) {
    if (a.kind == PrimArg::Kind::Param && a.derefs > 0) {
        PrimArg pointer = a;
        --pointer.derefs;
        return argValue(f, pointer);
    }
    if (a.kind == PrimArg::Kind::Param) {
        const Expr& actual = *f.call.args[static_cast<std::size_t>(a.param)];
        const auto* u = std::get_if<Unary>(&actual.node);
        if (u != nullptr && u->op == UnaryOp::Deref) {
            return eval(*u->operand);
        }
        fail(actual.loc, "the argument of " + f.call.callee + " must be a dereference such as *x");
        return std::nullopt;
    }
    fail(f.loc, f.call.callee + " accesses a constant, not a location");
    return std::nullopt;
}

std::optional<Value> ThreadBuilder::runOp(CallFrame& f, const PrimOp& op) {
    const std::string& name = f.call.callee;
    switch (op.kind) {
        case PrimOpKind::Load: {
            auto address = argLvalueAddress(f, op.args.at(0));
            if (!address) {
                return std::nullopt;
            }
            std::uint32_t r = addEvent(EventKind::Read, withTags({"R"}, op.tag), *address, 0,
                                       guard_, name, f.loc);
            return readValueOf(r);
        }
        case PrimOpKind::Store: {
            auto address = argLvalueAddress(f, op.args.at(0));
            auto v = address ? argValue(f, op.args.at(1)) : std::nullopt;
            if (!v) {
                return std::nullopt;
            }
            std::uint32_t w = addEvent(EventKind::Write, withTags({"W"}, op.tag), *address, v->id,
                                       guard_, name, f.loc);
            addEdges(ctx_.es.data, v->deps, w);
            return Value{};
        }
        case PrimOpKind::Fence:
            addEvent(EventKind::Fence, withTags({"F"}, op.tag), Value{}, 0, guard_, name, f.loc);
            return Value{};
        case PrimOpKind::Srcu: {
            // herd's SRCU action: located, but neither a fence nor a memory access.
            auto address = argValue(f, op.args.at(0));
            if (!address) {
                return std::nullopt;
            }
            addEvent(EventKind::Fence, withTags({}, op.tag), *address, 0, guard_, name, f.loc);
            return Value{};
        }
        case PrimOpKind::Lock:
        case PrimOpKind::Unlock:
        case PrimOpKind::TryLock:
        case PrimOpKind::IsLocked: {
            auto address = argValue(f, op.args.at(0));
            if (!address) {
                return std::nullopt;
            }
            return runLockOp(f, op, *address);
        }
        default:
            return runRmw(f, op);
    }
}

std::optional<Value> ThreadBuilder::runRmw(CallFrame& f, const PrimOp& op) {
    const std::string& name = f.call.callee;
    auto address = argValue(f, op.args.at(0));
    if (!address) {
        return std::nullopt;
    }
    std::vector<Value> operands;
    for (std::size_t i = 1; i < op.args.size(); ++i) {
        auto v = argValue(f, op.args[i]);
        if (!v) {
            return std::nullopt;
        }
        operands.push_back(std::move(*v));
    }
    std::uint32_t r =
        addEvent(EventKind::Read, withTags({"R", "RMW"}, op.tag), *address, 0, guard_, name, f.loc);
    const Value read = readValueOf(r);

    SymId writeGuard = guard_;
    SymId written = 0;
    Value result = read;
    bool writtenFromRead = false;
    const std::set<std::uint32_t>* valueDeps = nullptr;
    switch (op.kind) {
        case PrimOpKind::Xchg:
            written = operands.at(0).id;
            valueDeps = &operands[0].deps;
            break;
        case PrimOpKind::Cmpxchg:
            // Success iff the read sees `old`; a failed cmpxchg is its read alone.
            writeGuard = guardAnd(guard_, node(SymOp::Eq, {read.id, operands.at(0).id}));
            written = operands.at(1).id;
            valueDeps = &operands[1].deps;
            break;
        case PrimOpKind::AtomicAddUnless: {
            SymId added = node(SymOp::Ne, {read.id, operands.at(1).id});
            writeGuard = guardAnd(guard_, added);
            written = node(SymOp::Add, {read.id, operands.at(0).id});
            valueDeps = &operands[0].deps;
            writtenFromRead = true;
            result = Value{added, {r}};
            break;
        }
        default: {
            const Value& v = operands.at(0);
            switch (op.arith) {
                case AtomicArith::Add:
                    written = node(SymOp::Add, {read.id, v.id});
                    break;
                case AtomicArith::Sub:
                    written = node(SymOp::Sub, {read.id, v.id});
                    break;
                case AtomicArith::And:
                    written = node(SymOp::BitAnd, {read.id, v.id});
                    break;
                case AtomicArith::Or:
                    written = node(SymOp::BitOr, {read.id, v.id});
                    break;
                case AtomicArith::Xor:
                    written = node(SymOp::BitXor, {read.id, v.id});
                    break;
                case AtomicArith::AndNot:
                    written = node(SymOp::BitAnd, {read.id, node(SymOp::BitNot, {v.id})});
                    break;
                case AtomicArith::None:
                    fail(f.loc, name + ": atomic operation without an operator");
                    return std::nullopt;
            }
            valueDeps = &v.deps;
            writtenFromRead = true;
            if (op.kind == PrimOpKind::AtomicOpReturn) {
                result = Value{written, read.deps};
                result.deps.insert(v.deps.begin(), v.deps.end());
            } else if (op.kind == PrimOpKind::AtomicOp) {
                result = Value{};
            }
        }
    }
    std::uint32_t w = addEvent(EventKind::Write, withTags({"W", "RMW"}, op.tag), *address, written,
                               writeGuard, name, f.loc);
    ctx_.es.rmw.emplace_back(r, w);
    addEdges(ctx_.es.data, *valueDeps, w);
    if (writtenFromRead) {
        ctx_.es.data.emplace_back(r, w);
    }
    return result;
}

std::optional<Value> ThreadBuilder::runLockOp(CallFrame& f, const PrimOp& op,
                                              const Value& address) {
    const std::string& name = f.call.callee;
    auto lockPair = [&](SymId guard) {
        addEvent(EventKind::Read, {"LKR", "LK"}, address, 0, guard, name, f.loc);
        addEvent(EventKind::Write, {"LKW", "LK"}, address, 0, guard, name, f.loc);
    };
    switch (op.kind) {
        case PrimOpKind::Lock:
            lockPair(guard_);
            return Value{};
        case PrimOpKind::Unlock:
            addEvent(EventKind::Write, {"UL"}, address, 0, guard_, name, f.loc);
            return Value{};
        case PrimOpKind::TryLock: {
            SymId success = newChoice(guard_);
            lockPair(guardAnd(guard_, success));
            addEvent(EventKind::Read, {"LF"}, address, 0,
                     guardAnd(guard_, node(SymOp::Not, {success})), name, f.loc);
            return Value{success, {}};
        }
        default: {
            SymId locked = newChoice(guard_);
            addEvent(EventKind::Read, {"RL"}, address, 0, guardAnd(guard_, locked), name, f.loc);
            addEvent(EventKind::Read, {"RU"}, address, 0,
                     guardAnd(guard_, node(SymOp::Not, {locked})), name, f.loc);
            return Value{locked, {}};
        }
    }
}

}  // namespace memx::model::detail
