#include "model/events/thread_builder.hpp"

#include <algorithm>
#include <cctype>
#include <type_traits>
#include <utility>

namespace memx::model::detail {

using namespace memx::litmus;

std::vector<std::string> tagSets(const std::string& tag) {
    if (tag.empty()) {
        return {};
    }
    std::string capitalised = tag;
    capitalised[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(tag[0])));
    if (capitalised == tag) {
        return {tag};
    }
    return {tag, capitalised};
}

ThreadBuilder::ThreadBuilder(BuildContext& ctx, const Thread& thread,
                             const std::map<std::string, SymId>& initialRegisters)
    : ctx_(ctx), thread_(thread) {
    // A parameter is a register holding the address of the location of the same name.
    for (const Param& p : thread.params) {
        std::size_t index = ctx.locationIndex.at(p.name);
        registers_[p.name] = {ctx.es.constant(LocationTable::addressOf(index)), {}, {}};
        if (ctx.byteGranular) {
            // `u8 *buf` points to u8s whatever buf is (a sized parameter type acts as a
            // cast); `int *x` to the location's own elements; `int **p` to a pointer.
            PointeeType pointee = locationPointee(index);
            if (p.type.pointerDepth >= 2) {
                pointee = PointeeType{scalarOf(p.type.base), p.type.pointerDepth - 1};
            } else if (isSizedTypeName(p.type.base)) {
                pointee = PointeeType{scalarOf(p.type.base), 0};
            }
            registers_[p.name].pointee = pointee;
        }
        params_.insert(p.name);
    }
    for (const auto& [name, value] : initialRegisters) {
        registers_[name] = {value, {}, {}};
        params_.erase(name);
    }
    for (const StmtPtr& s : thread.body) {
        collectRegisterNames(*s);
    }
}

void ThreadBuilder::collectRegisterNames(const Stmt& s) {
    std::visit(
        [&](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, DeclStmt>) {
                registerNames_.insert(n.name);
            } else if constexpr (std::is_same_v<T, AssignStmt>) {
                if (const auto* id = std::get_if<Ident>(&n.target->node)) {
                    registerNames_.insert(id->name);
                }
            } else if constexpr (std::is_same_v<T, IfStmt>) {
                collectRegisterNames(*n.then);
                if (n.otherwise) {
                    collectRegisterNames(*n.otherwise);
                }
            } else if constexpr (std::is_same_v<T, WhileStmt>) {
                collectRegisterNames(*n.body);
                if (n.step) {
                    collectRegisterNames(*n.step);
                }
            } else if constexpr (std::is_same_v<T, BlockStmt>) {
                for (const StmtPtr& inner : n.body) {
                    collectRegisterNames(*inner);
                }
            }
        },
        s.node);
}

bool ThreadBuilder::run() {
    using Kind = EventStructure::HerdCodeNode::Kind;
    const std::uint32_t body = openHerdCode(Kind::List);
    ctx_.es.herdThreadCode.push_back(body);
    bool ok = true;
    for (const StmtPtr& s : thread_.body) {
        ok = exec(*s) && ok;
    }
    closeHerdCode(body);
    return ok && !accessError_;
}

std::map<std::string, SymId> ThreadBuilder::finalRegisters() const {
    std::map<std::string, SymId> out;
    for (const auto& [name, value] : registers_) {
        if (!params_.count(name)) {
            out[name] = value.id;
        }
    }
    return out;
}

bool ThreadBuilder::fail(const Loc& loc, const std::string& message) {
    ctx_.sink.error(ctx_.fileName, loc.range, message);
    return false;
}

// ---------- statements ----------

