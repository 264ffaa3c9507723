// Inputs that used to give a silent wrong answer (issue 17, item 3) and now give a located
// error: a division that some execution makes by zero (herd7 stops such a test with a fatal
// error), a negative array index, and a copy that runs past its buffers.
#include <gtest/gtest.h>

#include <string>

#include "solver/test_pipeline.hpp"

namespace memx::solver {
namespace {

// Runs `text` under the built-in lkmm; the diagnostics, formatted, and whether it ran.
std::string diagnose(const std::string& text, bool* ran = nullptr) {
    ModelSelection selection;
    selection.builtin = "lkmm";
    DiagnosticSink sink;
    auto loaded = loadModelSelection(selection, sink);
    if (!loaded) {
        ADD_FAILURE() << "cannot load the built-in lkmm";
        return {};
    }
    auto result = runLitmusText(text, "bad.litmus", *loaded, {}, sink);
    if (ran != nullptr) {
        *ran = result.has_value();
    }
    std::string out;
    for (const auto& d : sink.diagnostics()) {
        out += formatDiagnostic(d, text);
    }
    return out;
}

// The diagnostics of `text`, which must not run.
std::string rejected(const std::string& text) {
    bool ran = true;
    std::string d = diagnose(text, &ran);
    EXPECT_FALSE(ran) << "ran, but should have been rejected";
    return d;
}

const std::string kDivision = "C div\n{ }\nP0(int *x)\n{\n\tint r0 = READ_ONCE(*x);\n";

TEST(BadInput, DivisionByAValueThatCanBeZeroIsAnErrorAtTheDivision) {
    std::string d = rejected(kDivision + "\tint r1 = 10 / r0;\n}\nexists (0:r1=-1)\n");
    EXPECT_NE(d.find("bad.litmus:6:11: error: division by zero"), std::string::npos) << d;
}

TEST(BadInput, RemainderByZeroIsAnErrorToo) {
    std::string d = rejected(kDivision + "\tint r1 = 10 % r0;\n}\nexists (0:r1=0)\n");
    EXPECT_NE(d.find("division by zero"), std::string::npos) << d;
}

TEST(BadInput, ADivisionGuardedAgainstZeroRuns) {
    bool ran = false;
    std::string d = diagnose(
        kDivision + "\tint r1 = 0;\n\tif (r0 != 0)\n\t\tr1 = 10 / r0;\n}\nexists (0:r1=0)\n", &ran);
    EXPECT_TRUE(ran) << d;
    EXPECT_EQ(d, "");
}

TEST(BadInput, ANegativeIndexIsAnErrorAtTheIndex) {
    std::string d = rejected(
        "C neg\n{ u8 b[2] = {0, 0}; }\nP0(u8 *b)\n{\n\tb[-1] = 1;\n}\n"
        "exists (b[0]=1)\n");
    EXPECT_NE(d.find("bad.litmus:5:4: error: negative array index -1"), std::string::npos) << d;
}

TEST(BadInput, AnOversizeCopyGetsOneErrorPerSideNamingTheRange) {
    std::string d = rejected(
        "C copy\n{ u8 a[4]; u8 b[4]; }\nP0(u8 *a, u8 *b)\n{\n"
        "\tmemcpy(a, b, 32);\n}\nexists (a[0]=0)\n");
    EXPECT_NE(d.find("memcpy's read of 32 bytes at offset 0 of 'b' (4 bytes) runs past its end: "
                     "bytes 4..31 do not exist"),
              std::string::npos)
        << d;
    EXPECT_NE(d.find("memcpy's write of 32 bytes at offset 0 of 'a'"), std::string::npos) << d;
    std::size_t errors = 0;
    for (std::size_t at = d.find("error:"); at != std::string::npos;
         at = d.find("error:", at + 1)) {
        ++errors;
    }
    EXPECT_EQ(errors, 2u) << d;
}

}  // namespace
}  // namespace memx::solver
