// The flags each built-in model can raise, with what an execution must contain for the flag to
// be raised: a necessary condition read off the model's own definition. A verdict-only run
// searches, for each flag no checked execution raised, only the candidates that meet its
// condition (solver/verdict_completion.hpp), and where no candidate can meet it the flag is
// absent without a search. A user's model (--cat, --conf) has no such list: its flags mean
// whatever it says.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace memx::solver {

enum class FlagNeed {
    // lkmm-races.cat `pre-race` with `loc` and a write (races come from co, rf and fr):
    // two accesses of one byte from different threads, at least one a write, at least one
    // plain (not ONCE, ACQUIRE, RELEASE, MB, RMW, a lock or SRCU operation; never an
    // initial write).
    LkmmRace,
    // rc11.cat `race`: two accesses of one byte from different threads, at least one a write,
    // not both atomic (A, or a lock event); never an initial write.
    Rc11Race,
    // `torn` (solver/execution_graph_builder.cpp): a read access that reads some byte from a
    // write access W (not an initial write) and, for another byte of its footprint that W
    // also writes, reads it from elsewhere.
    TornRead,
    // lkmm-races.cat `mixed-accesses`: a plain write and a marked access of one byte in one
    // thread.
    PlainWriteBesideMarked,
    // Flags about locks, RCU and SRCU: an event of one of `sets` must exist. The run does not
    // search for these; they are proven absent only when no such event exists.
    EventOfSets,
};

struct FlagCondition {
    std::string name;      // the `as` name of the model's flag (or undefined_unless) check
    std::string raisedAs;  // as TestOutcome::flags holds it: the name, or "*undef*"
    FlagNeed need;
    std::vector<std::string> sets;  // EventOfSets only
};

// The flags of built-in model `model` ("lkmm", "rc11", "sc"), or null for any other name.
const std::vector<FlagCondition>* builtinFlagConditions(std::string_view model);

}  // namespace memx::solver