bool ThreadBuilder::exec(const Stmt& s) {
    using Kind = EventStructure::HerdCodeNode::Kind;
    const std::uint32_t code = openHerdCode(std::holds_alternative<BlockStmt>(s.node) ? Kind::List
                                            : std::holds_alternative<IfStmt>(s.node)  ? Kind::If
                                                                                     : Kind::Plain);
    const bool ok = std::visit(
        [&](const auto& n) -> bool {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, DeclStmt>) {
                if (n.type.arrayLength) {
                    return fail(s.loc, "local arrays are not supported");
                }
                if (!n.init) {
                    // herd gives a declared register its init-block value, else 0.
                    registers_.try_emplace(n.name, Value{0, {}, {}});
                    params_.erase(n.name);
                    return true;
                }
                auto v = evalAssigned(*n.init);
                if (!v) {
                    return false;
                }
                if (ctx_.byteGranular && n.type.pointerDepth > 0) {
                    v->pointee = PointeeType{scalarOf(n.type.base), n.type.pointerDepth - 1};
                }
                noteHerdRegister(n.name, true, v->herdVar);
                registers_[n.name] = std::move(*v);
                params_.erase(n.name);
                return true;
            } else if constexpr (std::is_same_v<T, AssignStmt>) {
                return assign(n, s.loc);
            } else if constexpr (std::is_same_v<T, ExprStmt>) {
                if (const auto* c = std::get_if<Call>(&n.expr->node)) {
                    return call(*c, n.expr->loc, false).has_value();
                }
                return eval(*n.expr).has_value();
            } else if constexpr (std::is_same_v<T, IfStmt>) {
                return execIf(n);
            } else if constexpr (std::is_same_v<T, WhileStmt>) {
                return execLoop(n, s.loc);
            } else if constexpr (std::is_same_v<T, JumpStmt>) {
                return execJump(n, s.loc);
            } else {
                bool ok = true;
                for (const StmtPtr& inner : n.body) {
                    if (guard_ == 0) {
                        break;  // after break/continue: nothing below runs
                    }
                    ok = exec(*inner) && ok;
                }
                return ok;
            }
        },
        s.node);
    closeHerdCode(code);
    return ok;
}

bool ThreadBuilder::assign(const AssignStmt& s, const Loc& loc) {
    const Expr& target = *s.target;
    if (const auto* id = std::get_if<Ident>(&target.node)) {
        if (ctx_.locationIndex.count(id->name) && !registers_.count(id->name)) {
            return fail(target.loc, "'" + id->name +
                                        "' is a shared location: write it through a "
                                        "pointer parameter, as in *" +
                                        id->name + " = ...");
        }
        auto v = evalAssigned(*s.value);
        if (!v) {
            return false;
        }
        noteHerdRegister(id->name, true, v->herdVar);
        registers_[id->name] = std::move(*v);
        params_.erase(id->name);
        return true;
    }
    const auto* u = std::get_if<Unary>(&target.node);
    const auto* ix = std::get_if<Index>(&target.node);
    if ((u == nullptr || u->op != UnaryOp::Deref) && (ix == nullptr || !ctx_.byteGranular)) {
        return fail(target.loc, "unsupported assignment target");
    }
    auto address = u != nullptr ? eval(*u->operand) : evalIndexAddress(*ix);
    auto v = address ? eval(*s.value) : std::nullopt;
    if (!v) {
        return false;
    }
    std::uint32_t w =
        addEvent(EventKind::Write, {"W"}, *address, v->id, guard_, "plain write", loc);
    ctx_.es.setHerdVariable(w, v->herdVar);
    addEdges(ctx_.es.data, v->deps, w);
    return true;
}

