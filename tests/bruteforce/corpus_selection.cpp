#include "tests/bruteforce/corpus_selection.hpp"

#include <algorithm>

#include "tests/engine/corpus_expectations.hpp"

namespace memx::bruteforce {

std::vector<std::string> selectCorpusTests(const std::string& expectedCsv,
                                           const CorpusSelection& selection) {
    std::vector<std::string> decided;
    for (const auto& row : corpus::readExpectations(expectedCsv)) {
        if (row.status == "ok" && row.herdSeconds <= selection.maxHerdSeconds) {
            decided.push_back(row.test);
        }
    }
    std::sort(decided.begin(), decided.end());
    std::vector<std::string> out;
    std::size_t step = std::max<std::size_t>(selection.every, 1);
    for (std::size_t i = selection.offset; i < decided.size(); i += step) {
        out.push_back(decided[i]);
    }
    return out;
}

}  // namespace memx::bruteforce
