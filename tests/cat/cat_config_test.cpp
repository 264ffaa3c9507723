// herd -conf files and sibling .bell discovery.
#include <gtest/gtest.h>

#include "graph_builder.hpp"
#include "model/cat/model.hpp"
#include "model_files.hpp"

namespace memx::cat {
namespace {

using testing::TempFolder;

TEST(CatConfigTest, ReadsModelFilesAndVariantsRelativeToTheCfg) {
    TempFolder dir;
    auto cfg = dir.write("k.cfg",
                         "# comment\nmacros k.def\nbell k.bell\nmodel k.cat\n"
                         "variant lkmmv2\ngraph columns\nedgeattr hb,color,indigo\n");
    DiagnosticSink sink;
    auto c = loadConfig(cfg, sink);
    ASSERT_TRUE(c.has_value());
    EXPECT_EQ(c->model, dir.path() / "k.cat");
    EXPECT_EQ(c->bell, dir.path() / "k.bell");
    EXPECT_EQ(c->macros, dir.path() / "k.def");
    EXPECT_EQ(c->variants, std::vector<std::string>{"lkmmv2"});
}

TEST(CatConfigTest, UnknownKeyIsALocatedError) {
    TempFolder dir;
    auto cfg = dir.write("k.cfg", "model k.cat\nfrobnicate yes\n");
    DiagnosticSink sink;
    EXPECT_FALSE(loadConfig(cfg, sink).has_value());
    ASSERT_EQ(sink.diagnostics().size(), 1U);
    EXPECT_EQ(sink.diagnostics()[0].range.begin.line, 2U);
    EXPECT_EQ(sink.diagnostics()[0].message, "unknown configuration key 'frobnicate'");
}

TEST(CatConfigTest, SiblingBellIsLoadedWhenNoneIsGiven) {
    TempFolder dir;
    dir.write("m.bell", "enum Kinds = 'special\ninstructions W[Kinds]\n");
    auto cat = dir.write("m.cat", "flag ~empty Special as special\n");
    DiagnosticSink sink;
    auto m = loadModel(cat, std::nullopt, {}, sink);
    ASSERT_TRUE(m);
    EXPECT_EQ(modelInterface(*m).instructions.at("W"), std::vector<std::string>{"Kinds"});
    testing::GraphBuilder b;
    b.write(0, "x", 1, {"special"});
    std::vector<std::string> flags;
    evaluate(*m, b.build(), {}, [&](const ExecutionVerdict& v) { flags = v.flags; });
    EXPECT_EQ(flags, std::vector<std::string>{"special"});
}

}  // namespace
}  // namespace memx::cat