bool ThreadBuilder::execIf(const IfStmt& s) {
    auto cond = eval(*s.cond);
    if (!cond) {
        return false;
    }
    const SymId taken = truthOf(cond->id);
    countHerdCondition(*cond, taken);
    {
        auto& code = ctx_.es.herdCode[herdCodeStack_.back()];
        code.conditionLast = ctx_.herdVariables;
        code.taken = taken;
        if (cond->herdVar == 0) {
            // herd runs one side only; the walk below numbers both, herd_names skips the other.
            if (auto side = foldedValue(taken)) {
                code.decided = *side != 0 ? 1 : 0;
            } else {
                leaveHerdExactNaming();
            }
        }
    }
    const SymId outerGuard = guard_;
    const auto outerCtrl = ctrlSources_;
    if (!foldedValue(taken)) {
        ctx_.es.branches.push_back({taken, outerGuard});
    }
    const auto registersBefore = registers_;
    const auto paramsBefore = params_;
    ctrlSources_.insert(cond->deps.begin(), cond->deps.end());

    guard_ = guardAnd(outerGuard, taken);
    const SymId thenStart = guard_;
    bool ok = exec(*s.then);
    const SymId thenEnd = guard_;
    auto thenRegisters = std::move(registers_);
    auto thenParams = std::move(params_);

    registers_ = registersBefore;
    params_ = paramsBefore;
    guard_ = guardAnd(outerGuard, node(SymOp::Not, {taken}));
    const SymId elseStart = guard_;
    if (s.otherwise) {
        ok = exec(*s.otherwise) && ok;
    }
    const SymId elseEnd = guard_;
    // After a `break` or `continue` in an arm, only the paths that went on reach what follows.
    if (thenEnd == thenStart && elseEnd == elseStart) {
        guard_ = outerGuard;
    } else if (thenEnd == 0 || elseEnd == 0) {
        guard_ = thenEnd == 0 ? elseEnd : thenEnd;
    } else {
        guard_ = node(SymOp::LogOr, {thenEnd, elseEnd});
    }
    ctrlSources_ = outerCtrl;

    // A register whose value differs between the arms gets an Ite on the branch condition.
    // Its dependencies are the union of both arms' (an over-approximation when one arm keeps
    // a value read before the `if`).
    std::set<std::string> names;
    for (const auto& [name, v] : thenRegisters) {
        names.insert(name);
    }
    for (const auto& [name, v] : registers_) {
        names.insert(name);
    }
    for (const std::string& name : names) {
        auto t = thenRegisters.find(name);
        auto e = registers_.find(name);
        Value thenValue = t == thenRegisters.end() ? Value{0, {}, {}} : t->second;
        Value elseValue = e == registers_.end() ? Value{0, {}, {}} : e->second;
        if (thenValue.id == elseValue.id) {
            registers_[name] = std::move(thenValue);
            continue;
        }
        Value merged{node(SymOp::Ite, {taken, thenValue.id, elseValue.id}), thenValue.deps,
                     thenValue.pointee ? thenValue.pointee : elseValue.pointee};
        merged.deps.insert(elseValue.deps.begin(), elseValue.deps.end());
        registers_[name] = std::move(merged);
    }
    std::set<std::string> stillParams;
    for (const std::string& p : params_) {
        if (thenParams.count(p)) {
            stillParams.insert(p);
        }
    }
    params_ = std::move(stillParams);
    return ok;
}

// ---------- loops ----------
// herd7 reads `while (c) body` as nested ifs, `if (c) { body; if (c) { body; ... } }`, cut
// after `--unroll` bodies: where the condition can still hold there, the executions that get
// that far are dropped (an assumption that the cut's guard is false) and the verdict is
// marked "Loop" (EventStructure::loopCuts). So does memx. Events after the loop carry no
// control dependency on its conditions, as after an `if`.
// A loop whose conditions are decided by constants alone (a byte-copy loop over an index)
// is unrolled exactly instead when it is one of memx's own loops (`for`, `do`), or any loop
// under `--loops await`; herd7 cuts even those, and herd's reading does too.

namespace {
// The most iterations an exactly unrolled loop may run: each makes events of its own.
constexpr int kMaxExactIterations = 65536;
}  // namespace

std::optional<std::int64_t> ThreadBuilder::foldedValue(SymId id) {
    if (!ctx_.constants) {
        ctx_.constants.emplace(ctx_.es);
    }
    return ctx_.constants->valueOf(id);
}

namespace {

// A fence that orders, and nothing else: allowed in the body of a wait.
bool isOrderingFence(const SymEvent& e) {
    static const std::set<std::string> kOrdering = {"F",
                                                    "mb",
                                                    "Mb",
                                                    "MB",
                                                    "rmb",
                                                    "Rmb",
                                                    "wmb",
                                                    "Wmb",
                                                    "RLX",
                                                    "ACQ",
                                                    "REL",
                                                    "ACQ_REL",
                                                    "SC",
                                                    "CON",
                                                    "rb_dep",
                                                    "Rb_dep",
                                                    "before-atomic",
                                                    "Before-atomic",
                                                    "after-atomic",
                                                    "After-atomic"};
    for (const std::string& s : e.sets) {
        if (!kOrdering.count(s)) {
            return false;
        }
    }
    return true;
}

// Events [from, to) have no effect another thread can see: reads (not of an RMW, not of a
// lock) and ordering fences only.
bool withoutVisibleEffect(const EventStructure& es, std::size_t from, std::size_t to) {
    for (std::size_t e = from; e < to; ++e) {
        const SymEvent& ev = es.events[e];
        const bool plainRead = ev.kind == EventKind::Read && ev.inSet("R") && !ev.inSet("RMW");
        if (!plainRead && !(ev.kind == EventKind::Fence && isOrderingFence(ev))) {
            return false;
        }
    }
    return true;
}

}  // namespace

