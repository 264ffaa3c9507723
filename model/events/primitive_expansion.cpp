// Expansion of a primitive call into events, following herd7's C semantics for the kernel's
// model with variant lkmmv2: an RMW's tag goes on both its read and its write (no wrapping
// fences), a conditional RMW's write happens only when its test succeeds, and lock
// operations become herd's dedicated lock events.
#include <algorithm>
#include <map>
#include <optional>
#include <string>

#include "model/events/thread_builder.hpp"

namespace memx::model::detail {

using namespace memx::litmus;

struct ThreadBuilder::CallFrame {
    const Call& call;
    const Loc& loc;
    std::vector<std::optional<Value>> argCache;
    // The call is a register's whole new value and forks in herd: its statement is numbered
    // as herd's two alternatives (EventStructure::HerdCodeNode::Kind::Alt).
    bool herdAlt = false;
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

// herd's set for each C11 memory order.
std::optional<std::string> memoryOrderSet(const std::string& name) {
    static const std::map<std::string, std::string> sets = {
        {"memory_order_relaxed", "RLX"},     {"memory_order_consume", "CON"},
        {"memory_order_acquire", "ACQ"},     {"memory_order_release", "REL"},
        {"memory_order_acq_rel", "ACQ_REL"}, {"memory_order_seq_cst", "SC"}};
    auto it = sets.find(name);
    return it == sets.end() ? std::nullopt : std::optional<std::string>(it->second);
}

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

std::optional<Value> ThreadBuilder::call(const Call& c, const Loc& loc, bool needValue) {
    if (ctx_.byteGranular && isUserCopyPrimitive(c.callee)) {
        return callUserCopy(c, loc, needValue);  // byte-granular: herd's names not followed
    }
    if (isConditionalWait(c.callee)) {
        leaveHerdExactNaming();
        return callConditionalWait(c, loc);
    }
    const Primitive* prim = ctx_.primitives.find(c.callee);
    if (prim == nullptr) {
        prim = c11Primitives().find(c.callee);
    }
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
    // herd numbers these as memx's builder does, in one structure: a variable per register the
    // arguments read and per memory read (spin_lock and spin_unlock read their lock register
    // and make lock events that carry no value: CSem.ml's Lock and Unlock; synchronize_srcu
    // reads its register and makes an SRCU event: InstrSRCU); an xchg reads its
    // location, then its value, then memory (eventsMonad.ml's linux_exch); an atomic operation
    // reads its value, then its location, then memory, and makes one more variable for the
    // value it writes (build_atomic_op), and one for a comparison of its result (`== 0` of
    // atomic_dec_and_test, an M.op on that variable).
    auto numberedInOne = [](const PrimOp& op) {
        switch (op.kind) {
            case PrimOpKind::Load:
            case PrimOpKind::Store:
            case PrimOpKind::Fence:
            case PrimOpKind::Lock:
            case PrimOpKind::Unlock:
            case PrimOpKind::Srcu:
            case PrimOpKind::Xchg:
            case PrimOpKind::AtomicOp:
            case PrimOpKind::AtomicOpReturn:
            case PrimOpKind::AtomicFetchOp:
                return !op.atomic;  // C11's RMW is one event of herd's, numbered otherwise
            default:
                return false;
        }
    };
    // cmpxchg, atomic_add_unless, spin_trylock and spin_is_locked make two alternatives (altT),
    // followed where a register takes the result: `r = cmpxchg(x, 0, 1);` (an Alt statement).
    auto forks = [](const PrimOp& op) {
        return !op.atomic &&
               (op.kind == PrimOpKind::Cmpxchg || op.kind == PrimOpKind::AtomicAddUnless ||
                op.kind == PrimOpKind::TryLock || op.kind == PrimOpKind::IsLocked);
    };
    const bool wholeStatement = herdAltStatement_ != kNoHerdStatement && !herdCodeStack_.empty() &&
                                herdAltStatement_ == herdCodeStack_.back() &&
                                ctx_.es.herdCode[herdAltStatement_].first == ctx_.herdVariables;
    herdAltStatement_ = kNoHerdStatement;  // not for the calls in the arguments
    const auto forking = std::count_if(prim->ops.begin(), prim->ops.end(), forks);
    const bool herdAlt = wholeStatement && forking == 1 && prim->compare == ResultCompare::None &&
                         std::all_of(prim->ops.begin(), prim->ops.end(), [&](const PrimOp& op) {
                             return forks(op) || op.kind == PrimOpKind::Fence;
                         });
    const bool herdNumbered =
        herdAlt || (std::all_of(prim->ops.begin(), prim->ops.end(), numberedInOne) &&
                    (prim->compare == ResultCompare::None ||
                     (prim->ops.size() == 1 && prim->ops[0].kind == PrimOpKind::AtomicOpReturn)));
    if (!herdNumbered) {
        leaveHerdExactNaming();  // herd's C11 RMWs were not followed exactly
    }
    CallFrame frame{c, loc, std::vector<std::optional<Value>>(c.args.size()), herdAlt};
    Value result;
    for (const PrimOp& op : prim->ops) {
        auto v = runOp(frame, op);
        if (!v) {
            return std::nullopt;
        }
        // rc11's fully ordered RMWs sit between fences: the value is the RMW's, not a fence's.
        if (op.kind != PrimOpKind::Fence) {
            result = std::move(*v);
        }
    }
    if (prim->compare != ResultCompare::None) {
        result.id =
            node(compareOp(prim->compare), {result.id, ctx_.es.constant(prim->compareWith)});
        result.herdVar = ++ctx_.herdVariables;  // M.op on the operation's variable
    }
    return result;
}

std::optional<Value> ThreadBuilder::argValue(CallFrame& f, const PrimArg& a) {
    if (a.kind == PrimArg::Kind::Const) {
        return Value{ctx_.es.constant(a.value), {}, {}};
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
        // An element, as kernel code writes it: WRITE_ONCE(s[1], 1), READ_ONCE(buf[i]).
        const auto* ix = std::get_if<Index>(&actual.node);
        if (ix != nullptr && ctx_.byteGranular) {
            return evalIndexAddress(*ix);
        }
        fail(actual.loc,
             "the argument of " + f.call.callee + " must be a dereference such as *x" +
                 (ix != nullptr ? " (or an element of a sized array, as u32 s[4])" : ""));
        return std::nullopt;
    }
    fail(f.loc, f.call.callee + " accesses a constant, not a location");
    return std::nullopt;
}

std::optional<std::vector<std::string>> ThreadBuilder::setsFor(CallFrame& f, const PrimOp& op,
                                                               std::vector<std::string> base,
                                                               int orderArg) {
    std::string tag = op.tag;
    if (orderArg >= 0) {
        const Expr& arg = *f.call.args.at(static_cast<std::size_t>(orderArg));
        const auto* id = std::get_if<Ident>(&arg.node);
        auto set = id ? memoryOrderSet(id->name) : std::nullopt;
        if (!set) {
            fail(arg.loc, "expected a memory order such as memory_order_acquire");
            return std::nullopt;
        }
        tag = *set;
    }
    auto sets = withTags(std::move(base), tag);
    if (op.atomic) {
        sets.push_back("A");
    }
    return sets;
}

std::optional<Value> ThreadBuilder::runOp(CallFrame& f, const PrimOp& op) {
    const std::string& name = f.call.callee;
    switch (op.kind) {
        case PrimOpKind::Load: {
            auto sets = setsFor(f, op, {"R"}, op.orderArg);
            auto address = sets ? argLvalueAddress(f, op.args.at(0)) : std::nullopt;
            if (!address) {
                return std::nullopt;
            }
            std::uint32_t r =
                addEvent(EventKind::Read, std::move(*sets), *address, 0, guard_, name, f.loc);
            return readValueOf(r);
        }
        case PrimOpKind::Store: {
            auto sets = setsFor(f, op, {"W"}, op.orderArg);
            auto address = sets ? argLvalueAddress(f, op.args.at(0)) : std::nullopt;
            auto v = address ? argValue(f, op.args.at(1)) : std::nullopt;
            if (!v) {
                return std::nullopt;
            }
            std::uint32_t w =
                addEvent(EventKind::Write, std::move(*sets), *address, v->id, guard_, name, f.loc);
            ctx_.es.setHerdVariable(w, v->herdVar);
            addEdges(ctx_.es.data, v->deps, w);
            return Value{};
        }
        case PrimOpKind::Fence: {
            auto sets = setsFor(f, op, {"F"}, op.orderArg);
            if (!sets) {
                return std::nullopt;
            }
            // herd's "A" holds atomic accesses only, never fences.
            std::erase(*sets, std::string("A"));
            addEvent(EventKind::Fence, std::move(*sets), Value{}, 0, guard_, name, f.loc);
            return Value{};
        }
        case PrimOpKind::CompareExchangeStrong:
        case PrimOpKind::CompareExchangeWeak:
            return runCompareExchange(f, op);
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
    const bool atomicOp = op.kind == PrimOpKind::AtomicOp ||
                          op.kind == PrimOpKind::AtomicOpReturn ||
                          op.kind == PrimOpKind::AtomicFetchOp;
    // herd's atomic operations evaluate the operand before the location (CSem.ml's
    // build_atomic_op), so its variables come first; argValue keeps the value for below.
    if (atomicOp && op.args.size() == 2 && !argValue(f, op.args[1])) {
        return std::nullopt;
    }
    // Where herd forks (f.herdAlt), each alternative numbers some of the arguments' variables.
    const std::uint32_t variablesBefore = ctx_.herdVariables;
    const std::size_t eventsBefore = ctx_.es.events.size();
    auto address = argValue(f, op.args.at(0));
    if (!address) {
        return std::nullopt;
    }
    std::vector<std::uint32_t> variablesAfter{ctx_.herdVariables};  // per argument, in order
    std::vector<Value> operands;
    for (std::size_t i = 1; i < op.args.size(); ++i) {
        auto v = argValue(f, op.args[i]);
        if (!v) {
            return std::nullopt;
        }
        operands.push_back(std::move(*v));
        variablesAfter.push_back(ctx_.herdVariables);
    }
    // Arguments that read memory would read it in each alternative: not followed.
    const bool argumentsReadRegistersOnly = ctx_.es.events.size() == eventsBefore;
    auto readSets = setsFor(f, op, {"R", "RMW"}, op.orderArg);
    auto writeSets = readSets ? setsFor(f, op, {"W", "RMW"}, op.orderArg) : std::nullopt;
    if (!writeSets) {
        return std::nullopt;
    }
    std::uint32_t r =
        addEvent(EventKind::Read, std::move(*readSets), *address, 0, guard_, name, f.loc);
    const Value read = readValueOf(r);

    SymId writeGuard = guard_;
    SymId written = 0;
    std::uint32_t writtenHerdVar = 0;  // herd's variable for the value written
    Value result = read;
    bool writtenFromRead = false;
    const std::set<std::uint32_t>* valueDeps = nullptr;
    switch (op.kind) {
        case PrimOpKind::Xchg:
            written = operands.at(0).id;
            writtenHerdVar = operands[0].herdVar;
            valueDeps = &operands[0].deps;
            break;
        case PrimOpKind::Cmpxchg:
            // Success iff the read sees `old`; a failed cmpxchg is its read alone.
            writeGuard = guardAnd(guard_, node(SymOp::Eq, {read.id, operands.at(0).id}));
            written = operands.at(1).id;
            writtenHerdVar = operands[1].herdVar;
            valueDeps = &operands[1].deps;
            break;
        case PrimOpKind::AtomicAddUnless: {
            SymId added = node(SymOp::Ne, {read.id, operands.at(1).id});
            writeGuard = guardAnd(guard_, added);
            written = node(SymOp::Add, {read.id, operands.at(0).id});
            valueDeps = &operands[0].deps;
            writtenFromRead = true;
            result = Value{added, {r}, {}};
            // herd's success adds (M.add), then compares the read with the limit (neqT: one
            // more variable).
            writtenHerdVar = herdOperatorVariable(BinaryOp::Add, read, operands[0]);
            ++ctx_.herdVariables;
            break;
        }
        default: {
            const Value& v = operands.at(0);
            BinaryOp herdOp = BinaryOp::Add;  // the operator herd's M.op applies to the read
            switch (op.arith) {
                case AtomicArith::Add:
                    written = node(SymOp::Add, {read.id, v.id});
                    break;
                case AtomicArith::Sub:
                    written = node(SymOp::Sub, {read.id, v.id});
                    herdOp = BinaryOp::Sub;
                    break;
                case AtomicArith::And:
                    written = node(SymOp::BitAnd, {read.id, v.id});
                    herdOp = BinaryOp::BitAnd;
                    break;
                case AtomicArith::Or:
                    written = node(SymOp::BitOr, {read.id, v.id});
                    herdOp = BinaryOp::BitOr;
                    break;
                case AtomicArith::Xor:
                    written = node(SymOp::BitXor, {read.id, v.id});
                    herdOp = BinaryOp::BitXor;
                    break;
                case AtomicArith::AndNot:
                    written = node(SymOp::BitAnd, {read.id, node(SymOp::BitNot, {v.id})});
                    herdOp = BinaryOp::BitAnd;
                    break;
                case AtomicArith::None:
                    fail(f.loc, name + ": atomic operation without an operator");
                    return std::nullopt;
            }
            valueDeps = &v.deps;
            writtenFromRead = true;
            // herd's M.op on the value read: a fresh variable, but for `+ 0` and `| 0`.
            writtenHerdVar = herdOperatorVariable(herdOp, read, v);
            if (op.kind == PrimOpKind::AtomicOpReturn) {
                result = Value{written, read.deps, {}, writtenHerdVar};
                result.deps.insert(v.deps.begin(), v.deps.end());
            } else if (op.kind == PrimOpKind::AtomicOp) {
                result = Value{};
            }
        }
    }
    std::uint32_t w = addEvent(EventKind::Write, std::move(*writeSets), *address, written,
                               writeGuard, name, f.loc);
    ctx_.es.setHerdVariable(w, writtenHerdVar);
    ctx_.es.rmw.emplace_back(r, w);
    if (op.kind == PrimOpKind::Cmpxchg) {
        ctx_.es.herdEquations.push_back({r, w, true, read.id, operands.at(0).id});
    } else if (op.kind == PrimOpKind::AtomicAddUnless) {
        ctx_.es.herdEquations.push_back({r, w, false, read.id, operands.at(1).id});
    }
    if (f.herdAlt) {
        // The value assigned (a cmpxchg's `old`, add_unless's limit) must be herd's constant:
        // an assignment between two variables would join them in herd's union-find.
        const Value& assigned = operands.at(op.kind == PrimOpKind::Cmpxchg ? 0 : 1);
        if (!argumentsReadRegistersOnly || assigned.herdVar != 0) {
            leaveHerdExactNaming();
        } else if (op.kind == PrimOpKind::Cmpxchg) {
            // Success (linux_cmpexch_ok): location, old, new, the read. Failure
            // (linux_cmpexch_no): location, old, the read, then neqT's comparison.
            markHerdAlt(variablesBefore,
                        {{variablesBefore, variablesAfter[1]}, {variablesAfter[2], read.herdVar}},
                        1, w, 1);
        } else {
            // Success (linux_add_unless_ok): location, added value, limit, the read, the sum,
            // the comparison. Failure (linux_add_unless_no): location, limit, the read.
            markHerdAlt(variablesBefore,
                        {{variablesBefore, variablesAfter[0]}, {variablesAfter[1], read.herdVar}},
                        0, w, 1);
        }
    }
    addEdges(ctx_.es.data, *valueDeps, w);
    // herd's C11 RMW is one event, so only the kernel's R*/W* pairs get an inner data edge.
    if (writtenFromRead && !op.atomic) {
        ctx_.es.data.emplace_back(r, w);
    }
    return result;
}

std::optional<Value> ThreadBuilder::runCompareExchange(CallFrame& f, const PrimOp& op) {
    // herd: read *expected (plain); then either the RMW succeeds, reading exactly that value,
    // or the object is read with the failure order (strong: a different value) and the value
    // read is stored to *expected. The outcome is a choice; value facts go to `assumptions`.
    const std::string& name = f.call.callee;
    auto successRead = setsFor(f, op, {"R", "RMW"}, op.orderArg);
    auto successWrite = successRead ? setsFor(f, op, {"W", "RMW"}, op.orderArg) : std::nullopt;
    const int failureArg = op.failureOrderArg >= 0 ? op.failureOrderArg : op.orderArg;
    auto failureRead = successWrite ? setsFor(f, op, {"R"}, failureArg) : std::nullopt;
    auto object = failureRead ? argValue(f, op.args.at(0)) : std::nullopt;
    auto expectedAt = object ? argValue(f, op.args.at(1)) : std::nullopt;
    auto desired = expectedAt ? argValue(f, op.args.at(2)) : std::nullopt;
    if (!desired) {
        return std::nullopt;
    }
    const Value expected = plainLoad(*expectedAt, f.loc);
    const SymId success = newChoice(guard_);
    const SymId successGuard = guardAnd(guard_, success);
    const SymId failureGuard = guardAnd(guard_, node(SymOp::Not, {success}));

    std::uint32_t r =
        addEvent(EventKind::Read, std::move(*successRead), *object, 0, successGuard, name, f.loc);
    const Value seen = readValueOf(r);
    ctx_.es.assumptions.emplace_back(successGuard, node(SymOp::Eq, {seen.id, expected.id}));
    std::uint32_t w = addEvent(EventKind::Write, std::move(*successWrite), *object, desired->id,
                               successGuard, name, f.loc);
    ctx_.es.rmw.emplace_back(r, w);
    ctx_.es.herdEquations.push_back({r, w, true, seen.id, expected.id});
    addEdges(ctx_.es.data, desired->deps, w);

    std::uint32_t failed =
        addEvent(EventKind::Read, std::move(*failureRead), *object, 0, failureGuard, name, f.loc);
    const Value failedSeen = readValueOf(failed);
    if (op.kind == PrimOpKind::CompareExchangeStrong) {
        ctx_.es.assumptions.emplace_back(failureGuard,
                                         node(SymOp::Ne, {failedSeen.id, expected.id}));
    }
    std::uint32_t writeBack =
        addEvent(EventKind::Write, {"W"}, *expectedAt, failedSeen.id, failureGuard, name, f.loc);
    ctx_.es.data.emplace_back(failed, writeBack);
    return Value{success, {}, {}};
}

std::optional<Value> ThreadBuilder::runLockOp(CallFrame& f, const PrimOp& op,
                                              const Value& address) {
    const std::string& name = f.call.callee;
    auto lockPair = [&](SymId guard) {
        addEvent(EventKind::Read, {"LKR", "LK"}, address, 0, guard, name, f.loc);
        return addEvent(EventKind::Write, {"LKW", "LK"}, address, 0, guard, name, f.loc);
    };
    // herd reads the lock's location once, then forks into alternatives that make no
    // variables (CSem.ml's TryLock and IsLocked); the success (locked) side comes first in
    // the assignment's list of structures.
    auto markAlt = [&](std::uint32_t firstEvent) {
        if (f.herdAlt) {
            markHerdAlt(ctx_.herdVariables, {}, 0, firstEvent, 0);
        }
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
            markAlt(lockPair(guardAnd(guard_, success)));
            addEvent(EventKind::Read, {"LF"}, address, 0,
                     guardAnd(guard_, node(SymOp::Not, {success})), name, f.loc);
            return Value{success, {}, {}};
        }
        default: {
            SymId locked = newChoice(guard_);
            markAlt(addEvent(EventKind::Read, {"RL"}, address, 0, guardAnd(guard_, locked), name,
                             f.loc));
            addEvent(EventKind::Read, {"RU"}, address, 0,
                     guardAnd(guard_, node(SymOp::Not, {locked})), name, f.loc);
            return Value{locked, {}, {}};
        }
    }
}

}  // namespace memx::model::detail
