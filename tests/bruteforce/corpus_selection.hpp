// Deterministic selections of a corpus folder for the brute-force comparison: the tests herd7
// decided (status ok in expected.csv) within a time bound, sorted by path, every N-th from an
// offset. Small herd7 times mean small candidate spaces, which the brute force can enumerate.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace memx::bruteforce {

struct CorpusSelection {
    double maxHerdSeconds = 0.05;
    std::size_t every = 8;
    std::size_t offset = 0;  // the first test taken, counted from 0
};

// Paths relative to the folder of `expectedCsv`. Throws std::runtime_error if unreadable.
std::vector<std::string> selectCorpusTests(const std::string& expectedCsv,
                                           const CorpusSelection& selection);

}  // namespace memx::bruteforce
