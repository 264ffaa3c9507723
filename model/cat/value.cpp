// Ordering and naming of cat values.
#include "model/cat/value.hpp"

#include <algorithm>

namespace memx::cat {

namespace {

template <class T>
int cmp(const T& a, const T& b) {
    return a < b ? -1 : (b < a ? 1 : 0);
}

int compareLists(const std::vector<Value>& a, const std::vector<Value>& b) {
    if (int c = cmp(a.size(), b.size()))
        return c;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (int c = compareValues(a[i], b[i]))
            return c;
    return 0;
}

}  // namespace

int compareValues(const Value& a, const Value& b) {
    if (int c = cmp(a.v.index(), b.v.index()))
        return c;
    if (auto* s = a.as<model::EventSet>())
        return cmp(s->words(), b.as<model::EventSet>()->words());
    if (auto* r = a.as<model::Relation>()) {
        return cmp(r->words(), b.as<model::Relation>()->words());
    }
    if (auto* e = a.as<EventValue>())
        return cmp(e->event, b.as<EventValue>()->event);
    if (auto* p = a.as<PairValue>())
        return cmp(std::pair(p->from, p->to),
                   std::pair(b.as<PairValue>()->from, b.as<PairValue>()->to));
    if (auto* t = a.as<TagValue>())
        return cmp(t->name, b.as<TagValue>()->name);
    if (auto* t = a.as<TupleValue>())
        return compareLists(*t->items, *b.as<TupleValue>()->items);
    if (auto* s = a.as<ValueSet>())
        return compareLists(*s->items, *b.as<ValueSet>()->items);
    if (auto* f = a.as<ClosureValue>())
        return cmp(std::pair(f->fun, f->env),
                   std::pair(b.as<ClosureValue>()->fun, b.as<ClosureValue>()->env));
    if (auto* f = a.as<BuiltinValue>())
        return cmp(f->which, b.as<BuiltinValue>()->which);
    if (auto* p = a.as<ProcedureValue>())
        return cmp(p->proc, b.as<ProcedureValue>()->proc);
    return 0;  // EmptyValue
}

std::string describeValue(const Value& v) {
    switch (v.v.index()) {
        case 0:
            return "the empty value";
        case 1:
            return "a set of events";
        case 2:
            return "a relation";
        case 3:
            return "an event";
        case 4:
            return "a pair of events";
        case 5:
            return "a tag";
        case 6:
            return "a tuple";
        case 7:
            return "a set of values";
        case 8:
            return "a function";
        case 9:
            return "a built-in function";
        default:
            return "a procedure";
    }
}

ValueSet makeValueSet(std::vector<Value> items) {
    std::sort(items.begin(), items.end(),
              [](const Value& a, const Value& b) { return compareValues(a, b) < 0; });
    items.erase(
        std::unique(items.begin(), items.end(),
                    [](const Value& a, const Value& b) { return compareValues(a, b) == 0; }),
        items.end());
    return ValueSet{std::make_shared<const std::vector<Value>>(std::move(items))};
}

}  // namespace memx::cat
