// What one litmus test yields under one model: the allowed executions' final states, witness
// counts and flags, with herd's verdict rules; on request, the executions the model rejects.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "litmus/ast.hpp"
#include "model/cat/model.hpp"
#include "model/execution_graph.hpp"
#include "solver/final_state.hpp"

namespace memx::solver {

struct AllowedExecution {
    FinalState state;
    bool conditionHolds = false;
    std::vector<std::string> flags;
    model::ExecutionGraph graph;  // with "co" and "fr" when the model enumerated co natively
    std::map<std::string, model::Relation> withBindings;
};

// The allowed execution `verdict` judges on `graph`, as runTest keeps it: with the relations
// the model was asked to return (co and fr where it chose them itself) in its graph, and
// "*undef*" among its flags when an undefined_unless check failed.
AllowedExecution keptAllowedExecution(FinalState state, bool conditionHolds,
                                      model::ExecutionGraph graph,
                                      const cat::ExecutionVerdict& verdict);

// An execution the model rejects (RunOptions::keepForbidden). It counts nowhere in herd's
// report (states, witnesses, flags): it is kept for front ends that show why an outcome is
// forbidden. The model stops at the first failing axiom (cat's stopAtFirstFailure), so
// `withBindings` holds only the choices made before it, and one rejection can stand for every
// later `with` choice, as in solver::forEachExecution.
struct ForbiddenExecution {
    FinalState state;
    bool conditionHolds = false;
    model::ExecutionGraph graph;  // with "co" and "fr" when the model enumerated co natively
    std::map<std::string, model::Relation> withBindings;
    std::vector<std::string> failedAxioms;  // the `as` names (else the text) of failing axioms
};

// A wait that never ends in a blocked execution (the liveness flag of --loops await).
struct BlockedWait {
    int thread = 0;
    int line = 0;  // the first line of the wait's loop statement
    // The reads of the wait's last iteration, as events of the execution's graph. Each reads
    // the co-final write of its location (of its byte, in a byte-granular test), so reading
    // again gives the same values and the wait's condition holds forever.
    std::vector<model::EventIndex> lastReads;

    std::string where() const;  // "P0 at line 22", as `memx run` prints it
};

// An allowed execution in which some threads wait forever (docs/loops.md). runTest drops it
// from the report, as it drops every execution in which a wait's condition still holds after
// its last iteration; it is kept apart for the figures (`memx graph --blocked`) and the GUI.
struct BlockedExecution {
    AllowedExecution execution;  // its final state is the one reached while waiting
    std::vector<BlockedWait> waits;
};

// How far a verdict-only run's states or a flag's absence were established beyond the
// executions the verdict searches met.
enum class Completeness {
    Exact,        // proven: every state found, or the flag found or proven absent
    Capped,       // states: the search stopped once more than RunOptions::maxStates were found
    Stopped,      // the time limit (or a cancel) stopped the search
    NotSearched,  // no search ran (a user model's flags, word-sized tests)
};

struct TestOutcome {
    std::string name;
    litmus::Quantifier quantifier = litmus::Quantifier::Exists;
    std::set<FinalState> states;  // herd's order
    std::uint64_t positive = 0;   // allowed executions where the proposition holds
    std::uint64_t negative = 0;
    std::set<std::string> flags;  // "*undef*" for a failed undefined_unless, as herd prints it
    bool undefined = false;
    // A loop reached its unrolling bound where it could still go on (EventStructure::
    // loopCuts): the executions that needed more iterations are not counted, and herd7
    // prints "Loop Ok"/"Loop No" and warns that outcomes may be missing.
    bool loopCut = false;
    // Loops read as waits under --loops await (EventStructure::waits): each contributes only
    // its final iteration, and the `liveness` flag says a thread can wait forever.
    std::size_t waits = 0;
    // With the liveness flag: the allowed execution found in which threads wait forever.
    std::optional<BlockedExecution> blocked;
    bool timedOut = false;
    bool cancelled = false;  // stopped by RunOptions::cancel (timedOut is set too)
    // False after a verdict search (SearchMode::Verdict): the observation is exact, but the
    // witness counts are those of the executions it met, and the states and flags are exact
    // only as the fields below say (solver/verdict_completion.hpp).
    bool exhaustive = true;
    // Whether `states` plus `statesOmitted` are all the final states of the allowed
    // executions: always in an exhaustive run; in a verdict-only run when the state search
    // finished. Otherwise statesOmitted is a lower bound.
    Completeness statesCompleteness = Completeness::Exact;
    // States found but not listed (RunOptions::maxStates): `states` keeps the first ones in
    // herd's order.
    std::uint64_t statesOmitted = 0;
    // Whether `flags` holds every flag some allowed execution raises: always in an exhaustive
    // run; in a verdict-only run under a built-in model when every flag it can raise was
    // found or proven absent (unprovenFlags empty).
    bool flagsExact = true;
    // Verdict-only runs: the flags no checked execution raised whose absence is not proven,
    // by name (as the model's `as` names them), with the reason.
    std::map<std::string, Completeness> unprovenFlags;
    double seconds = 0;
    // Counters for diagnosis and benchmarks.
    std::uint64_t candidates = 0;    // proposed by the solver with determined values
    std::uint64_t undetermined = 0;  // out-of-thin-air candidates discarded, as herd does
    std::uint64_t filtered = 0;      // candidates the test's filter discarded
    std::uint64_t evaluated = 0;     // complete executions (candidate x co x with) checked
    std::uint64_t ordersBuilt = 0;   // coherence orders the model's linearisations built
    std::uint64_t solverWork = 0;    // Z3's work proposing candidates (Z3Session::work)
    std::vector<AllowedExecution> executions;  // when RunOptions::keepExecutions
    // When RunOptions::keepForbidden: rejected executions in enumeration order, at most
    // RunOptions::maxForbidden of them; forbiddenOmitted counts those beyond.
    std::vector<ForbiddenExecution> forbiddenExecutions;
    std::uint64_t forbiddenOmitted = 0;

    // herd's verdict line: the condition's quantifier is satisfied.
    bool conditionSatisfied() const;
};

}  // namespace memx::solver
