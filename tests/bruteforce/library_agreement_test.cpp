// Every test of litmus/library, found when the tests run (a new file is covered without a
// rebuild): the brute-force checker and the engine agree on states, witness counts, flags and
// candidate numbers. The model follows the folder: c11/ uses RC11 (memx's built-in rc11 when
// present, else herd's rc11.cat from ../shared), every other folder the built-in LKMM.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "solver/model_locator.hpp"
#include "tests/bruteforce/agreement.hpp"

namespace memx::bruteforce {
namespace {

namespace fs = std::filesystem;

const fs::path kLibrary = fs::path(MEMX_SOURCE_DIR) / "litmus" / "library";
const fs::path kHerdLibrary = fs::path(MEMX_SHARED_DIR) / "lkmm-upstream" / "herd-lib";

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

bool usesRc11(const std::string& path) {
    std::string folder = path.substr(0, path.find('/'));
    return folder == "c11" || folder == "rc11";
}

// The model selection for a folder, or nullopt (with the reason) when it is unavailable.
std::optional<solver::ModelSelection> selectionFor(const std::string& path, std::string* why) {
    solver::ModelSelection selection;
    if (!usesRc11(path)) {
        return selection;
    }
    if (solver::builtinModelPath("rc11")) {
        selection.builtin = "rc11";
        return selection;
    }
    if (!fs::exists(kHerdLibrary / "rc11.cat")) {
        *why = "no built-in rc11 model and " + kHerdLibrary.string() +
               "/rc11.cat (the shared reference files) is missing";
        return std::nullopt;
    }
    selection.catFile = kHerdLibrary / "rc11.cat";
    selection.includeDirs.push_back(kHerdLibrary);
    return selection;
}

class LibraryAgreement : public ::testing::TestWithParam<std::string> {};

TEST_P(LibraryAgreement, BruteForceAgreesWithEngine) {
    std::string why;
    auto selection = selectionFor(GetParam(), &why);
    if (!selection) {
        GTEST_SKIP() << why;
    }
    DiagnosticSink sink;
    auto model = solver::loadModelSelection(*selection, sink);
    ASSERT_TRUE(model) << "cannot load the model for " << GetParam();
    AgreementLimits limits;
    limits.engineTimeoutSeconds = 120;
    auto result = checkAgreement((kLibrary / GetParam()).string(), *model, limits);
    switch (result.status) {
        case AgreementStatus::Agreed:
            std::cout << GetParam() << ": " << result.candidates << " candidates agree\n";
            break;
        case AgreementStatus::OverCap:
            GTEST_SKIP() << GetParam() << ": over the brute-force cap";
        case AgreementStatus::EngineTimedOut:
            FAIL() << GetParam() << ": the engine timed out";
        case AgreementStatus::NotRunnable:
        case AgreementStatus::Disagreed:
            std::string details;
            for (const auto& d : result.details) {
                details += "\n  " + d;
            }
            FAIL() << GetParam()
                   << (result.status == AgreementStatus::Disagreed
                           ? ": the engine and the brute force differ:"
                           : ": cannot run:")
                   << details;
    }
}

INSTANTIATE_TEST_SUITE_P(Library, LibraryAgreement, ::testing::ValuesIn(libraryTests()),
                         [](const auto& info) { return caseName(info.param); });

TEST(LibraryAgreementSetup, FindsTheLibrary) {
    auto tests = libraryTests();
    EXPECT_GE(std::count_if(tests.begin(), tests.end(),
                            [](const auto& t) { return t.rfind("lkmm/", 0) == 0; }),
              6);
}

}  // namespace
}  // namespace memx::bruteforce
