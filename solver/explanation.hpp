// Why a model allows or forbids a test's outcome, in the model's own names: the candidate
// executions that would produce a forbidden outcome, each with the axiom that rejects it and
// the cycle (or pair) that breaks it as named edges decomposed down to po, rf, co, fr; the
// execution that allows an allowed outcome; the two accesses of each raised flag (a data race)
// and the ordering missing between them. CLI (`memx explain`, `memx graph --explain`,
// `memx compare`) and GUI ("Why not?") share it.
//
//   solver::ExplainOptions opts;                      // at most 8 executions explained
//   solver::TestExplanation why = solver::explainTest(program, events, *loaded.model, opts);
//   if (!why.conditionAllowed && !why.forbidden.empty()) {
//       const solver::AxiomViolation& v = *why.forbidden[0].violation;
//       // v.axiom == "happens-before"; v.cycle: a -hb-> b -hb-> ... -> a, each edge with
//       // .parts down to base edges; solver::baseEdges(v.cycle) gives a -po-> b -rf-> ...
//       // why.forbidden[0].execution.graph is the execution to draw (co and fr included).
//   }
//   std::string words = solver::formatExplanation(why, namer);  // solver/explanation_text.hpp
//
// docs/explanations.md says how cycles are found and edges decomposed.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "litmus/ast.hpp"
#include "model/cat/model.hpp"
#include "model/events/event_structure.hpp"
#include "solver/execution_search.hpp"
#include "solver/relation_derivation.hpp"

namespace memx::solver {

// The axiom an execution fails and the evidence.
struct AxiomViolation {
    std::string axiom;  // the check's `as` name ("happens-before"), else its text
    cat::CheckKind kind = cat::CheckKind::Acyclic;
    std::string expression;  // the checked expression as the model writes it ("hb")
    // acyclic: a shortest cycle, edge by edge, from an event back to it; irreflexive: a chain
    // from an event back to itself; empty: the chain of one pair (an event set's member as
    // the pair (e, e)). Empty when the expression is beyond the deriver (see `derived`).
    std::vector<DerivedEdge> cycle;
    bool derived = false;  // false: no cycle/pair could be evaluated outside the model
};

// A flag raised on an allowed execution (data-race, ...), or an undefined_unless check it
// fails: its first pair, decomposed; for a race the chain's `absent` lists the orderings
// missing between the two accesses.
struct FlagWitness {
    std::string flag;
    // An undefined_unless check that failed (RC11's data race): the program is undefined,
    // which herd reports as *undef*.
    bool undefined = false;
    std::vector<DerivedEdge> pair;  // from the first access to the second
    model::EventIndex first = 0, second = 0;
};

struct ExplainedExecution {
    JudgedExecution execution;
    std::optional<AxiomViolation> violation;  // rejected executions
    std::vector<FlagWitness> flags;           // allowed executions with raised flags
};

struct ExplainOptions {
    std::size_t maxExecutions = 8;  // rejected executions explained; the rest only counted
    std::optional<double> timeoutSeconds;
};

struct TestExplanation {
    std::string test;
    std::string modelTitle;
    litmus::Quantifier quantifier = litmus::Quantifier::Exists;
    std::string condition;  // as herd prints it: "exists (1:r0=1 /\ 1:r1=0)"
    // Some allowed execution satisfies the condition's proposition (herd's Positive > 0 for
    // `exists`).
    bool conditionAllowed = false;
    std::optional<ExplainedExecution> witness;  // the first allowed execution satisfying it
    std::vector<ExplainedExecution> forbidden;  // rejected executions satisfying it (bounded)
    std::uint64_t forbiddenTotal = 0;           // all of them
    std::vector<ExplainedExecution> flagged;    // per raised flag, the first allowed execution
    std::uint64_t allowedTotal = 0;
    bool timedOut = false;
};

TestExplanation explainTest(const litmus::Program& program, const model::EventStructure& events,
                            const cat::Model& model, const ExplainOptions& options = {});

// Explains one execution that forEachExecution judged under `model`: its failing axiom when
// rejected, its raised flags when allowed. Re-evaluates only this execution.
ExplainedExecution explainExecution(const cat::Model& model, const JudgedExecution& execution);

// The values of the relations `names` (as the model binds them; base relations of the graph
// included) in `execution`, which forEachExecution judged under `model`. Names bound to
// something else, or to nothing, are left out.
std::map<std::string, model::Relation> relationsOf(const cat::Model& model,
                                                   const JudgedExecution& execution,
                                                   const std::vector<std::string>& names);

// A shortest cycle of `r` (Boost.Graph breadth-first search from each event), as the events
// in order (the first is not repeated at the end); empty when r is acyclic.
std::vector<model::EventIndex> shortestCycle(const model::Relation& r);

}  // namespace memx::solver
