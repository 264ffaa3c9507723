// `--memory-limit MiB` (issue 13, result 3): a test that needs more memory than the limit ends
// with "Memory limit of N MiB reached: no verdict" and exit status 3 under `run`, and under
// `check` as a resource failure while the other tests go on. Two tests need the memory: twelve
// writes of one location (the model builds all 12! coherence orders before checking one: the
// C++ heap runs out) and a 4 KiB copy built byte by byte (--byte-classes off: Z3 runs out).
#include <gtest/gtest.h>

#include <string>

#include "tests/check/memx_binary.hpp"
#include "tests/check/run_process.hpp"
#include "tests/check/temp_folder.hpp"

namespace memx::check::testing {
namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

std::string bigCopy() {
    std::string ones;
    for (int i = 0; i < 4096; ++i) {
        ones += i ? ",1" : "1";
    }
    return "C big-copy\n(* Result: Sometimes *)\n{ u8 ubuf[4096]; u8 kbuf[4096]; u8 fresh[4096] = "
           "{" +
           ones +
           "}; }\n"
           "P0(u8 *kbuf, u8 *ubuf) { copy_from_user(kbuf, ubuf, 4096); }\n"
           "external P1(u8 *ubuf, u8 *fresh) { memcpy(ubuf, fresh, 4096); }\n"
           "exists (kbuf[0]=1 /\\ kbuf[4095]=0)\n";
}

std::string twelveWriters() {
    std::string text = "C twelve-writers\n(* Result: Sometimes *)\n{ x = 0; }\n";
    for (int i = 0; i < 12; ++i) {
        text += "P" + std::to_string(i) + "(int *x) { WRITE_ONCE(*x, " + std::to_string(i + 1) +
                "); }\n";
    }
    return text + "exists (x=1)\n";
}

const std::string kSmall =
    "C small\n(* Result: Never *)\n{ x = 0; }\n"
    "P0(int *x) { WRITE_ONCE(*x, 1); }\n"
    "P1(int *x) { int r0 = READ_ONCE(*x); }\n"
    "exists (1:r0=2)\n";

TEST(MemoryLimit, RunStopsWithTheMessageAndExitThree) {
    if (kSanitized) {
        GTEST_SKIP() << "AddressSanitizer's shadow memory is larger than any memory limit";
    }
    TempFolder dir;
    auto test = dir.write("twelve-writers.litmus", twelveWriters());
    auto r = runProcess(memxBinary() + " run --memory-limit 100 " + test.string() + " 2>&1");
    EXPECT_EQ(r.exitCode, 3) << r.output;
    EXPECT_NE(r.output.find("Memory limit of 100 MiB reached: no verdict"), std::string::npos)
        << r.output;
    EXPECT_EQ(r.output.find("Observation"), std::string::npos) << r.output;
}

TEST(MemoryLimit, ZThreeRunningOutStopsTheRunTheSameWay) {
    if (kSanitized) {
        GTEST_SKIP() << "AddressSanitizer's shadow memory is larger than any memory limit";
    }
    TempFolder dir;
    auto test = dir.write("big-copy.litmus", bigCopy());
    auto r = runProcess(memxBinary() + " run --byte-classes off --memory-limit 64 --timeout 120 " +
                        test.string() + " 2>&1");
    EXPECT_EQ(r.exitCode, 3) << r.output;
    EXPECT_NE(r.output.find("Memory limit of 64 MiB reached: no verdict"), std::string::npos)
        << r.output;
}

TEST(MemoryLimit, CheckReportsAResourceFailureAndGoesOn) {
    if (kSanitized) {
        GTEST_SKIP() << "AddressSanitizer's shadow memory is larger than any memory limit";
    }
    TempFolder dir;
    dir.write("twelve-writers.litmus", twelveWriters());
    dir.write("small.litmus", kSmall);
    auto r = runProcess(memxBinary() + " check -j 1 --memory-limit 100 --json " +
                        (dir.path() / "report.json").string() + " --junit " +
                        (dir.path() / "report.xml").string() + " " + dir.path().string() + " 2>&1");
    EXPECT_EQ(r.exitCode, 3) << r.output;
    EXPECT_NE(r.output.find("MEMORY " + (dir.path() / "twelve-writers.litmus").string() +
                            ": Memory limit of 100 MiB reached: no verdict"),
              std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("PASS " + (dir.path() / "small.litmus").string()), std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("1 over the memory limit"), std::string::npos) << r.output;
    auto json = runProcess("cat " + (dir.path() / "report.json").string());
    EXPECT_NE(json.output.find("\"memory-limit\""), std::string::npos) << json.output;
    auto junit = runProcess("cat " + (dir.path() / "report.xml").string());
    EXPECT_NE(junit.output.find("type=\"memory-limit\""), std::string::npos) << junit.output;
}

TEST(MemoryLimit, ByteClassesAnswerTheSameTestWellInsideTheLimit) {
    if (kSanitized) {
        GTEST_SKIP() << "AddressSanitizer's shadow memory is larger than any memory limit";
    }
    TempFolder dir;
    auto test = dir.write("big-copy.litmus", bigCopy());
    auto r = runProcess(memxBinary() + " run --memory-limit 200 " + test.string() + " 2>&1");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("Observation big-copy Sometimes"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace memx::check::testing
