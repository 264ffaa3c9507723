// Runtime values of the cat interpreter. Sets and relations are the dense model::EventSet and
// model::Relation; the rest (tags, tuples, sets of values, functions) exist for herd's
// library code (cross products, maps, `with ... from`).
#pragma once

#include <memory>
#include <span>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "model/relation.hpp"

namespace memx::cat {

struct Expr;
struct Stmt;
struct Frame;

struct EmptyValue {};  // 0 and {}: becomes a set or a relation where it meets one
struct EventValue {
    model::EventIndex event;
};
struct PairValue {
    model::EventIndex from, to;
};
struct TagValue {
    std::string name;
};
struct Value;
struct TupleValue {
    std::shared_ptr<const std::vector<Value>> items;
};
// A set of arbitrary values (relations, sets, ...). herd's library builds such sets one
// element at a time (`x ++ acc` in cross products and lock choices, tens of thousands of
// elements), so adding is O(1): additions wait in a chain and are sorted, de-duplicated and
// merged into the set they were added to the first time the set is read, once. Removing the
// first element (`match`) is O(1) too: a set is a slice of a shared sorted vector.
class ValueSet {
public:
    ValueSet() = default;                         // {}
    explicit ValueSet(std::vector<Value> items);  // any order; duplicates are dropped
    // `element ++ *this`.
    ValueSet plus(Value element) const;
    // The elements, sorted by compareValues and duplicate-free.
    std::span<const Value> items() const;
    bool empty() const { return items().empty(); }
    // Every element but the first of items().
    ValueSet rest() const;

private:
    struct Node;
    explicit ValueSet(std::shared_ptr<const Node> node) : node_(std::move(node)) {}
    std::shared_ptr<const Node> node_;  // null: the empty set
};
struct ClosureValue {
    const Expr* fun;  // a Fun node; the model owns it
    Frame* env;       // the frame it was created in (evaluation arena), null at top level
};
enum class Builtin {
    Domain,
    Range,
    ClassesLoc,
    Linearisations,
    DifferentValues,
    Tag2Events,
    Fencerel,
};
struct BuiltinValue {
    Builtin which;
};
struct ProcedureValue {
    const Stmt* proc;
};

// A cat value. Sets and relations are shared and immutable, so reading a name or storing a
// value copies a pointer, not a bit matrix.
struct Value {
    std::variant<EmptyValue, std::shared_ptr<const model::EventSet>,
                 std::shared_ptr<const model::Relation>, EventValue, PairValue, TagValue,
                 TupleValue, ValueSet, ClosureValue, BuiltinValue, ProcedureValue>
        v;

    Value() = default;
    template <class T>
    Value(T x) {  // NOLINT(google-explicit-constructor): values are built from every kind
        if constexpr (std::is_same_v<T, model::EventSet> || std::is_same_v<T, model::Relation>)
            v = std::make_shared<const T>(std::move(x));
        else
            v = std::move(x);
    }

    template <class T>
    const T* as() const {
        if constexpr (std::is_same_v<T, model::EventSet> || std::is_same_v<T, model::Relation>) {
            auto* p = std::get_if<std::shared_ptr<const T>>(&v);
            return p ? p->get() : nullptr;
        } else {
            return std::get_if<T>(&v);
        }
    }
    template <class T>
    bool is() const {
        return as<T>() != nullptr;
    }
};

// A frame of local slots (function parameters, let-bound names), allocated per evaluation.
struct Frame {
    std::vector<Value> slots;
    Frame* parent = nullptr;
};

// Total order on values, used to keep ValueSet sorted and duplicate-free.
int compareValues(const Value& a, const Value& b);

// "a relation", "a set of events", ... for type-error messages.
std::string describeValue(const Value& v);

}  // namespace memx::cat
