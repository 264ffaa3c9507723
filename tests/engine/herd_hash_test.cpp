// herd7's Hash= value (solver/herd_hash.hpp) and the MD5 under it. The whole-test values were
// checked against herd7 7.58's output: tests/herd7/kernel_blocks.sh compares memx's block, Hash
// line included, with herd7's on the 47 kernel tests of the shared corpus.
#include <gtest/gtest.h>

#include "litmus/parser.hpp"
#include "solver/herd_hash.hpp"
#include "solver/md5.hpp"

namespace memx::solver {
namespace {

TEST(Md5, Rfc1321TestSuite) {
    EXPECT_EQ(md5Hex(md5("")), "d41d8cd98f00b204e9800998ecf8427e");
    EXPECT_EQ(md5Hex(md5("abc")), "900150983cd24fb0d6963f7d28e17f72");
    EXPECT_EQ(md5Hex(md5("message digest")), "f96b697d7cb7938d525a2f31aaf161d0");
    // 80 bytes: the padding spills into a second block.
    EXPECT_EQ(md5Hex(md5("1234567890123456789012345678901234567890"
                         "1234567890123456789012345678901234567890")),
              "57edf4a22be3c955ac49da2e2107b67a");
}

// Comments, a `//` comment before a body, braces inside a body's comments, an init entry
// with a type and one without a value, and a `locations` entry: each changes herd's canonical
// text, so each must be read as herd reads it.
const char* kTest =
    "C MP+hash\n\n(* Result: Never *)\n\n{\n\tint x;\n\tint y = 0;\n}\n\n"
    "P0(int *x, int *y) // writer\n{\n\tWRITE_ONCE(*x, 1);\n\tsmp_store_release(y, 1);\n}\n\n"
    "P1(int *x, int *y)\n{\n\tint r0;\n\tint r1;\n\n\tr0 = smp_load_acquire(y); /* { */\n"
    "\tr1 = READ_ONCE(*x); /* } */\n}\n\nlocations [x]\nexists (1:r0=1 /\\ 1:r1=0)\n";

std::string hashOf(const std::string& text) {
    DiagnosticSink sink;
    auto program = litmus::parseLitmus(text, "t.litmus", sink);
    EXPECT_TRUE(program.has_value());
    return program ? herdHash(*program, text) : "";
}

TEST(HerdHash, AsHerd7PrintsIt) {
    EXPECT_EQ(hashOf(kTest), "f70ae394221bdeeb406407608e7a67e9");
}

TEST(HerdHash, IgnoresTheHeaderAndBlanksOutsideBodiesButNotInside) {
    std::string text = kTest;
    std::string renamed = text;
    renamed.replace(renamed.find("(* Result: Never *)"), 19, "(* another comment *)");
    EXPECT_EQ(hashOf(renamed), hashOf(text));
    std::string spaced = text;
    spaced.replace(spaced.find("locations"), 0, "\n\n");
    EXPECT_EQ(hashOf(spaced), hashOf(text));
    std::string body = text;
    body.replace(body.find("\tint r1;"), 0, " ");
    EXPECT_NE(hashOf(body), hashOf(text));
}

}  // namespace
}  // namespace memx::solver