bool ThreadBuilder::execLoop(const WhileStmt& s, const Loc& loc) {
    leaveHerdExactNaming();
    const SymId outerGuard = guard_;
    const auto outerCtrl = ctrlSources_;
    const bool herdLoop = s.kind == LoopKind::While && ctx_.options.loops == LoopReading::Herd;
    const bool awaitWaits = ctx_.options.loops == LoopReading::Await;
    const std::size_t firstEvent = ctx_.es.events.size();
    std::size_t lastBody = firstEvent;  // where the last body began
    // `do B while (c)` is `B; while (c) B`: the wait's one body is its second.
    const int waitBodies = s.kind == LoopKind::DoWhile ? 2 : 1;
    std::optional<SymId> blocked;
    // `do body while (c)` is `body; while (c) body`: its first body comes free.
    const int bodiesBeforeCut = ctx_.options.unroll + (s.kind == LoopKind::DoWhile ? 1 : 0);
    // Under --loops await a wait is known after its one body, whatever --unroll says.
    const int cutAt = awaitWaits ? std::max(bodiesBeforeCut, waitBodies) : bodiesBeforeCut;
    loops_.emplace_back();
    std::vector<PathState> exits;
    bool ok = true;
    bool decidedByConstants = true;
    for (int bodies = 0;; ++bodies) {
        if (s.cond && !(s.kind == LoopKind::DoWhile && bodies == 0)) {
            auto cond = eval(*s.cond);
            if (!cond) {
                ok = false;
                break;
            }
            const SymId taken = truthOf(cond->id);
            countHerdCondition(*cond, taken);
            const auto known = foldedValue(taken);
            decidedByConstants = decidedByConstants && known.has_value();
            if (!known || *known == 0) {
                exits.push_back({known ? guard_ : guardAnd(guard_, node(SymOp::Not, {taken})),
                                 registers_, params_});
            }
            if (known && *known == 0) {
                break;
            }
            if (!known) {
                ctx_.es.branches.push_back({taken, guard_});
                guard_ = guardAnd(guard_, taken);
            }
            ctrlSources_.insert(cond->deps.begin(), cond->deps.end());
        }
        if (const auto g = foldedValue(guard_); g && *g == 0) {
            break;  // no path gets here
        }
        if (awaitWaits && bodies == waitBodies && !decidedByConstants &&
            withoutVisibleEffect(ctx_.es, firstEvent, ctx_.es.events.size())) {
            // --loops await: the one body stands for every failed iteration; where the
            // condition still holds after it, the thread may be waiting forever.
            Wait wait{guard_, {}, thread_.id, loc.range};
            for (std::size_t e = lastBody; e < ctx_.es.events.size(); ++e) {
                if (ctx_.es.events[e].kind == EventKind::Read) {
                    wait.lastReads.push_back(static_cast<std::uint32_t>(e));
                }
            }
            ctx_.es.waits.push_back(std::move(wait));
            ctx_.es.assumptions.emplace_back(guard_, 0);
            blocked = guard_;
            break;
        }
        if (bodies == cutAt && (herdLoop || !decidedByConstants)) {
            ctx_.es.loopCuts.push_back({guard_, loc.range});
            ctx_.es.assumptions.emplace_back(guard_, 0);
            break;
        }
        if (bodies == kMaxExactIterations) {
            ok = fail(loc, "this loop runs more than " + std::to_string(kMaxExactIterations) +
                               " times: memx unrolls a loop decided by constants completely");
            break;
        }
        lastBody = ctx_.es.events.size();
        ok = exec(*s.body) && ok;
        // `continue` rejoins here, before the step.
        LoopFrame& frame = loops_.back();
        if (!frame.continues.empty()) {
            std::vector<PathState> paths = std::move(frame.continues);
            frame.continues.clear();
            if (guard_ != 0) {
                paths.push_back(here());
            }
            join(paths);
            guard_ = paths[0].guard;
            for (std::size_t i = 1; i < paths.size(); ++i) {
                guard_ = node(SymOp::LogOr, {guard_, paths[i].guard});
            }
        }
        if (guard_ == 0) {
            break;  // every path left by `break`
        }
        if (s.step) {
            ok = exec(*s.step) && ok;
        }
    }
    for (PathState& b : loops_.back().breaks) {
        exits.push_back(std::move(b));
    }
    loops_.pop_back();
    // Every path that entered either left the loop or was cut (or, a wait, blocked).
    if (!exits.empty()) {
        join(exits);
    }
    guard_ = blocked ? guardAnd(outerGuard, node(SymOp::Not, {*blocked})) : outerGuard;
    ctrlSources_ = outerCtrl;
    return ok;
}

