// Evaluation of cat expressions and statements on one concrete execution.
#include "model/cat/interpreter.hpp"

#include <cstdint>
#include <type_traits>
#include <variant>

#include "model/cat/deep_stack.hpp"

namespace memx::cat {

namespace {

using model::EventSet;
using model::Relation;

// Raised when a name absent from this graph is read under `try` (herd's unbound variable).
struct Unbound {};

constexpr int kMaxFixpointRounds = 100000;
// Cheap enough that the clock read behind a checkpoint costs nothing measurable, frequent
// enough that the slowest steps (closures over value sets) are checked well within 0.1 s.
constexpr std::uint32_t kStepsPerCheckpoint = 4096;
// Stack kept free below the evaluator's deepest frame, for the library calls it makes.
constexpr std::size_t kStackReserve = std::size_t{1} << 20;

bool isFunction(const Binding& b) {
    return b.value->kind == ExprKind::Fun;
}

}  // namespace

Interpreter::Interpreter(const Model& model, const model::ExecutionGraph& graph,
                         const EvaluateOptions& options,
                         const std::function<void(const ExecutionVerdict&)>& onExecution)
    : m_(model),
      g_(graph),
      opt_(options),
      onExecution_(onExecution),
      n_(graph.size()),
      emptyRelation_(n_),
      emptySet_(n_) {}

void Interpreter::fail(const NodeLoc& at, const std::string& message) const {
    throw EvalError(Diagnostic{Severity::Error, m_.files[at.file], at.range, message, {}});
}

void Interpreter::checkpoint(bool now) {
    if (opt_.checkpoint && (now || ++steps_ % kStepsPerCheckpoint == 0))
        opt_.checkpoint();
}

Frame* Interpreter::newFrame(std::uint32_t size, Frame* parent) {
    Frame& f = arena_.emplace_back();
    f.slots.resize(size);
    f.parent = parent;
    return &f;
}

// ---------------------------------------------------------------- statements

void Interpreter::run() {
    stackFloor_ = stackFloor(kStackReserve);
    loadPrimitives();
    done_.assign(m_.statements.size(), 0);
    checkResults_.assign(m_.statements.size(), std::nullopt);
    choices_.assign(m_.statements.size(), std::nullopt);
    remembered_.assign(m_.statements.size(), Remembered{});
    if (m_.needsNativeCoherence && !g_.relations.count("co")) {
        forEachCoherence([&](const Relation& co) {
            // Each order is an execution of its own: nothing of the previous one's verdict
            // (a failed axiom, a flag) carries over.
            verdict_ = ExecutionVerdict{};
            setCoherence(co);
            runFrom(0);
        });
        return;
    }
    if (m_.needsNativeCoherence)
        setCoherence(g_.relations.at("co"));
    runFrom(0);
}

void Interpreter::runFrom(std::size_t i) {
    for (; i < m_.statements.size(); ++i) {
        const Stmt& s = m_.statements[i];
        if (s.kind != StmtKind::WithFrom) {
            if (!execTopLevel(i)) {
                emit();
                return;
            }
            continue;
        }
        if (!choices_[i]) {
            Value choices = eval(*s.expr, nullptr);
            std::vector<Value> items;
            if (auto* vs = choices.as<ValueSet>())
                items.assign(vs->items().begin(), vs->items().end());
            else if (auto* es = choices.as<EventSet>())
                for (auto e : es->elements())
                    items.push_back(Value{EventValue{e}});
            else if (auto* r = choices.as<Relation>())
                for (auto [a, b] : r->pairs())
                    items.push_back(Value{PairValue{a, b}});
            else if (!choices.is<EmptyValue>())
                fail(s.expr->loc,
                     "'with " + s.name + " from' needs a set, found " + describeValue(choices));
            if (!isStable(i)) {
                forEachChoice(i, std::move(items));
                return;
            }
            choices_[i] = std::move(items);
        }
        forEachChoice(i, *choices_[i]);
        return;
    }
    emit();
}

bool Interpreter::isStable(std::size_t i) const {
    return i < m_.stable.size() && m_.stable[i];
}

bool Interpreter::execTopLevel(std::size_t i) {
    const Stmt& s = m_.statements[i];
    if (!isStable(i))
        return execVarying(i);
    if (s.kind == StmtKind::Check) {
        if (checkResults_[i])
            return record(*checkResults_[i]);
        const std::size_t before = verdict_.checks.size();
        bool go = exec(s, nullptr, std::nullopt);
        if (verdict_.checks.size() == before + 1)
            checkResults_[i] = verdict_.checks.back();
        return go;
    }
    if (done_[i])
        return true;
    bool go = exec(s, nullptr, std::nullopt);
    done_[i] = 1;
    return go;
}

namespace {

// Values whose equality says all there is to say about them. A function is not one: its body
// reads names whose values are not part of it.
bool isPlainData(const Value& v) {
    return std::visit(
        [](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            return std::is_same_v<T, EmptyValue> ||
                   std::is_same_v<T, std::shared_ptr<const model::EventSet>> ||
                   std::is_same_v<T, std::shared_ptr<const model::Relation>> ||
                   std::is_same_v<T, EventValue> || std::is_same_v<T, PairValue> ||
                   std::is_same_v<T, TagValue>;
        },
        v.v);
}

// Equality of two plain-data values; the same shared set or relation is the quick case.
bool samePlainData(const Value& a, const Value& b) {
    if (a.v.index() != b.v.index())
        return false;
    if (auto* r = std::get_if<std::shared_ptr<const model::Relation>>(&a.v)) {
        const auto& other = std::get<std::shared_ptr<const model::Relation>>(b.v);
        return *r == other || **r == *other;
    }
    if (auto* es = std::get_if<std::shared_ptr<const model::EventSet>>(&a.v)) {
        const auto& other = std::get<std::shared_ptr<const model::EventSet>>(b.v);
        return *es == other || **es == *other;
    }
    return compareValues(a, b) == 0;
}

template <class Visit>
void forEachGlobalBinding(const Stmt& s, Visit visit) {
    for (const auto& b : s.bindings)
        for (const auto& ref : b.slots)
            if (ref.kind == VarRef::Kind::Global)
                visit(ref.index);
}

}  // namespace

bool Interpreter::execVarying(std::size_t i) {
    const Stmt& s = m_.statements[i];
    const bool computesValues =
        s.kind == StmtKind::Let || s.kind == StmtKind::LetRec || s.kind == StmtKind::Check;
    if (!computesValues || i >= m_.varyingReads.size())
        return exec(s, nullptr, std::nullopt);
    Remembered& memo = remembered_[i];
    const std::vector<std::uint32_t>& reads = m_.varyingReads[i];
    bool same = memo.valid;
    for (std::size_t k = 0; k < reads.size(); ++k) {
        const Value& now = globals_[reads[k]];
        if (!isPlainData(now)) {
            memo.valid = false;
            return exec(s, nullptr, std::nullopt);
        }
        same = same && samePlainData(now, memo.inputs[k]);
    }
    if (opt_.statementCounts)
        ++(same ? opt_.statementCounts->reused : opt_.statementCounts->evaluated);
    if (same) {
        std::size_t k = 0;
        forEachGlobalBinding(s, [&](std::uint32_t slot) { globals_[slot] = memo.outputs[k++]; });
        return memo.check ? record(*memo.check) : true;
    }
    memo.valid = false;
    const std::size_t checksBefore = verdict_.checks.size();
    const bool go = exec(s, nullptr, std::nullopt);
    memo.check.reset();
    if (s.kind == StmtKind::Check) {
        if (verdict_.checks.size() != checksBefore + 1)
            return go;
        memo.check = verdict_.checks.back();
    }
    memo.inputs.clear();
    for (std::uint32_t slot : reads)
        memo.inputs.push_back(globals_[slot]);
    // A value equal to last time's keeps last time's object, so that the statements reading
    // it find the same pointer and compare in O(1).
    std::size_t k = 0;
    forEachGlobalBinding(s, [&](std::uint32_t slot) {
        Value& now = globals_[slot];
        if (k == memo.outputs.size())
            memo.outputs.push_back(now);  // the statement's first run
        else if (isPlainData(now) && isPlainData(memo.outputs[k]) &&
                 samePlainData(now, memo.outputs[k]))
            now = memo.outputs[k];
        else
            memo.outputs[k] = now;
        ++k;
    });
    memo.valid = true;
    return go;
}

void Interpreter::forEachChoice(std::size_t i, std::vector<Value> items) {
    const Stmt& s = m_.statements[i];
    // Each choice continues from the verdict as it stands here: remember its extent and
    // cut back to it, rather than copying it per branch.
    const std::size_t checks = verdict_.checks.size(), flags = verdict_.flags.size(),
                      undefined = verdict_.undefinedChecks.size();
    const bool allowed = verdict_.allowed;
    for (auto& choice : items) {
        checkpoint(true);
        verdict_.checks.resize(checks);
        verdict_.flags.resize(flags);
        verdict_.undefinedChecks.resize(undefined);
        verdict_.allowed = allowed;
        if (auto* r = choice.as<Relation>())
            verdict_.withBindings[s.name] = *r;
        else if (choice.is<EmptyValue>())
            verdict_.withBindings[s.name] = Relation(n_);
        globals_[s.ref.index] = std::move(choice);
        runFrom(i + 1);
    }
}

void Interpreter::emit() {
    ExecutionVerdict& out = verdict_;
    out.shown.clear();
    out.relations.clear();
    auto fetch = [&](const std::string& name, std::map<std::string, Relation>& into) {
        auto it = m_.finalSlots.find(name);
        if (it == m_.finalSlots.end() || it->second >= globals_.size())
            return;
        const Value& v = globals_[it->second];
        if (auto* r = v.as<Relation>())
            into[name] = *r;
        else if (v.is<EmptyValue>())
            into[name] = Relation(n_);
    };
    for (const auto& name : m_.shown)
        fetch(name, out.shown);
    for (const auto& name : opt_.extraRelations)
        fetch(name, out.relations);
    out.globalRelations.clear();
    out.globalSets.clear();
    if (opt_.keepGlobals)
        for (std::uint32_t slot = 0; slot < globals_.size(); ++slot) {
            if (auto* r = globals_[slot].as<Relation>())
                out.globalRelations[slot] = *r;
            else if (auto* s = globals_[slot].as<EventSet>())
                out.globalSets[slot] = *s;
            else if (globals_[slot].is<EmptyValue>())
                out.globalRelations[slot] = Relation(n_);
        }
    onExecution_(out);
}

bool Interpreter::exec(const Stmt& s, Frame* env, const std::optional<std::string>& callName) {
    switch (s.kind) {
        case StmtKind::Let:
            bind(s.bindings, env, false);
            return true;
        case StmtKind::LetRec:
            bind(s.bindings, env, true);
            return true;
        case StmtKind::Check:
            return check(s, env, callName);
        case StmtKind::Enum: {
            std::vector<Value> tags;
            for (const auto& t : s.names)
                tags.push_back(Value{TagValue{t}});
            store(s.ref, env, Value{ValueSet(std::move(tags))});
            return true;
        }
        case StmtKind::Procedure:
            store(s.ref, env, Value{ProcedureValue{&s}});
            return true;
        case StmtKind::Call: {
            Expr at;
            at.loc = s.loc;
            Value target = load(s.ref, at, env);
            auto* proc = target.as<ProcedureValue>();
            if (!proc)
                fail(s.loc, "'" + s.name + "' is " + describeValue(target) + ", not a procedure");
            Value arg = eval(*s.expr, env);
            Frame* frame = newFrame(proc->proc->frameSize, nullptr);
            std::vector<VarRef> slots;
            for (std::uint32_t k = 0; k < proc->proc->pattern.names.size(); ++k)
                slots.push_back({VarRef::Kind::Local, 0, k});
            bindPattern(proc->proc->pattern, slots, frame, std::move(arg), s.loc);
            for (const auto& inner : *proc->proc->body)
                if (!exec(inner, frame, s.asName ? s.asName : callName))
                    return false;
            return true;
        }
        default:
            return true;  // show, unshow, instructions: nothing to compute
    }
}

bool Interpreter::check(const Stmt& s, Frame* env, const std::optional<std::string>& callName) {
    Value v = eval(*s.expr, env);
    bool result = true;
    switch (s.test) {
        case TestKind::Empty:
            if (auto* set = v.as<EventSet>())
                result = set->empty();
            else if (auto* r = v.as<Relation>())
                result = r->empty();
            else if (auto* vs = v.as<ValueSet>())
                result = vs->empty();
            else if (!v.is<EmptyValue>())
                fail(s.expr->loc, "'empty' needs a set or a relation, found " + describeValue(v));
            break;
        case TestKind::Acyclic:
            result = relation(v, *s.expr).isAcyclic();
            break;
        case TestKind::Irreflexive:
            result = relation(v, *s.expr).isIrreflexive();
            break;
    }
    bool holds = s.negated ? !result : result;
    CheckResult c;
    c.name = s.asName ? *s.asName : (callName ? *callName : s.text);
    c.kind = s.test == TestKind::Acyclic       ? CheckKind::Acyclic
             : s.test == TestKind::Irreflexive ? CheckKind::Irreflexive
                                               : CheckKind::Empty;
    c.mode = s.mode == TestMode::Axiom  ? CheckMode::Axiom
             : s.mode == TestMode::Flag ? CheckMode::Flag
                                        : CheckMode::UndefinedUnless;
    c.range = s.loc.range;
    c.holds = holds;
    return record(c);
}

bool Interpreter::record(const CheckResult& c) {
    verdict_.checks.push_back(c);
    switch (c.mode) {
        case CheckMode::Axiom:
            if (!c.holds) {
                verdict_.allowed = false;
                return !opt_.stopAtFirstFailure;
            }
            return true;
        case CheckMode::Flag:
            if (c.holds)
                verdict_.flags.push_back(c.name);
            return true;
        case CheckMode::UndefinedUnless:
            if (!c.holds)
                verdict_.undefinedChecks.push_back(c.name);
            return true;
    }
    return true;
}

void Interpreter::bind(const std::vector<Binding>& bs, Frame* env, bool rec) {
    if (!rec) {
        std::vector<Value> values;
        for (const auto& b : bs)
            values.push_back(eval(*b.value, env));
        for (std::size_t k = 0; k < bs.size(); ++k)
            bindPattern(bs[k].pattern, bs[k].slots, env, std::move(values[k]), bs[k].loc);
        return;
    }
    bool allFunctions = true;
    for (const auto& b : bs)
        allFunctions = allFunctions && isFunction(b) && !b.pattern.isTuple;
    if (allFunctions) {
        // Recursive functions: each closure sees the frame holding all of them.
        for (const auto& b : bs)
            store(b.slots[0], env, Value{ClosureValue{b.value.get(), env}});
        return;
    }
    // Values: herd's least fixpoint, iterated from empty until no binding changes.
    for (const auto& b : bs)
        for (const auto& slot : b.slots)
            store(slot, env, Value{EmptyValue{}});
    for (int round = 0; round < kMaxFixpointRounds; ++round) {
        bool changed = false;
        for (const auto& b : bs) {
            if (b.pattern.isTuple)
                fail(b.loc, "unsupported construct: tuple pattern in 'let rec'");
            Expr at;
            at.loc = b.loc;
            Value old = load(b.slots[0], at, env);
            Value now = eval(*b.value, env);
            if (compareValues(old, now) != 0) {
                // An empty relation and the empty value are the same fixpoint step.
                bool bothEmpty =
                    (old.is<EmptyValue>() && now.as<Relation>() && now.as<Relation>()->empty()) ||
                    (old.is<EmptyValue>() && now.as<EventSet>() && now.as<EventSet>()->empty());
                changed = changed || !bothEmpty;
            }
            store(b.slots[0], env, std::move(now));
        }
        if (!changed)
            return;
    }
    fail(bs.front().loc, "'let rec' did not reach a fixpoint");
}

// ---------------------------------------------------------------- names

Value Interpreter::load(const VarRef& ref, const Expr& at, Frame* env) {
    if (ref.kind == VarRef::Kind::Global) {
        if (unbound_[ref.index]) {
            // Only a `try` catches this. A closure made under a `try` can be called outside
            // every `try` (the cat fuzzer's crash: std::terminate); then it is a located error.
            if (tryDepth_ == 0)
                fail(at.loc, "'" + at.name +
                                 "' has no value in this execution: it may only be read under "
                                 "'try'");
            throw Unbound{};
        }
        return globals_[ref.index];
    }
    if (ref.kind == VarRef::Kind::Unresolved)
        fail(at.loc, "internal error: unresolved name '" + at.name + "'");
    Frame* f = env;
    for (std::uint32_t d = 0; d < ref.depth; ++d)
        f = f->parent;
    return f->slots[ref.index];
}

void Interpreter::store(const VarRef& ref, Frame* env, Value v) {
    if (ref.kind == VarRef::Kind::Global)
        globals_[ref.index] = std::move(v);
    else
        env->slots[ref.index] = std::move(v);
}

void Interpreter::bindPattern(const Pattern& p, const std::vector<VarRef>& slots, Frame* env,
                              Value v, const NodeLoc& at) {
    if (!p.isTuple) {
        store(slots[0], env, std::move(v));
        return;
    }
    auto* t = v.as<TupleValue>();
    if (!t || t->items->size() != p.names.size())
        fail(at, "expected a tuple of " + std::to_string(p.names.size()) + " values, found " +
                     (t ? "a tuple of " + std::to_string(t->items->size()) : describeValue(v)));
    for (std::size_t k = 0; k < slots.size(); ++k)
        store(slots[k], env, (*t->items)[k]);
}

// ---------------------------------------------------------------- expressions

Value Interpreter::eval(const Expr& e, Frame* env) {
    checkpoint();
    const char marker = 0;
    if (stackFloor_ &&
        reinterpret_cast<std::uintptr_t>(&marker) < reinterpret_cast<std::uintptr_t>(stackFloor_))
        fail(e.loc,
             "evaluation nested too deeply (a recursion over a very large set?): memx's "
             "evaluation stack is exhausted");
    switch (e.kind) {
        case ExprKind::Empty:
            return Value{EmptyValue{}};
        case ExprKind::Universe:
            return Value{EventSet(n_).complement()};
        case ExprKind::Var:
            return load(e.ref, e, env);
        case ExprKind::Tag:
            return Value{TagValue{e.name}};
        case ExprKind::ExplicitSet: {
            std::vector<Value> items;
            bool events = true;
            for (const auto& a : e.args) {
                items.push_back(eval(*a, env));
                events = events && items.back().is<EventValue>();
            }
            if (!events)
                return Value{ValueSet(std::move(items))};
            EventSet s(n_);
            for (const auto& v : items)
                s.insert(v.as<EventValue>()->event);
            return Value{std::move(s)};
        }
        case ExprKind::Tuple: {
            std::vector<Value> items;
            for (const auto& a : e.args)
                items.push_back(eval(*a, env));
            return Value{TupleValue{std::make_shared<const std::vector<Value>>(std::move(items))}};
        }
        case ExprKind::Star:
        case ExprKind::Plus:
        case ExprKind::Opt:
        case ExprKind::Inverse:
        case ExprKind::Complement:
        case ExprKind::ToId:
            return unary(e, eval(*e.args[0], env));
        case ExprKind::Add:
            return add(e, eval(*e.args[0], env), eval(*e.args[1], env));
        case ExprKind::Union:
        case ExprKind::Inter:
        case ExprKind::Diff:
        case ExprKind::Seq:
        case ExprKind::Cartesian:
            return binary(e, eval(*e.args[0], env), eval(*e.args[1], env));
        case ExprKind::App: {
            Value f = eval(*e.args[0], env);
            return apply(f, eval(*e.args[1], env), e);
        }
        case ExprKind::Fun:
            return Value{ClosureValue{&e, env}};
        case ExprKind::Let: {
            Frame* frame = newFrame(e.frameSize, env);
            for (const auto& b : e.bindings)
                bindPattern(b.pattern, b.slots, frame, eval(*b.value, env), b.loc);
            return eval(*e.args[0], frame);
        }
        case ExprKind::LetRec: {
            Frame* frame = newFrame(e.frameSize, env);
            bind(e.bindings, frame, true);
            return eval(*e.args[0], frame);
        }
        case ExprKind::Try:
            try {
                struct InTry {
                    int& depth;
                    explicit InTry(int& d) : depth(++d) {}
                    ~InTry() { --depth; }
                } inTry(tryDepth_);
                return eval(*e.args[0], env);
            } catch (const Unbound&) {
                return eval(*e.args[1], env);
            } catch (const EvalError&) {
                return eval(*e.args[1], env);
            }
        case ExprKind::IfVariant:
            return eval(*e.args[m_.variants.count(e.name) ? 0 : 1], env);
        case ExprKind::MatchSet:
            return matchSet(e, env);
        case ExprKind::MatchTag: {
            Value v = eval(*e.args[0], env);
            auto* tag = v.as<TagValue>();
            if (!tag)
                fail(e.args[0]->loc, "'match' on tags needs a tag, found " + describeValue(v));
            for (std::size_t k = 0; k < e.tags.size(); ++k)
                if (e.tags[k] == tag->name)
                    return eval(*e.args[k + 1], env);
            if (e.hasDefault)
                return eval(*e.args.back(), env);
            fail(e.loc, "no clause matches tag '" + tag->name + "'");
        }
    }
    fail(e.loc, "internal error: unknown expression");
}

Value Interpreter::matchSet(const Expr& e, Frame* env) {
    Value subject = eval(*e.args[0], env);
    Value element, rest;
    if (auto* s = subject.as<EventSet>()) {
        if (s->empty())
            return eval(*e.args[1], env);
        auto first = s->elements().front();
        EventSet r = *s;
        r.erase(first);
        element = Value{EventValue{first}};
        rest = Value{std::move(r)};
    } else if (auto* rel = subject.as<Relation>()) {
        if (rel->empty())
            return eval(*e.args[1], env);
        auto first = rel->pairs().front();
        Relation r = *rel;
        r.erase(first.first, first.second);
        element = Value{PairValue{first.first, first.second}};
        rest = Value{std::move(r)};
    } else if (auto* vs = subject.as<ValueSet>()) {
        if (vs->empty())
            return eval(*e.args[1], env);
        element = vs->items().front();
        rest = Value{vs->rest()};
    } else if (subject.is<EmptyValue>()) {
        return eval(*e.args[1], env);
    } else {
        fail(e.args[0]->loc, "'match' on sets needs a set, found " + describeValue(subject));
    }
    Frame* frame = newFrame(e.frameSize, env);
    frame->slots[0] = std::move(element);
    frame->slots[1] = std::move(rest);
    return eval(*e.args[2], frame);
}

Value Interpreter::apply(const Value& f, Value arg, const Expr& at) {
    if (auto* b = f.as<BuiltinValue>())
        return builtin(b->which, std::move(arg), at);
    auto* c = f.as<ClosureValue>();
    if (!c)
        fail(at.args[0]->loc, "cannot apply " + describeValue(f) + ": it is not a function");
    const Expr& fun = *c->fun;
    Frame* frame = newFrame(fun.frameSize, c->env);
    std::vector<VarRef> slots;
    for (std::uint32_t k = 0; k < fun.pattern.names.size(); ++k)
        slots.push_back({VarRef::Kind::Local, 0, k});
    bindPattern(fun.pattern, slots, frame, std::move(arg), at.loc);
    return eval(*fun.args[0], frame);
}

}  // namespace memx::cat
