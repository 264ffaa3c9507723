// The brute-force checker against the engine on ../shared/corpus, under the built-in LKMM:
//   - lkmm/: a fixed selection of small tests. Of the rows of lkmm/expected.csv that herd7
//     decided (status ok) in at most kMaxHerdSeconds, sorted by path, every kEvery-th
//     (the 1st, the (kEvery+1)-th, ...): 337 tests with the corpus as shipped. At least
//     kMinCompared of them must fit the brute-force cap and be compared.
//   - kernel/: every test that fits the cap.
//   - c11/: every test herd7 decided, under the model memx picks for it (rc11).
// Any disagreement fails, naming the test and every differing field. Skipped, with a message,
// when ../shared is missing.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "tests/bruteforce/agreement.hpp"
#include "tests/bruteforce/corpus_selection.hpp"

namespace memx::bruteforce {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(MEMX_SHARED_DIR) / "corpus";
constexpr double kMaxHerdSeconds = 0.05;
constexpr std::size_t kEvery = 8;
constexpr std::size_t kMinCompared = 300;

// `name`: a built-in model, or "" for the one memx picks per test.
solver::LoadedModel builtinModel(const std::string& name) {
    DiagnosticSink sink;
    solver::ModelSelection selection;
    selection.builtin = name;
    auto model = solver::loadModelSelection(selection, sink);
    if (!model) {
        throw std::runtime_error("cannot load the built-in model '" + name + "'");
    }
    return *model;
}

AgreementTally compareAll(const fs::path& folder, const std::vector<std::string>& tests,
                          const std::string& modelName = "lkmm") {
    auto model = builtinModel(modelName);
    AgreementLimits limits;
    limits.engineTimeoutSeconds = 10;
    AgreementTally tally;
    for (const auto& test : tests) {
        auto result = checkAgreement((folder / test).string(), model, limits);
        tally.add(result);
        std::string details;
        for (const auto& d : result.details) {
            details += "\n  " + d;
        }
        if (result.status == AgreementStatus::Disagreed) {
            ADD_FAILURE() << test << ": the engine and the brute force differ:" << details;
        } else if (result.status == AgreementStatus::EngineTimedOut) {
            std::cout << "engine timeout: " << test << "\n";
        } else if (result.status == AgreementStatus::NotRunnable) {
            std::cout << "not runnable: " << test << ":" << details << "\n";
        }
    }
    return tally;
}

TEST(CorpusAgreement, LkmmSelection) {
    if (!fs::exists(kCorpus / "lkmm" / "expected.csv")) {
        GTEST_SKIP() << kCorpus << " (the shared reference corpus) is missing";
    }
    CorpusSelection small;
    small.maxHerdSeconds = kMaxHerdSeconds;
    small.every = kEvery;
    auto selection = selectCorpusTests((kCorpus / "lkmm" / "expected.csv").string(), small);
    AgreementTally tally = compareAll(kCorpus / "lkmm", selection);
    std::cout << "lkmm selection of " << selection.size() << " tests: " << tally.summary() << "\n";
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
    AgreementTally tally = compareAll(kCorpus / "kernel", tests);
    std::cout << "kernel, " << tests.size() << " tests: " << tally.summary() << "\n";
    EXPECT_EQ(tally.disagreed, 0u);
    EXPECT_GT(tally.compared(), 0u);
}

TEST(CorpusAgreement, C11) {
    if (!fs::exists(kCorpus / "c11" / "expected.csv")) {
        GTEST_SKIP() << kCorpus << " (the shared reference corpus) is missing";
    }
    CorpusSelection decided;
    decided.maxHerdSeconds = 60;
    decided.every = 1;
    auto tests = selectCorpusTests((kCorpus / "c11" / "expected.csv").string(), decided);
    AgreementTally tally = compareAll(kCorpus / "c11", tests, "");
    std::cout << "c11, " << tests.size() << " tests: " << tally.summary() << "\n";
    EXPECT_EQ(tally.disagreed, 0u);
    EXPECT_GT(tally.compared(), 0u);
}

}  // namespace
}  // namespace memx::bruteforce