bool ThreadBuilder::execJump(const JumpStmt& s, const Loc& loc) {
    if (loops_.empty()) {
        return fail(loc,
                    std::string("'") + (s.isBreak ? "break" : "continue") + "' outside a loop");
    }
    (s.isBreak ? loops_.back().breaks : loops_.back().continues).push_back(here());
    guard_ = 0;
    return true;
}

void ThreadBuilder::join(const std::vector<PathState>& paths) {
    std::set<std::string> names;
    for (const PathState& p : paths) {
        for (const auto& [name, v] : p.registers) {
            names.insert(name);
        }
    }
    auto valueIn = [](const PathState& p, const std::string& name) {
        auto it = p.registers.find(name);
        return it == p.registers.end() ? Value{0, {}, {}} : it->second;
    };
    std::map<std::string, Value> joined;
    for (const std::string& name : names) {
        // The last path's value unless an earlier path's guard holds.
        Value v = valueIn(paths.back(), name);
        for (std::size_t i = paths.size() - 1; i-- > 0;) {
            Value earlier = valueIn(paths[i], name);
            if (earlier.id == v.id) {
                v.deps.insert(earlier.deps.begin(), earlier.deps.end());
                continue;
            }
            Value merged{node(SymOp::Ite, {paths[i].guard, earlier.id, v.id}), earlier.deps,
                         earlier.pointee ? earlier.pointee : v.pointee};
            merged.deps.insert(v.deps.begin(), v.deps.end());
            v = std::move(merged);
        }
        joined[name] = std::move(v);
    }
    registers_ = std::move(joined);
    std::set<std::string> params = paths.front().params;
    for (const PathState& p : paths) {
        std::set<std::string> both;
        for (const std::string& name : params) {
            if (p.params.count(name)) {
                both.insert(name);
            }
        }
        params = std::move(both);
    }
    params_ = std::move(params);
}

// ---------- expressions ----------

std::optional<Value> ThreadBuilder::eval(const Expr& e) {
    return std::visit(
        [&](const auto& n) -> std::optional<Value> {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, IntLit>) {
                return Value{ctx_.es.constant(n.value), {}, {}};
            } else if constexpr (std::is_same_v<T, Ident>) {
                return evalIdent(n, e.loc);
            } else if constexpr (std::is_same_v<T, Unary>) {
                return evalUnary(n, e.loc);
            } else if constexpr (std::is_same_v<T, Binary>) {
                return evalBinary(n, e.loc);
            } else if constexpr (std::is_same_v<T, Ternary>) {
                return evalTernary(n, e.loc);
            } else if constexpr (std::is_same_v<T, Call>) {
                return call(n, e.loc, true);
            } else if constexpr (std::is_same_v<T, Cast>) {
                return ctx_.byteGranular ? evalCast(n) : eval(*n.operand);
            } else if constexpr (std::is_same_v<T, Member> || std::is_same_v<T, SizeOf>) {
                // struct_lowering.hpp rewrites these before any thread is built; one left
                // here means the test declares no struct.
                fail(e.loc, "'->', '.' and 'sizeof' need a struct declared in the init block");
                return std::nullopt;
            } else {
                auto address = evalIndexAddress(n);
                if (!address) {
                    return std::nullopt;
                }
                return plainLoad(*address, e.loc);
            }
        },
        e.node);
}

std::optional<Value> ThreadBuilder::evalIdent(const Ident& id, const Loc& loc) {
    if (auto it = registers_.find(id.name); it != registers_.end()) {
        Value v = it->second;
        v.herdVar = ++ctx_.herdVariables;  // herd reads the register: a variable of its own
        noteHerdRegister(id.name, false, v.herdVar);
        return v;
    }
    if (auto it = ctx_.locationIndex.find(id.name); it != ctx_.locationIndex.end()) {
        // A shared location named directly stands for its address, as in the init block.
        Value v{ctx_.es.constant(LocationTable::addressOf(it->second)), {}, {}};
        if (ctx_.byteGranular) {
            v.pointee = locationPointee(it->second);
        }
        return v;
    }
    if (registerNames_.count(id.name) || id.name == "true" || id.name == "false") {
        // Read before any assignment (even in its own initialiser): herd's registers start at 0.
        // herd7 has no `true`/`false` in thread code: they are such registers (checks.cpp).
        Value v{0, {}, {}, ++ctx_.herdVariables};
        noteHerdRegister(id.name, false, v.herdVar);
        return v;
    }
    fail(loc, "'" + id.name + "' is neither a register of P" + std::to_string(thread_.id) +
                  " nor a declared location");
    return std::nullopt;
}

