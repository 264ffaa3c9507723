// Ordering and naming of cat values.
#include "model/cat/value.hpp"

#include <algorithm>
#include <iterator>

namespace memx::cat {

namespace {

template <class T>
int cmp(const T& a, const T& b) {
    return a < b ? -1 : (b < a ? 1 : 0);
}

int compareLists(std::span<const Value> a, std::span<const Value> b) {
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
        return compareLists(s->items(), b.as<ValueSet>()->items());
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

// A sorted slice [begin, all->size()), or, when `base` is set, `element` added to `base`
// (whose sorted form is computed once into `all` the first time it is read).
struct ValueSet::Node {
    mutable std::shared_ptr<const std::vector<Value>> all;
    std::size_t begin = 0;
    Value element;
    mutable std::shared_ptr<const Node> base;

    Node() = default;
    Node(const Node&) = delete;
    Node& operator=(const Node&) = delete;
    // Unlinks a long chain of additions iteratively: the default would recurse once per node.
    ~Node() {
        std::shared_ptr<const Node> next = std::move(base);
        while (next && next.use_count() == 1)
            next = std::move(next->base);
    }
};

namespace {

bool less(const Value& a, const Value& b) {
    return compareValues(a, b) < 0;
}

bool same(const Value& a, const Value& b) {
    return compareValues(a, b) == 0;
}

}  // namespace

ValueSet::ValueSet(std::vector<Value> items) {
    if (items.empty())
        return;
    std::sort(items.begin(), items.end(), less);
    items.erase(std::unique(items.begin(), items.end(), same), items.end());
    auto node = std::make_shared<Node>();
    node->all = std::make_shared<const std::vector<Value>>(std::move(items));
    node_ = std::move(node);
}

ValueSet ValueSet::plus(Value element) const {
    auto node = std::make_shared<Node>();
    node->element = std::move(element);
    node->base = node_;
    if (!node->base) {
        // Every chain of additions ends in a sorted node; for {} an empty one.
        auto empty = std::make_shared<Node>();
        empty->all = std::make_shared<const std::vector<Value>>();
        node->base = std::move(empty);
    }
    return ValueSet(std::shared_ptr<const Node>(std::move(node)));
}

std::span<const Value> ValueSet::items() const {
    if (!node_)
        return {};
    if (!node_->all) {
        // Gather the pending additions down to the first node whose sorted form is known.
        std::vector<Value> added;
        const Node* n = node_.get();
        for (; !n->all; n = n->base.get())
            added.push_back(n->element);
        std::sort(added.begin(), added.end(), less);
        added.erase(std::unique(added.begin(), added.end(), same), added.end());
        std::span<const Value> known(n->all->data() + n->begin, n->all->size() - n->begin);
        std::vector<Value> merged;
        merged.reserve(known.size() + added.size());
        std::set_union(known.begin(), known.end(), added.begin(), added.end(),
                       std::back_inserter(merged), less);
        node_->all = std::make_shared<const std::vector<Value>>(std::move(merged));
        // begin stays 0 for a node built by plus(); the chain below is no longer needed.
        node_->base.reset();
    }
    return {node_->all->data() + node_->begin, node_->all->size() - node_->begin};
}

ValueSet ValueSet::rest() const {
    auto all = items();
    if (all.size() <= 1)
        return ValueSet();
    auto node = std::make_shared<Node>();
    node->all = node_->all;
    node->begin = node_->begin + 1;
    return ValueSet(std::shared_ptr<const Node>(std::move(node)));
}

}  // namespace memx::cat
