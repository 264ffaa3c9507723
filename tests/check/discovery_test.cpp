// Test discovery (files, folders, globs) and sharding.
#include <gtest/gtest.h>

#include <set>

#include "cli/check/sharding.hpp"
#include "cli/check/test_discovery.hpp"
#include "tests/check/temp_folder.hpp"

namespace memx::check {
namespace {

using testing::TempFolder;

std::vector<std::string> pathsOf(const std::vector<DiscoveredTest>& tests) {
    std::vector<std::string> paths;
    for (const auto& t : tests) {
        paths.push_back(t.path);
    }
    return paths;
}

TEST(CheckDiscovery, FolderIsSearchedRecursivelyForLitmusFilesOnly) {
    TempFolder dir;
    dir.write("b/deep/two.litmus", "");
    dir.write("a.litmus", "");
    dir.write("notes.txt", "");
    dir.write("b/three.litmus.out", "");
    DiagnosticSink sink;
    auto tests = discoverTests({dir.path().string()}, sink);
    EXPECT_FALSE(sink.hasErrors());
    ASSERT_EQ(tests.size(), 2u);
    EXPECT_EQ(tests[0].relativePath, "a.litmus");
    EXPECT_EQ(tests[1].relativePath, "b/deep/two.litmus");
    EXPECT_EQ(tests[1].path, (dir.path() / "b/deep/two.litmus").string());
}

TEST(CheckDiscovery, FileArgumentIsTakenWhateverItsExtension) {
    TempFolder dir;
    auto file = dir.write("sub/test.txt", "");
    DiagnosticSink sink;
    auto tests = discoverTests({file.string()}, sink);
    ASSERT_EQ(tests.size(), 1u);
    EXPECT_EQ(tests[0].path, file.string());
    EXPECT_EQ(tests[0].relativePath, "test.txt");
}

TEST(CheckDiscovery, GlobMatchesFilesAndFolders) {
    TempFolder dir;
    dir.write("x1.litmus", "");
    dir.write("x2.litmus", "");
    dir.write("y.litmus", "");
    dir.write("xdir/inner.litmus", "");
    DiagnosticSink sink;
    auto tests = discoverTests({(dir.path() / "x*").string()}, sink);
    EXPECT_FALSE(sink.hasErrors());
    EXPECT_EQ(pathsOf(tests),
              (std::vector<std::string>{(dir.path() / "x1.litmus").string(),
                                        (dir.path() / "x2.litmus").string(),
                                        (dir.path() / "xdir/inner.litmus").string()}));
}

TEST(CheckDiscovery, MissingPathAndEmptyGlobAreErrorsAndTheRestStillCounts) {
    TempFolder dir;
    auto good = dir.write("good.litmus", "");
    DiagnosticSink sink;
    auto tests = discoverTests({(dir.path() / "absent.litmus").string(),
                                (dir.path() / "*.nothing").string(), good.string()},
                               sink);
    ASSERT_EQ(sink.diagnostics().size(), 2u);
    EXPECT_EQ(sink.diagnostics()[0].message, "no such file or folder");
    EXPECT_EQ(sink.diagnostics()[1].message, "the pattern matches no file");
    EXPECT_EQ(pathsOf(tests), std::vector<std::string>{good.string()});
}

TEST(CheckDiscovery, ResultIsSortedAndFreeOfDuplicates) {
    TempFolder dir;
    auto b = dir.write("b.litmus", "");
    auto a = dir.write("a.litmus", "");
    DiagnosticSink sink;
    auto tests = discoverTests({b.string(), a.string(), b.string()}, sink);
    EXPECT_EQ(pathsOf(tests), (std::vector<std::string>{a.string(), b.string()}));
}

TEST(CheckSharding, ParsesKOverN) {
    std::string error;
    auto shard = parseShard("2/5", error);
    ASSERT_TRUE(shard);
    EXPECT_EQ(shard->index, 2u);
    EXPECT_EQ(shard->count, 5u);
    for (const char* bad : {"0/3", "4/3", "1/0", "3", "a/b", "1/2x", "/2", ""}) {
        EXPECT_FALSE(parseShard(bad, error)) << bad;
        EXPECT_FALSE(error.empty());
    }
}

TEST(CheckSharding, ShardsAreDisjointCompleteAndBalanced) {
    std::vector<DiscoveredTest> all;
    for (int i = 0; i < 23; ++i) {
        all.push_back({"t" + std::to_string(100 + i), ""});
    }
    for (std::size_t n = 1; n <= 7; ++n) {
        std::multiset<std::string> seen;
        for (std::size_t k = 1; k <= n; ++k) {
            auto part = selectShard(all, {k, n});
            EXPECT_LE(part.size(), all.size() / n + 1);
            EXPECT_GE(part.size(), all.size() / n);
            for (const auto& t : part) {
                seen.insert(t.path);
            }
        }
        ASSERT_EQ(seen.size(), all.size()) << n;
        for (const auto& t : all) {
            EXPECT_EQ(seen.count(t.path), 1u) << t.path << " in " << n << " shards";
        }
    }
}

TEST(CheckSharding, ShardTakesEveryNthFromItsOffset) {
    std::vector<DiscoveredTest> all{{"a", ""}, {"b", ""}, {"c", ""}, {"d", ""}, {"e", ""}};
    EXPECT_EQ(pathsOf(selectShard(all, {2, 2})), (std::vector<std::string>{"b", "d"}));
    EXPECT_EQ(pathsOf(selectShard(all, {1, 3})), (std::vector<std::string>{"a", "d"}));
}

}  // namespace
}  // namespace memx::check