std::optional<Value> ThreadBuilder::evalUnary(const Unary& u, const Loc& loc) {
    if (u.op == UnaryOp::AddrOf) {
        const auto* id = std::get_if<Ident>(&u.operand->node);
        if (id != nullptr && ctx_.locationIndex.count(id->name)) {
            return evalIdent(*id, loc);
        }
        if (const auto* ix = std::get_if<Index>(&u.operand->node); ix && ctx_.byteGranular) {
            return evalIndexAddress(*ix);  // &buf[i]
        }
        const auto* inner = std::get_if<Unary>(&u.operand->node);
        if (inner != nullptr && inner->op == UnaryOp::Deref) {
            return eval(*inner->operand);  // &*p is p
        }
        fail(loc, "only the address of a shared location can be taken");
        return std::nullopt;
    }
    if (u.op != UnaryOp::Deref) {
        leaveHerdExactNaming();
    }
    auto v = eval(*u.operand);
    if (!v) {
        return std::nullopt;
    }
    static const std::map<UnaryOp, SymOp> ops = {
        {UnaryOp::Neg, SymOp::Neg}, {UnaryOp::Not, SymOp::Not}, {UnaryOp::BitNot, SymOp::BitNot}};
    if (u.op == UnaryOp::Deref) {
        return plainLoad(*v, loc);
    }
    const auto op = ops.find(u.op);
    if (op == ops.end()) {
        return std::nullopt;
    }
    Value out{node(op->second, {v->id}), v->deps, {}, v->herdVar != 0 ? ++ctx_.herdVariables : 0};
    noteHerdOperator(out);
    return out;
}

std::optional<Value> ThreadBuilder::evalBinary(const Binary& b, const Loc& loc) {
    static const std::map<BinaryOp, SymOp> ops = {
        {BinaryOp::Add, SymOp::Add},       {BinaryOp::Sub, SymOp::Sub},
        {BinaryOp::Mul, SymOp::Mul},       {BinaryOp::Div, SymOp::Div},
        {BinaryOp::Mod, SymOp::Mod},       {BinaryOp::BitAnd, SymOp::BitAnd},
        {BinaryOp::BitOr, SymOp::BitOr},   {BinaryOp::BitXor, SymOp::BitXor},
        {BinaryOp::Shl, SymOp::Shl},       {BinaryOp::Shr, SymOp::Shr},
        {BinaryOp::Eq, SymOp::Eq},         {BinaryOp::Ne, SymOp::Ne},
        {BinaryOp::Lt, SymOp::Lt},         {BinaryOp::Le, SymOp::Le},
        {BinaryOp::Gt, SymOp::Gt},         {BinaryOp::Ge, SymOp::Ge},
        {BinaryOp::LogAnd, SymOp::LogAnd}, {BinaryOp::LogOr, SymOp::LogOr}};
    // herd evaluates both operands (no short circuit), left one first.
    auto lhs = eval(*b.lhs);
    auto rhs = lhs ? eval(*b.rhs) : std::nullopt;
    if (!rhs) {
        return std::nullopt;
    }
    if (ctx_.byteGranular && (b.op == BinaryOp::Add || b.op == BinaryOp::Sub) &&
        (lhs->pointee || rhs->pointee)) {
        return pointerArithmetic(b, *lhs, *rhs);
    }
    Value out{node(ops.at(b.op), {lhs->id, rhs->id}), lhs->deps, {}};
    out.deps.insert(rhs->deps.begin(), rhs->deps.end());
    out.herdVar = herdOperatorVariable(b.op, *lhs, *rhs);
    noteHerdOperator(out);
    if (b.op == BinaryOp::Div || b.op == BinaryOp::Mod) {
        // The solver checks each division against a zero divisor (solver/division_check.hpp).
        ctx_.es.divisions.push_back({rhs->id, guard_, loc.range});
    }
    return out;
}

// herd's operator on values (its M.op): a constant when both operands are (a literal, or
// computed from literals), the other operand when one is the constant 0 of `+` or `|` (herd's
// add and or), else a fresh variable with an equation.
std::uint32_t ThreadBuilder::herdOperatorVariable(BinaryOp op, const Value& lhs, const Value& rhs) {
    if (lhs.herdVar == 0 && rhs.herdVar == 0) {
        return 0;
    }
    if (op == BinaryOp::Add || op == BinaryOp::BitOr) {
        auto isZero = [&](const Value& v) {
            return v.herdVar == 0 && literalValue(ctx_.es, v.id) == std::optional<std::int64_t>(0);
        };
        if (isZero(lhs)) {
            return rhs.herdVar;
        }
        if (isZero(rhs)) {
            return lhs.herdVar;
        }
    }
    return ++ctx_.herdVariables;
}

