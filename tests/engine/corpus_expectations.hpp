// herd7's recorded results for a corpus folder (its expected.csv, columns documented in the
// corpus README), and the canonical form of final states used to compare with them.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace memx::corpus {

struct ExpectedRow {
    std::string test;         // path relative to the folder
    std::string status;       // ok, timeout, error
    std::string observation;  // Never, Sometimes, Always (ok rows)
    std::set<std::string> flags;
    std::set<std::string> states;  // canonical
    std::optional<long long> positive, negative;
    double herdSeconds = 0;
    std::optional<bool> dat3mReachable, speedcheckReachable;
};

// Reads expected.csv by its header names. Throws std::runtime_error if unreadable.
std::vector<ExpectedRow> readExpectations(const std::string& csvPath);

// A state canonicalised as the corpus does: brackets dropped, spaces removed, items sorted,
// written "a=1; b=2;".
std::string canonicalState(const std::string& state);

}  // namespace memx::corpus
