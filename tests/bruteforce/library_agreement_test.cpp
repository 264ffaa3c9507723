// Every test of litmus/library, found when the tests run (a new file is covered without a
// rebuild): the brute-force checker and the engine agree on states, witness counts, flags and
// candidate numbers, under the model memx picks for the test (rc11 for C11 tests, else lkmm);
// user-copy tests also under rc11 and in both --usercopy modes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "tests/bruteforce/agreement.hpp"

namespace memx::bruteforce {
namespace {

namespace fs = std::filesystem;

const fs::path kLibrary = fs::path(MEMX_SOURCE_DIR) / "litmus" / "library";

std::vector<std::string> libraryTests() {
    std::vector<std::string> out;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(kLibrary, ec), end; !ec && it != end;
         it.increment(ec)) {
        if (it->path().extension() == ".litmus") {
            out.push_back(fs::relative(it->path(), kLibrary).generic_string());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

// A test name GoogleTest accepts: letters, digits and underscores.
std::string caseName(const std::string& path) {
    std::string name;
    for (char ch : path) {
        name += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
    }
    return name;
}

// One run of a library test: the model ("auto": the one memx picks for the test's dialect,
// lkmm or rc11; or a built-in name) and the `--usercopy` mode.
struct LibraryCase {
    std::string path;  // relative to litmus/library
    std::string model;
    model::UserCopyMode userCopy = model::UserCopyMode::Asm;
};

// Every test under the automatic model; the user-copy tests also under rc11 and in both
// `--usercopy` modes, since the issue asks for their answers under both models.
std::vector<LibraryCase> libraryCases() {
    std::vector<LibraryCase> out;
    for (const auto& path : libraryTests()) {
        bool userCopy = path.rfind("usercopy/", 0) == 0;
        for (const char* model : {"auto", "rc11"}) {
            for (auto mode : {model::UserCopyMode::Asm, model::UserCopyMode::Plain}) {
                if (userCopy ||
                    (std::string(model) == "auto" && mode == model::UserCopyMode::Asm)) {
                    out.push_back({path, model, mode});
                }
            }
        }
    }
    return out;
}

std::string caseName(const LibraryCase& c) {
    return caseName(c.path) + "_" + c.model +
           (c.userCopy == model::UserCopyMode::Asm ? "_asm" : "_plain");
}

class LibraryAgreement : public ::testing::TestWithParam<LibraryCase> {};

TEST_P(LibraryAgreement, BruteForceAgreesWithEngine) {
    const LibraryCase& c = GetParam();
    solver::ModelSelection selection;
    selection.builtin = c.model == "auto" ? "" : c.model;
    DiagnosticSink sink;
    auto model = solver::loadModelSelection(selection, sink);
    ASSERT_TRUE(model) << "cannot load the model " << c.model;
    AgreementLimits limits;
    limits.engineTimeoutSeconds = 120;
    limits.events.userCopy = c.userCopy;
    auto result = checkAgreement((kLibrary / c.path).string(), *model, limits);
    std::string details;
    for (const auto& d : result.details) {
        details += "\n  " + d;
    }
    switch (result.status) {
        case AgreementStatus::Agreed:
            std::cout << c.path << " (" << c.model << "): " << result.candidates
                      << " candidates agree\n";
            break;
        case AgreementStatus::OverCap:
            GTEST_SKIP() << c.path << ": over the brute-force cap";
        case AgreementStatus::EngineTimedOut:
            FAIL() << c.path << ": the engine timed out";
        case AgreementStatus::NotRunnable:
            FAIL() << c.path << ": cannot run:" << details;
        case AgreementStatus::Disagreed:
            FAIL() << c.path << ": the engine and the brute force differ:" << details;
    }
}

INSTANTIATE_TEST_SUITE_P(Library, LibraryAgreement, ::testing::ValuesIn(libraryCases()),
                         [](const auto& info) { return caseName(info.param); });

TEST(LibraryAgreementSetup, FindsTheLibrary) {
    auto tests = libraryTests();
    EXPECT_GE(std::count_if(tests.begin(), tests.end(),
                            [](const auto& t) { return t.rfind("lkmm/", 0) == 0; }),
              6);
}

}  // namespace
}  // namespace memx::bruteforce
