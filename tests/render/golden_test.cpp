// Golden files for every text format of the six classic executions, in tests/render/golden as
// <execution>.<format>. After a deliberate change to the figures, regenerate them with
//   MEMX_PROMOTE=1 ctest --test-dir <build> -R Golden
// and review the diff before committing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "classic_executions.hpp"
#include "render/figure.hpp"

namespace memx::render_test {
namespace {

namespace fs = std::filesystem;

struct Format {
    const char* extension;
    std::function<std::string(const render::Layout&)> write;
};

const std::vector<Format>& formats() {
    static const std::vector<Format> all{
        {"dot", render::writeDot},
        {"tikz", render::writeTikz},
        {"txt", [](const auto& l) { return render::writeText(l, render::TextStyle::Ascii); }},
        {"utf8", [](const auto& l) { return render::writeText(l, render::TextStyle::Unicode); }},
        {"svg",
         [](const auto& l) {
             auto bytes = render::writeImage(l, render::ImageFormat::Svg);
             return std::string(bytes.begin(), bytes.end());
         }},
    };
    return all;
}

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool promoting() {
    const char* v = std::getenv("MEMX_PROMOTE");
    return v != nullptr && std::string(v) == "1";
}

struct GoldenCase {
    std::size_t execution;
    std::size_t format;
};

class Golden : public testing::TestWithParam<GoldenCase> {};

TEST_P(Golden, MatchesStoredFigure) {
    ClassicExecution c = classicExecutions()[GetParam().execution];
    const Format& f = formats()[GetParam().format];
    render::Layout layout = render::layoutExecution(c.graph, c.relations, c.highlight, {c.name});
    std::string actual = f.write(layout);
    fs::path golden =
        fs::path(MEMX_SOURCE_DIR) / "tests/render/golden" / (c.name + "." + f.extension);
    if (promoting()) {
        std::ofstream(golden, std::ios::binary) << actual;
        GTEST_SKIP() << "promoted " << golden;
    }
    ASSERT_TRUE(fs::exists(golden)) << golden << " is missing; create it with MEMX_PROMOTE=1";
    EXPECT_EQ(readFile(golden), actual)
        << "figure differs from " << golden << "; if the change is deliberate, rerun with "
        << "MEMX_PROMOTE=1 and review the diff";
}

std::vector<GoldenCase> allCases() {
    std::vector<GoldenCase> cases;
    for (std::size_t e = 0; e < classicExecutions().size(); ++e) {
        for (std::size_t f = 0; f < formats().size(); ++f) {
            cases.push_back({e, f});
        }
    }
    return cases;
}

std::string caseName(const testing::TestParamInfo<GoldenCase>& info) {
    std::string name = classicExecutions()[info.param.execution].name + "_" +
                       formats()[info.param.format].extension;
    for (char& ch : name) {
        if (!std::isalnum(static_cast<unsigned char>(ch))) {
            ch = '_';
        }
    }
    return name;
}

INSTANTIATE_TEST_SUITE_P(Classic, Golden, testing::ValuesIn(allCases()), caseName);

}  // namespace
}  // namespace memx::render_test
