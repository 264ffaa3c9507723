// Golden-file scaffolding shared by the suites that compare diagnostics with a checked-in
// `.expected-failure` beside each bad input: listing a folder's inputs, reading files, naming
// parameterised tests, and comparing with (or, under MEMX_PROMOTE=1, rewriting) the golden.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace memx::testing {

inline std::string readText(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

// The names (without extension) of the `.litmus` files in `folder`, sorted.
inline std::vector<std::string> litmusStems(const std::filesystem::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() == ".litmus") {
            names.push_back(entry.path().stem().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

// A test name gtest accepts, made from a file's stem.
inline std::string testNameOf(std::string stem) {
    std::replace_if(
        stem.begin(), stem.end(),
        [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
    return stem;
}

// `actual` must equal the golden file; with MEMX_PROMOTE=1 it becomes the golden instead.
inline void expectGolden(const std::string& actual, const std::filesystem::path& golden) {
    const char* promote = std::getenv("MEMX_PROMOTE");
    if (promote && std::string(promote) == "1") {
        std::ofstream(golden, std::ios::binary) << actual;
        return;
    }
    ASSERT_TRUE(std::filesystem::exists(golden))
        << golden << " is missing; run with MEMX_PROMOTE=1";
    EXPECT_EQ(actual, readText(golden));
}

}  // namespace memx::testing
