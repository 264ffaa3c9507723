// The set and relation operators of cat, with herd's treatment of the untyped empty value
// (0, {}): it takes the type of the other operand.
#include <algorithm>
#include <iterator>

#include "model/cat/interpreter.hpp"

namespace memx::cat {

using model::EventSet;
using model::Relation;

const Relation& Interpreter::relation(const Value& v, const Expr& at) const {
    if (auto* r = v.as<Relation>())
        return *r;
    if (v.is<EmptyValue>())
        return emptyRelation_;
    fail(at.loc, "expected a relation, found " + describeValue(v));
}

const EventSet& Interpreter::eventSet(const Value& v, const Expr& at) const {
    if (auto* s = v.as<EventSet>())
        return *s;
    if (v.is<EmptyValue>())
        return emptySet_;
    fail(at.loc, "expected a set of events, found " + describeValue(v));
}

Value Interpreter::unary(const Expr& e, Value a) {
    const Expr& arg = *e.args[0];
    switch (e.kind) {
        case ExprKind::Star:
            return Value{relation(a, arg).reflexiveTransitiveClosure()};
        case ExprKind::Plus:
            if (a.is<EmptyValue>())
                return a;
            return Value{relation(a, arg).transitiveClosure()};
        case ExprKind::Opt:
            return Value{relation(a, arg).reflexive()};
        case ExprKind::Inverse:
            if (a.is<EmptyValue>())
                return a;
            return Value{relation(a, arg).inverse()};
        case ExprKind::Complement:
            if (auto* s = a.as<EventSet>())
                return Value{s->complement()};
            if (auto* r = a.as<Relation>())
                return Value{r->complement()};
            fail(arg.loc, "'~' needs a set or a relation, found " + describeValue(a));
        case ExprKind::ToId:
            if (a.is<EmptyValue>())
                return a;
            return Value{Relation::identityOn(eventSet(a, arg))};
        default:
            break;
    }
    fail(e.loc, "internal error: not a unary operator");
}

namespace {

const char* opName(ExprKind k) {
    switch (k) {
        case ExprKind::Union:
            return "'|'";
        case ExprKind::Inter:
            return "'&'";
        case ExprKind::Diff:
            return "'\\'";
        case ExprKind::Seq:
            return "';'";
        default:
            return "'*'";
    }
}

// `|`, `&` or `\\` on two sets of values, both sorted: a linear merge.
ValueSet merge(const ValueSet& a, const ValueSet& b, ExprKind k) {
    auto x = a.items(), y = b.items();
    auto less = [](const Value& p, const Value& q) { return compareValues(p, q) < 0; };
    std::vector<Value> out;
    auto into = std::back_inserter(out);
    if (k == ExprKind::Union)
        std::set_union(x.begin(), x.end(), y.begin(), y.end(), into, less);
    else if (k == ExprKind::Inter)
        std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), into, less);
    else
        std::set_difference(x.begin(), x.end(), y.begin(), y.end(), into, less);
    return ValueSet(std::move(out));
}

}  // namespace

Value Interpreter::binary(const Expr& e, Value a, Value b) {
    const Expr& lhs = *e.args[0];
    const Expr& rhs = *e.args[1];
    if (e.kind == ExprKind::Cartesian)
        return Value{Relation::cartesian(eventSet(a, lhs), eventSet(b, rhs))};
    if (e.kind == ExprKind::Seq) {
        if (a.is<EmptyValue>() || b.is<EmptyValue>()) {
            relation(a, lhs);  // still a type error if the other side is not a relation
            relation(b, rhs);
            return Value{EmptyValue{}};
        }
        return Value{relation(a, lhs).compose(relation(b, rhs))};
    }
    if (a.is<EmptyValue>() && b.is<EmptyValue>())
        return a;
    // Empty operands take the other side's type.
    if (a.is<EmptyValue>() && (e.kind == ExprKind::Inter || e.kind == ExprKind::Diff))
        return a;
    if (a.is<EmptyValue>())
        return b;
    if (b.is<EmptyValue>())
        return e.kind == ExprKind::Inter ? b : a;
    if (a.is<Relation>() || b.is<Relation>()) {
        const Relation& x = relation(a, lhs);
        const Relation& y = relation(b, rhs);
        switch (e.kind) {
            case ExprKind::Union:
                return Value{x | y};
            case ExprKind::Inter:
                return Value{x & y};
            default:
                return Value{x - y};
        }
    }
    if (a.is<EventSet>() || b.is<EventSet>()) {
        const EventSet& x = eventSet(a, lhs);
        const EventSet& y = eventSet(b, rhs);
        switch (e.kind) {
            case ExprKind::Union:
                return Value{x | y};
            case ExprKind::Inter:
                return Value{x & y};
            default:
                return Value{x - y};
        }
    }
    auto* x = a.as<ValueSet>();
    auto* y = b.as<ValueSet>();
    if (x && y)
        return Value{merge(*x, *y, e.kind)};
    const Expr& bad = (x || a.is<EventSet>()) ? rhs : lhs;
    fail(bad.loc, std::string(opName(e.kind)) + " needs sets or relations, found " +
                      describeValue(&bad == &lhs ? a : b));
}

Value Interpreter::add(const Expr& e, Value elt, Value set) {
    const Expr& rhs = *e.args[1];
    if (auto* ev = elt.as<EventValue>()) {
        if (set.is<EmptyValue>() || set.is<EventSet>()) {
            EventSet s = eventSet(set, rhs);
            s.insert(ev->event);
            return Value{std::move(s)};
        }
    } else if (auto* p = elt.as<PairValue>()) {
        if (set.is<EmptyValue>() || set.is<Relation>()) {
            Relation r = relation(set, rhs);
            r.insert(p->from, p->to);
            return Value{std::move(r)};
        }
    }
    if (set.is<EmptyValue>())
        return Value{ValueSet().plus(std::move(elt))};
    if (auto* vs = set.as<ValueSet>())
        return Value{vs->plus(std::move(elt))};
    fail(rhs.loc, "'++' cannot add " + describeValue(elt) + " to " + describeValue(set));
}

}  // namespace memx::cat
