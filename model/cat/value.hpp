// Runtime values of the cat interpreter. Sets and relations are the dense model::EventSet and
// model::Relation; the rest (tags, tuples, sets of values, functions) exist for herd's
// library code (cross products, maps, `with ... from`).
#pragma once

#include <memory>
#include <string>
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
// A set of arbitrary values (relations, sets, ...), kept sorted and duplicate-free.
struct ValueSet {
    std::shared_ptr<const std::vector<Value>> items;
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

struct Value {
    std::variant<EmptyValue, model::EventSet, model::Relation, EventValue, PairValue, TagValue,
                 TupleValue, ValueSet, ClosureValue, BuiltinValue, ProcedureValue>
        v;

    template <class T>
    const T* as() const {
        return std::get_if<T>(&v);
    }
    template <class T>
    bool is() const {
        return std::holds_alternative<T>(v);
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

// Builds a ValueSet from arbitrary items (sorts and removes duplicates).
ValueSet makeValueSet(std::vector<Value> items);

}  // namespace memx::cat
