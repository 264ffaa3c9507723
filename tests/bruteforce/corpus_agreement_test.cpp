// The brute-force checker against the engine on ../shared/corpus, under the built-in LKMM:
//   - lkmm/: a fixed selection of small tests. Of the rows of lkmm/expected.csv that herd7
//     decided (status ok) in at most kMaxHerdSeconds, sorted by path, every kEvery-th
//     (the 1st, the (kEvery+1)-th, ...): 337 tests with the corpus as shipped. At least
//     kMinCompared of them must fit the brute-force cap and be compared.
//   - kernel/: every test that fits the cap.
// Any disagreement fails, naming the test and every differing field. Skipped, with a message,
// when ../shared is missing.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "tests/bruteforce/agreement.hpp"
#include "tests/engine/corpus_expectations.hpp"

namespace memx::bruteforce {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(MEMX_SHARED_DIR) / "corpus";
constexpr double kMaxHerdSeconds = 0.05;
constexpr std::size_t kEvery = 8;
constexpr std::size_t kMinCompared = 300;

struct Tally {
    std::size_t agreed = 0, disagreed = 0, overCap = 0, engineTimedOut = 0, notRunnable = 0;
    std::uint64_t candidates = 0;
    double engineSeconds = 0, bruteForceSeconds = 0;
    std::size_t compared() const { return agreed + disagreed; }
};

std::ostream& operator<<(std::ostream& out, const Tally& t) {
    return out << t.compared() << " compared, " << t.agreed << " agreed, " << t.disagreed
               << " disagreed, " << t.overCap << " over the brute-force cap, " << t.engineTimedOut
               << " engine timeouts, " << t.notRunnable << " not runnable; " << t.candidates
               << " candidates; engine " << t.engineSeconds << " s, brute force "
               << t.bruteForceSeconds << " s";
}

solver::LoadedModel builtinLkmm() {
    DiagnosticSink sink;
    auto model = solver::loadModelSelection({}, sink);
    if (!model) {
        throw std::runtime_error("cannot load the built-in lkmm model");
    }
    return *model;
}

Tally compareAll(const fs::path& folder, const std::vector<std::string>& tests) {
    auto model = builtinLkmm();
    AgreementLimits limits;
    limits.engineTimeoutSeconds = 10;
    Tally tally;
    for (const auto& test : tests) {
        auto result = checkAgreement((folder / test).string(), model, limits);
        tally.engineSeconds += result.engineSeconds;
        tally.bruteForceSeconds += result.bruteForceSeconds;
        switch (result.status) {
            case AgreementStatus::Agreed:
                ++tally.agreed;
                tally.candidates += result.candidates;
                break;
            case AgreementStatus::Disagreed: {
                ++tally.disagreed;
                std::string details;
                for (const auto& d : result.details) {
                    details += "\n  " + d;
                }
                ADD_FAILURE() << test << ": the engine and the brute force differ:" << details;
                break;
            }
            case AgreementStatus::OverCap:
                ++tally.overCap;
                break;
            case AgreementStatus::EngineTimedOut:
                ++tally.engineTimedOut;
                std::cout << "engine timeout: " << test << "\n";
                break;
            case AgreementStatus::NotRunnable:
                ++tally.notRunnable;
                std::cout << "not runnable: " << test << ": "
                          << (result.details.empty() ? "" : result.details.front()) << "\n";
                break;
        }
    }
    return tally;
}

// The documented selection of lkmm/ (see the top of this file).
std::vector<std::string> lkmmSelection() {
    std::vector<std::string> decided;
    for (const auto& row : corpus::readExpectations((kCorpus / "lkmm" / "expected.csv").string())) {
        if (row.status == "ok" && row.herdSeconds <= kMaxHerdSeconds) {
            decided.push_back(row.test);
        }
    }
    std::sort(decided.begin(), decided.end());
    std::vector<std::string> selection;
    for (std::size_t i = 0; i < decided.size(); i += kEvery) {
        selection.push_back(decided[i]);
    }
    return selection;
}

TEST(CorpusAgreement, LkmmSelection) {
    if (!fs::exists(kCorpus / "lkmm" / "expected.csv")) {
        GTEST_SKIP() << kCorpus << " (the shared reference corpus) is missing";
    }
    auto selection = lkmmSelection();
    Tally tally = compareAll(kCorpus / "lkmm", selection);
    std::cout << "lkmm selection of " << selection.size() << " tests: " << tally << "\n";
    EXPECT_EQ(tally.disagreed, 0u);
    EXPECT_GE(tally.compared(), kMinCompared);
}

TEST(CorpusAgreement, Kernel) {
    if (!fs::exists(kCorpus / "kernel")) {
        GTEST_SKIP() << kCorpus << " (the shared reference corpus) is missing";
    }
    std::vector<std::string> tests;
    for (const auto& entry : fs::recursive_directory_iterator(kCorpus / "kernel")) {
        if (entry.path().extension() == ".litmus") {
            tests.push_back(fs::relative(entry.path(), kCorpus / "kernel").generic_string());
        }
    }
    std::sort(tests.begin(), tests.end());
    Tally tally = compareAll(kCorpus / "kernel", tests);
    std::cout << "kernel, " << tests.size() << " tests: " << tally << "\n";
    EXPECT_EQ(tally.disagreed, 0u);
    EXPECT_GT(tally.compared(), 0u);
}

}  // namespace
}  // namespace memx::bruteforce
