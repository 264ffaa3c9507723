// `memx check` on the kernel's own litmus tests: every test meets its `Result:` comment.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/check/memx_binary.hpp"

namespace memx::check {
namespace {

TEST(CheckKernelCorpus, EveryKernelTestMeetsItsResultComment) {
    std::string kernel = std::string(MEMX_SHARED_DIR) + "/corpus/kernel";
    if (!std::filesystem::is_directory(kernel)) {
        GTEST_SKIP() << "the shared corpus is missing: " << kernel
                     << " (configure with -DMEMX_SHARED_DIR=...)";
    }
    auto run = testing::memxCheck(kernel);
    EXPECT_EQ(run.exitCode, 0) << run.output;
    EXPECT_NE(run.output.find(" 0 failed, 0 errors, 0 timeouts, 0 without expectation\n"),
              std::string::npos)
        << run.output;
}

}  // namespace
}  // namespace memx::check