std::optional<Value> ThreadBuilder::evalTernary(const Ternary& t, const Loc& loc) {
    leaveHerdExactNaming();
    const std::size_t eventsBefore = ctx_.es.events.size();
    auto c = eval(*t.cond);
    auto a = c ? eval(*t.then) : std::nullopt;
    auto b = a ? eval(*t.otherwise) : std::nullopt;
    if (!b) {
        return std::nullopt;
    }
    if (ctx_.es.events.size() != eventsBefore) {
        fail(loc, "memory accesses inside ?: are not supported; use if/else");
        return std::nullopt;
    }
    Value out{node(SymOp::Ite, {truthOf(c->id), a->id, b->id}), c->deps, {}};
    out.deps.insert(a->deps.begin(), a->deps.end());
    out.deps.insert(b->deps.begin(), b->deps.end());
    return out;
}

// ---------- events and nodes ----------

std::uint32_t ThreadBuilder::addEvent(EventKind kind, std::vector<std::string> sets,
                                      const Value& address, SymId value, SymId guard,
                                      const std::string& text, const Loc& loc) {
    return addSizedEvent(kind, std::move(sets), address, value, guard, text, loc, std::nullopt);
}

std::uint32_t ThreadBuilder::addSizedEvent(EventKind kind, std::vector<std::string> sets,
                                           const Value& address, SymId value, SymId guard,
                                           const std::string& text, const Loc& loc,
                                           std::optional<ScalarType> sized) {
    const auto index = static_cast<std::uint32_t>(ctx_.es.events.size());
    SymEvent ev;
    ev.thread = thread_.id;
    ev.poIndex = nextPo_++;
    ev.kind = kind;
    ev.sets = std::move(sets);
    ev.address = address.id;
    ev.value = value;
    ev.guard = guard;
    ev.text = text;
    ev.range = loc.range;
    if (ctx_.byteGranular && kind != EventKind::Fence) {
        const ScalarType type = sized.value_or(accessTypeAt(address));
        ev.size = type.size;
        ctx_.accesses[index] = {
            type, sized ? BuildContext::AccessShape::Copy : BuildContext::AccessShape::Scalar};
        if (address.pointee) {
            addressPointee_[index] = *address.pointee;
        }
        accessError_ = !checkInBounds(address, type, loc) || accessError_;
    }
    ctx_.es.events.push_back(std::move(ev));
    addEdges(ctx_.es.addr, address.deps, index);
    addEdges(ctx_.es.ctrl, ctrlSources_, index);
    return index;
}

Value ThreadBuilder::readValueOf(std::uint32_t event) {
    SymNode n;
    n.op = SymOp::ReadValue;
    n.event = event;
    SymId id = ctx_.es.add(std::move(n));
    ctx_.es.events[event].value = id;
    const std::uint32_t herdVar = ++ctx_.herdVariables;
    ctx_.es.setHerdVariable(event, herdVar);
    return {id, {event}, loadedPointee(event), herdVar};
}

Value ThreadBuilder::plainLoad(const Value& address, const Loc& loc) {
    std::uint32_t r = addEvent(EventKind::Read, {"R"}, address, 0, guard_, "plain read", loc);
    return readValueOf(r);
}

void ThreadBuilder::addEdges(std::vector<EventPair>& rel, const std::set<std::uint32_t>& from,
                             std::uint32_t to) {
    for (std::uint32_t f : from) {
        rel.emplace_back(f, to);
    }
}

SymId ThreadBuilder::node(SymOp op, std::vector<SymId> operands) {
    SymNode n;
    n.op = op;
    n.operands = std::move(operands);
    if (!loops_.empty()) {
        // Inside a loop, constants are folded as they are computed, so an index stepped 4096
        // times is a constant, not a chain of 4096 additions. Division is left to the
        // division check (division_check.hpp).
        if (op == SymOp::Ite) {
            if (auto c = foldedValue(n.operands[0])) {
                return n.operands[*c != 0 ? 1 : 2];
            }
        } else if (op != SymOp::Div && op != SymOp::Mod) {
            std::vector<std::int64_t> values;
            for (SymId operand : n.operands) {
                auto v = foldedValue(operand);
                if (!v) {
                    break;
                }
                values.push_back(*v);
            }
            if (values.size() == n.operands.size()) {
                return ctx_.es.constant(operatorValue(n, [&](std::size_t i) { return values[i]; }));
            }
        }
    }
    return ctx_.es.add(std::move(n));
}

