// Functions herd implements natively: domain, range, classes-loc, linearisations,
// different-values, tag2events, fencerel.
#include <algorithm>
#include <map>

#include "model/cat/interpreter.hpp"

namespace memx::cat {

using model::EventIndex;
using model::EventSet;
using model::Relation;

namespace {

const char* builtinName(Builtin b) {
    switch (b) {
        case Builtin::Domain:
            return "domain";
        case Builtin::Range:
            return "range";
        case Builtin::ClassesLoc:
            return "classes-loc";
        case Builtin::Linearisations:
            return "linearisations";
        case Builtin::DifferentValues:
            return "different-values";
        case Builtin::Tag2Events:
            return "tag2events";
        case Builtin::Fencerel:
            return "fencerel";
    }
    return "?";
}

}  // namespace

Value Interpreter::builtin(Builtin which, Value arg, const Expr& at) {
    const Expr& argExpr = *at.args[1];
    switch (which) {
        case Builtin::Domain:
            return Value{relation(arg, argExpr).domain()};
        case Builtin::Range:
            return Value{relation(arg, argExpr).range()};
        case Builtin::ClassesLoc:
            return classesLoc(eventSet(arg, argExpr));
        case Builtin::Linearisations: {
            auto* t = arg.as<TupleValue>();
            if (!t || t->items->size() != 2)
                fail(argExpr.loc,
                     "linearisations needs (set, relation), found " + describeValue(arg));
            return linearisations(eventSet((*t->items)[0], argExpr),
                                  relation((*t->items)[1], argExpr));
        }
        case Builtin::DifferentValues: {
            const Relation& r = relation(arg, argExpr);
            Relation out(n_);
            for (auto [a, b] : r.pairs())
                if (g_.events[a].value != g_.events[b].value)
                    out.insert(a, b);
            return Value{std::move(out)};
        }
        case Builtin::Tag2Events: {
            auto* tag = arg.as<TagValue>();
            if (!tag)
                fail(argExpr.loc, "tag2events needs a tag, found " + describeValue(arg));
            auto it = g_.sets.find(tag->name);
            return Value{it == g_.sets.end() ? EventSet(n_) : it->second};
        }
        case Builtin::Fencerel: {
            // Pairs of events with an event of the set between them in program order.
            Relation fence = Relation::identityOn(eventSet(arg, argExpr));
            return Value{po_.compose(fence).compose(po_)};
        }
    }
    fail(at.loc, std::string("internal error: builtin ") + builtinName(which));
}

// Groups the events of `s` by location; events without a location are left out.
Value Interpreter::classesLoc(const EventSet& s) const {
    std::map<std::string, EventSet> byLoc;
    for (EventIndex e : s.elements()) {
        const std::string& loc = g_.events[e].location;
        if (loc.empty())
            continue;
        auto [it, fresh] = byLoc.try_emplace(loc, EventSet(n_));
        it->second.insert(e);
    }
    std::vector<Value> classes;
    for (auto& [loc, set] : byLoc)
        classes.push_back(Value{std::move(set)});
    return Value{ValueSet(std::move(classes))};
}

// Every strict total order of `s` that contains `r` restricted to `s`, as a transitive
// relation; none when that restriction has a cycle.
Value Interpreter::linearisations(const EventSet& s, const Relation& r) {
    std::vector<EventIndex> nodes = s.elements();
    const std::size_t k = nodes.size();
    std::vector<std::vector<std::size_t>> preds(k);
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j < k; ++j)
            if (i != j && r.contains(nodes[j], nodes[i]))
                preds[i].push_back(j);
    std::vector<Value> orders;
    std::vector<std::size_t> order;
    std::vector<char> placed(k, 0);
    auto extend = [&](auto& self) -> void {
        if (order.size() == k) {
            checkpoint(true);
            if (opt_.ordersBuilt)
                ++*opt_.ordersBuilt;
            Relation total(n_);
            for (std::size_t a = 0; a < k; ++a)
                for (std::size_t b = a + 1; b < k; ++b)
                    total.insert(nodes[order[a]], nodes[order[b]]);
            orders.push_back(Value{std::move(total)});
            return;
        }
        for (std::size_t i = 0; i < k; ++i) {
            if (placed[i])
                continue;
            bool ready = std::all_of(preds[i].begin(), preds[i].end(),
                                     [&](std::size_t p) { return placed[p] != 0; });
            if (!ready)
                continue;
            placed[i] = 1;
            order.push_back(i);
            self(self);
            order.pop_back();
            placed[i] = 0;
        }
    };
    extend(extend);
    return Value{ValueSet(std::move(orders))};
}

}  // namespace memx::cat
