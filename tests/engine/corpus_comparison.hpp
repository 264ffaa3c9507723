// Compares memx's outcome for one corpus test with herd7's recorded one, aspect by aspect
// (observation, states, flags, witness counts), and reads the checked-in list of known
// differences.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "solver/test_outcome.hpp"
#include "tests/engine/corpus_expectations.hpp"

namespace memx::corpus {

struct Comparison {
    bool observation = true;
    bool states = true;
    bool flags = true;
    bool witnesses = true;
    std::vector<std::string> details;  // one line per differing aspect
    bool agrees() const { return observation && states && flags && witnesses; }
};

Comparison compareWithHerd(const ExpectedRow& expected, const solver::TestOutcome& outcome);

// Whether the condition is reachable according to memx (Positive > 0).
bool reachable(const solver::TestOutcome& outcome);

struct KnownDifference {
    std::string reason;
    std::optional<std::string> model;  // "[builtin]" / "[upstream]" prefix of the reason
};

// `path reason` per line (path relative to the corpus root, e.g. lkmm/x/y.litmus); `#`
// starts a comment. Throws std::runtime_error if the file cannot be read.
std::map<std::string, KnownDifference> readKnownDifferences(const std::string& path);

}  // namespace memx::corpus