SymId ThreadBuilder::guardAnd(SymId guard, SymId cond) {
    if (!loops_.empty()) {
        if (auto c = foldedValue(cond)) {
            return *c != 0 ? guard : 0;
        }
    }
    return guard == 1 ? cond : node(SymOp::LogAnd, {guard, cond});
}

void ThreadBuilder::noteHerdRegister(const std::string& name, bool isWrite,
                                     std::uint32_t variable) {
    if (ctx_.es.herdRegistersExact && !herdCodeStack_.empty()) {
        ctx_.es.herdRegisterAccesses.push_back(
            {thread_.id, name, isWrite, variable, herdCodeStack_.back()});
    }
}

std::uint32_t ThreadBuilder::openHerdCode(EventStructure::HerdCodeNode::Kind kind) {
    const auto index = static_cast<std::uint32_t>(ctx_.es.herdCode.size());
    EventStructure::HerdCodeNode n;
    n.kind = kind;
    n.first = ctx_.herdVariables;
    ctx_.es.herdCode.push_back(std::move(n));
    if (!herdCodeStack_.empty()) {
        ctx_.es.herdCode[herdCodeStack_.back()].children.push_back(index);
    }
    herdCodeStack_.push_back(index);
    return index;
}

void ThreadBuilder::closeHerdCode(std::uint32_t node) {
    ctx_.es.herdCode[node].last = ctx_.herdVariables;
    herdCodeStack_.pop_back();
}

std::optional<Value> ThreadBuilder::evalAssigned(const Expr& e) {
    if (std::holds_alternative<Call>(e.node) && !herdCodeStack_.empty()) {
        herdAltStatement_ = herdCodeStack_.back();
    }
    auto v = eval(e);
    herdAltStatement_ = kNoHerdStatement;
    return v;
}

void ThreadBuilder::markHerdAlt(std::uint32_t sharedLast,
                                std::vector<std::pair<std::uint32_t, std::uint32_t>> secondKeeps,
                                std::uint32_t secondExtra, std::uint32_t firstEvent,
                                std::uint8_t firstIndex) {
    if (!ctx_.es.herdRegistersExact || herdCodeStack_.empty()) {
        return;
    }
    auto& code = ctx_.es.herdCode[herdCodeStack_.back()];
    code.kind = EventStructure::HerdCodeNode::Kind::Alt;
    code.sharedLast = sharedLast;
    code.secondKeeps = std::move(secondKeeps);
    code.secondExtra = secondExtra;
    code.firstEvent = firstEvent;
    code.firstIndex = firstIndex;
}

void ThreadBuilder::noteHerdOperator(const Value& v) {
    if (!v.deps.empty()) {
        ctx_.es.herdOperators.push_back({guard_, v.id});
    }
}

void ThreadBuilder::leaveHerdExactNaming() {
    ctx_.es.herdRegistersExact = false;
    ctx_.es.herdRegisterAccesses.clear();
    ctx_.es.herdRegisterAccesses.shrink_to_fit();
}

// herd tests a condition that is not a comparison as `c != 0`: one more variable.
void ThreadBuilder::countHerdCondition(const Value& cond, SymId taken) {
    if (cond.herdVar != 0 && taken != cond.id) {
        ++ctx_.herdVariables;
    }
}

SymId ThreadBuilder::truthOf(SymId v) {
    switch (ctx_.es.nodes[v].op) {
        case SymOp::Eq:
        case SymOp::Ne:
        case SymOp::Lt:
        case SymOp::Le:
        case SymOp::Gt:
        case SymOp::Ge:
        case SymOp::LogAnd:
        case SymOp::LogOr:
        case SymOp::Not:
        case SymOp::Choice:
            return v;
        default:
            return node(SymOp::Ne, {v, 0});
    }
}

SymId ThreadBuilder::newChoice(SymId guard) {
    SymNode n;
    n.op = SymOp::Choice;
    n.value = ctx_.es.choiceCount++;
    ctx_.es.choiceGuards.push_back(guard);
    return ctx_.es.add(std::move(n));
}

}  // namespace memx::model::detail
