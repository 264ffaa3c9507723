// memx's model files are its own formulation: no line of them may repeat a line of the
// kernel's model files or herd's library word for word (GPL/CeCILL test inputs), except the
// interface lines listed in upstream-interface-lines.txt (names herd's stdlib must provide,
// the bell's declarations, axiom names), which any compatible model has to spell the same.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

// Whitespace-folded, trimmed; short lines (a lone `end`, `let x = y`) say nothing.
std::string normalised(const std::string& line) {
    std::string out;
    bool space = false;
    for (char c : line) {
        if (c == ' ' || c == '\t' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
        }
        space = false;
        out += c;
    }
    return out;
}

constexpr std::size_t kSignificantLength = 25;

std::set<std::string> significantLines(const fs::path& file) {
    std::set<std::string> lines;
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) {
        std::string n = normalised(line);
        if (n.size() >= kSignificantLength) {
            lines.insert(n);
        }
    }
    return lines;
}

TEST(ModelFiles, RepeatNoUpstreamLineButTheInterface) {
    fs::path upstream = fs::path(MEMX_SHARED_DIR) / "lkmm-upstream";
    if (!fs::exists(upstream)) {
        GTEST_SKIP() << "no " << upstream << ": the upstream model files are not beside the clone";
    }
    std::set<std::string> theirs;
    for (const auto& dir : {upstream, upstream / "herd-lib"}) {
        for (const auto& entry : fs::directory_iterator(dir)) {
            if (entry.is_regular_file() && entry.path().extension() != ".md") {
                auto lines = significantLines(entry.path());
                theirs.insert(lines.begin(), lines.end());
            }
        }
    }
    ASSERT_GT(theirs.size(), 100u);
    fs::path here = fs::path(MEMX_SOURCE_DIR) / "tests" / "models";
    std::set<std::string> allowed = significantLines(here / "upstream-interface-lines.txt");

    std::set<std::string> allowedAndUsed;
    for (const auto& entry :
         fs::directory_iterator(fs::path(MEMX_SOURCE_DIR) / "model" / "models")) {
        if (entry.path().extension() == ".txt" || !entry.is_regular_file()) {
            continue;
        }
        std::ifstream in(entry.path());
        int number = 0;
        for (std::string line; std::getline(in, line);) {
            ++number;
            std::string n = normalised(line);
            if (n.size() < kSignificantLength || !theirs.count(n)) {
                continue;
            }
            if (allowed.count(n)) {
                allowedAndUsed.insert(n);
                continue;
            }
            ADD_FAILURE() << entry.path().filename().string() << ":" << number
                          << " repeats an upstream line: " << n;
        }
    }
    // The allowlist can only shrink: an entry no model file needs any more must go.
    for (const auto& n : allowed) {
        EXPECT_TRUE(allowedAndUsed.count(n)) << "no longer needed in the allowlist: " << n;
    }
}

}  // namespace
