// Which top-level statements of a model give the same result for every choice made while one
// candidate execution is evaluated. The evaluator runs the statement list once per `with`
// choice and per natively enumerated coherence order; a statement that reads none of those
// choices, directly or through the names it reads, is evaluated once per candidate instead.
#pragma once

#include <vector>

#include "model/cat/ast.hpp"

namespace memx::cat {

struct StatementDependencies {
    // One entry per statement: true when the statement's value (its bindings, its check's
    // result, a `with`'s set of choices) cannot depend on a `with` choice or on the coherence
    // order. `call` statements are always varying.
    std::vector<char> stable;
    // One entry per statement: the varying global slots it reads, in increasing order. A
    // varying statement gives the same result as last time when these hold the same values
    // as then and none of them holds a function (whose body may read more).
    std::vector<std::vector<std::uint32_t>> varyingReads;
};

// `varyingSlots` are the global slots that change between choices (the coherence
// primitives); every `with` variable's slot is added here. The analysis reads the names each
// statement mentions anywhere (inside function bodies too), so it may call a statement
// varying that is not, never the reverse.
StatementDependencies statementDependencies(const StmtList& statements,
                                            const std::vector<std::uint32_t>& varyingSlots);

}  // namespace memx::cat
