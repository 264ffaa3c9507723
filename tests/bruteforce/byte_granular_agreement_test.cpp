// Byte-granular litmus programs through the whole pipeline (parser, byte splitter, both
// enumerators, cat model): the brute-force checker and the engine agree under the built-in
// LKMM and RC11 and in both `--usercopy` modes. These hold independently of which tests
// litmus/library ships: single-copy-atomic accesses, tearing, plain and user copies.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>

#include <unistd.h>

#include "tests/bruteforce/agreement.hpp"

namespace memx::bruteforce {
namespace {

struct Program {
    const char* name;
    const char* text;
};

const Program kPrograms[] = {
    {"AtomicHalfwords", R"(C AtomicHalfwords
{ u16 x = 0; }
P0(u16 *x) { WRITE_ONCE(*x, 257); }
P1(u16 *x) { WRITE_ONCE(*x, 514); }
P2(u16 *x) { u16 r0; r0 = READ_ONCE(*x); }
exists (2:r0=258)
)"},
    {"MemcpyRacesWithStores", R"(C MemcpyRacesWithStores
{ u8 src[4]; u8 dst[4]; }
P0(u8 *src, u8 *dst) { memcpy(dst, src, 4); }
P1(u8 *src) { WRITE_ONCE(*(src+1), 1); WRITE_ONCE(*(src+2), 2); }
exists (dst[1]=1 /\ dst[2]=0)
)"},
    {"CopyFromUserAgainstExternalWord", R"(C CopyFromUserAgainstExternalWord
{ u8 ubuf[4]; u8 kbuf[4]; }
P0(u8 *ubuf, u8 *kbuf) { copy_from_user(kbuf, ubuf, 4); }
external P1(u8 *ubuf) { u32 *p = (u32 *)ubuf; WRITE_ONCE(*p, 16843009); }
exists (kbuf[0]=1 /\ kbuf[3]=0)
)"},
    {"WordReadAgainstBytewiseWriter", R"(C WordReadAgainstBytewiseWriter
{ u32 x = 0; u8 src[4] = {1, 1, 1, 1}; }
P0(u32 *x, u8 *src) { atomic_bytewise_memcpy(x, src, 4); }
P1(u32 *x) { WRITE_ONCE(*x, 33686018); }
P2(u32 *x) { u32 r0; r0 = READ_ONCE(*x); }
exists (2:r0=16843266)
)"},
};

using Case = std::tuple<int /*program*/, const char* /*model*/, model::UserCopyMode>;

std::string caseName(const Case& c) {
    bool asmMode = std::get<2>(c) == model::UserCopyMode::Asm;
    return std::string(kPrograms[std::get<0>(c)].name) + "_" + std::get<1>(c) +
           (asmMode ? "_asm" : "_plain");
}

class ByteGranularAgreement : public ::testing::TestWithParam<Case> {
protected:
    void TearDown() override {
        if (!dir_.empty()) {
            std::error_code ignored;
            std::filesystem::remove_all(dir_, ignored);
        }
    }

    std::string write(const Program& program) {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        std::string name = info->name();
        for (char& ch : name) {
            ch = ch == '/' ? '_' : ch;
        }
        dir_ = std::filesystem::temp_directory_path() /
               ("memx-bruteforce-" + std::to_string(::getpid()) + "-" + name);
        std::filesystem::create_directories(dir_);
        auto path = dir_ / (std::string(program.name) + ".litmus");
        std::ofstream(path) << program.text;
        return path.string();
    }

    std::filesystem::path dir_;
};

TEST_P(ByteGranularAgreement, BruteForceAgreesWithEngine) {
    const auto& [index, modelName, userCopy] = GetParam();
    const Program& program = kPrograms[index];
    solver::ModelSelection selection;
    selection.builtin = modelName;
    DiagnosticSink sink;
    auto model = solver::loadModelSelection(selection, sink);
    if (!model) {
        GTEST_SKIP() << "no built-in model " << modelName;
    }
    AgreementLimits limits;
    limits.events.userCopy = userCopy;
    auto result = checkAgreement(write(program), *model, limits);
    std::string details;
    for (const auto& d : result.details) {
        details += "\n  " + d;
    }
    ASSERT_NE(result.status, AgreementStatus::NotRunnable) << details;
    ASSERT_NE(result.status, AgreementStatus::OverCap);
    ASSERT_NE(result.status, AgreementStatus::EngineTimedOut);
    EXPECT_EQ(result.status, AgreementStatus::Agreed) << program.name << details;
    EXPECT_GT(result.candidates, 0u);
}

INSTANTIATE_TEST_SUITE_P(
    Programs, ByteGranularAgreement,
    ::testing::Combine(::testing::Range(0, static_cast<int>(std::size(kPrograms))),
                       ::testing::Values("lkmm", "rc11"),
                       ::testing::Values(model::UserCopyMode::Asm, model::UserCopyMode::Plain)),
    [](const auto& info) { return caseName(info.param); });

}  // namespace
}  // namespace memx::bruteforce
