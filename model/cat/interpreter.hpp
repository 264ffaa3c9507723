// The evaluator of a resolved model on one execution graph. Internal to model/cat: the public
// entry point is cat::evaluate (model.hpp).
#pragma once

#include <deque>
#include <functional>

#include "model/cat/compiled_model.hpp"

namespace memx::cat {

class Interpreter {
public:
    Interpreter(const Model& model, const model::ExecutionGraph& graph,
                const EvaluateOptions& options,
                const std::function<void(const ExecutionVerdict&)>& onExecution);

    // Evaluates every execution of the graph (all co choices, all `with` choices).
    void run();

private:
    // Statements: `runFrom` evaluates the top-level statements from index `i`, forking at
    // `with`; `exec` evaluates one, returning false when an axiom failed and we stop there.
    void runFrom(std::size_t i);
    bool exec(const Stmt& s, Frame* env, const std::optional<std::string>& callName);
    bool check(const Stmt& s, Frame* env, const std::optional<std::string>& callName);
    // Adds a check's result to the verdict; false when it rejects and evaluation stops here.
    bool record(const CheckResult& c);
    // A top-level statement, or its effect remembered from an earlier choice when it is
    // stable (Model::stable): false when an axiom failed and we stop there.
    bool execTopLevel(std::size_t i);
    // A varying top-level statement: its result from the last time it ran when the varying
    // names it reads hold the same values as then, else evaluated (and remembered).
    bool execVarying(std::size_t i);
    bool isStable(std::size_t i) const;
    // Runs the rest of the statements once per choice of the `with` at statement `i`.
    void forEachChoice(std::size_t i, std::vector<Value> items);
    void bind(const std::vector<Binding>& bs, Frame* env, bool rec);
    void emit();

    // Expressions.
    Value eval(const Expr& e, Frame* env);
    Value load(const VarRef& ref, const Expr& at, Frame* env);
    void store(const VarRef& ref, Frame* env, Value v);
    void bindPattern(const Pattern& p, const std::vector<VarRef>& slots, Frame* env, Value v,
                     const NodeLoc& at);
    Value apply(const Value& f, Value arg, const Expr& at);
    Value binary(const Expr& e, Value a, Value b);
    Value unary(const Expr& e, Value a);
    Value add(const Expr& e, Value elt, Value set);
    Value matchSet(const Expr& e, Frame* env);
    Frame* newFrame(std::uint32_t size, Frame* parent);
    // Calls EvaluateOptions::checkpoint every kStepsPerCheckpoint calls (or at once: `now`).
    void checkpoint(bool now = false);

    // Coercions with located type errors.
    // The relation (set) `v` holds, or an empty one for the untyped empty value.
    const model::Relation& relation(const Value& v, const Expr& at) const;
    const model::EventSet& eventSet(const Value& v, const Expr& at) const;
    [[noreturn]] void fail(const NodeLoc& at, const std::string& message) const;

    // Natives (builtins.cpp).
    Value builtin(Builtin which, Value arg, const Expr& at);
    Value linearisations(const model::EventSet& s, const model::Relation& r);
    Value classesLoc(const model::EventSet& s) const;

    // Primitive values (primitives.cpp).
    void loadPrimitives();
    model::Relation graphRelation(const std::string& name) const;
    model::Relation observedCoherence() const;
    void forEachCoherence(const std::function<void(const model::Relation&)>& body) const;
    void setCoherence(const model::Relation& co);

    const Model& m_;
    const model::ExecutionGraph& g_;
    const EvaluateOptions& opt_;
    const std::function<void(const ExecutionVerdict&)>& onExecution_;
    std::size_t n_;
    model::Relation emptyRelation_;
    model::EventSet emptySet_;
    model::Relation po_;  // for fencerel
    std::vector<Value> globals_;
    std::vector<char> unbound_;  // primitive slots absent from this graph (read under `try`)
    std::deque<Frame> arena_;
    std::uint32_t steps_ = 0;
    int tryDepth_ = 0;  // `try` expressions being evaluated: an Unbound read needs one
    const char* stackFloor_ = nullptr;  // eval fails rather than overflow below it
    // Per top-level statement, what a stable one produced the first time it ran for this
    // candidate: its bindings stay in globals_ (each binding has a slot of its own).
    std::vector<char> done_;
    std::vector<std::optional<CheckResult>> checkResults_;
    std::vector<std::optional<std::vector<Value>>> choices_;  // `with` statements
    // Per varying top-level statement, what it produced the last time it ran, and the values
    // of the varying names it read then (Model::varyingReads). Successive coherence orders
    // and `with` choices often differ in a few relations only; the statements downstream of
    // the rest give the same results again.
    struct Remembered {
        bool valid = false;
        std::vector<Value> inputs;
        std::vector<Value> outputs;  // its global bindings, in binding order
        std::optional<CheckResult> check;
    };
    std::vector<Remembered> remembered_;
    ExecutionVerdict verdict_;
};

}  // namespace memx::cat
