#include "model/events/thread_builder.hpp"

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
            } else if constexpr (std::is_same_v<T, BlockStmt>) {
                for (const StmtPtr& inner : n.body) {
                    collectRegisterNames(*inner);
                }
            }
        },
        s.node);
}

bool ThreadBuilder::run() {
    bool ok = true;
    for (const StmtPtr& s : thread_.body) {
        ok = exec(*s) && ok;
    }
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
    return std::visit(
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
                auto v = eval(*n.init);
                if (!v) {
                    return false;
                }
                if (ctx_.byteGranular && n.type.pointerDepth > 0) {
                    v->pointee = PointeeType{scalarOf(n.type.base), n.type.pointerDepth - 1};
                }
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
                return fail(s.loc, "loops are not supported (herd7 does not unroll them)");
            } else {
                bool ok = true;
                for (const StmtPtr& inner : n.body) {
                    ok = exec(*inner) && ok;
                }
                return ok;
            }
        },
        s.node);
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
        auto v = eval(*s.value);
        if (!v) {
            return false;
        }
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
    addEdges(ctx_.es.data, v->deps, w);
    return true;
}

bool ThreadBuilder::execIf(const IfStmt& s) {
    auto cond = eval(*s.cond);
    if (!cond) {
        return false;
    }
    const SymId taken = truthOf(cond->id);
    const SymId outerGuard = guard_;
    const auto outerCtrl = ctrlSources_;
    const auto registersBefore = registers_;
    const auto paramsBefore = params_;
    ctrlSources_.insert(cond->deps.begin(), cond->deps.end());

    guard_ = guardAnd(outerGuard, taken);
    bool ok = exec(*s.then);
    auto thenRegisters = std::move(registers_);
    auto thenParams = std::move(params_);

    registers_ = registersBefore;
    params_ = paramsBefore;
    guard_ = guardAnd(outerGuard, node(SymOp::Not, {taken}));
    if (s.otherwise) {
        ok = exec(*s.otherwise) && ok;
    }
    guard_ = outerGuard;
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
        return it->second;
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
        return Value{0, {}, {}};
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
    auto v = eval(*u.operand);
    if (!v) {
        return std::nullopt;
    }
    switch (u.op) {
        case UnaryOp::Deref:
            return plainLoad(*v, loc);
        case UnaryOp::Neg:
            return Value{node(SymOp::Neg, {v->id}), v->deps, {}};
        case UnaryOp::Not:
            return Value{node(SymOp::Not, {v->id}), v->deps, {}};
        case UnaryOp::BitNot:
            return Value{node(SymOp::BitNot, {v->id}), v->deps, {}};
        case UnaryOp::AddrOf:
            break;
    }
    return std::nullopt;
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
    if (b.op == BinaryOp::Div || b.op == BinaryOp::Mod) {
        // The solver checks each division against a zero divisor (solver/division_check.hpp).
        ctx_.es.divisions.push_back({rhs->id, guard_, loc.range});
    }
    return out;
}

std::optional<Value> ThreadBuilder::evalTernary(const Ternary& t, const Loc& loc) {
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
    return {id, {event}, loadedPointee(event)};
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
    return ctx_.es.add(std::move(n));
}

SymId ThreadBuilder::guardAnd(SymId guard, SymId cond) {
    return guard == 1 ? cond : node(SymOp::LogAnd, {guard, cond});
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
