// Bad cat files are reported as file:line:column diagnostics, never crashes.
#include <gtest/gtest.h>

#include "model/cat/model.hpp"
#include "model_files.hpp"

namespace memx::cat {
namespace {

using testing::firstMessage;
using testing::TempFolder;

struct BadModel {
    const char* name;
    const char* text;
    const char* expected;  // file:line:column: message
};

class CatDiagnosticsTest : public ::testing::TestWithParam<BadModel> {};

TEST_P(CatDiagnosticsTest, ReportsLocatedError) {
    TempFolder dir;
    DiagnosticSink sink;
    auto m = loadModel(dir.write("bad.cat", GetParam().text), std::nullopt, {}, sink);
    EXPECT_EQ(m, nullptr);
    ASSERT_FALSE(sink.diagnostics().empty());
    EXPECT_EQ(sink.diagnostics().front().severity, Severity::Error);
    // Messages that end in "(searched: " go on with machine-specific folders: compare the
    // prefix only.
    std::string expected = GetParam().expected;
    std::string actual = firstMessage(sink);
    if (expected.ends_with("(searched: "))
        actual = actual.substr(0, expected.size());
    EXPECT_EQ(actual, expected);
}

INSTANTIATE_TEST_SUITE_P(
    BadFiles, CatDiagnosticsTest,
    ::testing::Values(BadModel{"MissingExpression", "let x = po\nlet y =\n",
                               "bad.cat:3:1: expected an expression, found end of file"},
                      BadModel{"UnboundName", "let x = po\nlet y = x | foo\n",
                               "bad.cat:2:13: unbound name 'foo'"},
                      BadModel{"SetWhereRelationNeeded", "acyclic R | W as bad\n",
                               "bad.cat:1:9: expected a relation, found a set of events"},
                      BadModel{"RelationInBrackets", "let x = [po] ; po\n",
                               "bad.cat:1:10: expected a set of events, found a relation"},
                      BadModel{"SequenceOfSets", "let x = po ; (R | W)\n",
                               "bad.cat:1:14: expected a relation, found a set of events"},
                      BadModel{"CallingANonFunction", "let x = po(R)\n",
                               "bad.cat:1:9: cannot apply a relation: it is not a function"},
                      BadModel{"UnterminatedComment", "let x = po\n(* never closed\n",
                               "bad.cat:2:1: unterminated comment"},
                      BadModel{"UnexpectedCharacter", "let x = po $ rf\n",
                               "bad.cat:1:12: unexpected character '$'"},
                      BadModel{"MissingInclude", "include \"nowhere.cat\"\n",
                               "bad.cat:1:1: cannot find included file 'nowhere.cat' (searched: "},
                      BadModel{"WrongTupleArity", "let f(a, b) = a | b\nlet x = f(po)\n",
                               "bad.cat:2:9: expected a tuple of 2 values, found a relation"},
                      BadModel{"UnsupportedForall", "forall x in R do empty 0 end\n",
                               "bad.cat:1:1: unsupported construct: 'forall' statement"},
                      BadModel{"MissingTestName", "acyclic po as\n",
                               "bad.cat:2:1: expected a name, found end of file"},
                      BadModel{"ComplementOfTag", "let x = ~'a\n",
                               "bad.cat:1:10: '~' needs a set or a relation, found a tag"}),
    [](const ::testing::TestParamInfo<BadModel>& info) { return std::string(info.param.name); });

// The missing-include message names the folders searched; check the prefix above and the
// folder here.
TEST(CatDiagnosticsTest2, MissingIncludeListsSearchedFolders) {
    TempFolder dir;
    DiagnosticSink sink;
    LoadOptions opts;
    opts.includeDirs = {"/nonexistent-lib"};
    loadModel(dir.write("m.cat", "include \"x.cat\"\n"), std::nullopt, opts, sink);
    ASSERT_EQ(sink.diagnostics().size(), 1U);
    EXPECT_NE(sink.diagnostics()[0].message.find("/nonexistent-lib"), std::string::npos);
}

TEST(CatDiagnosticsTest2, ErrorsInIncludedFilesNameThatFile) {
    TempFolder dir;
    dir.write("inner.cat", "let ok = po\nlet bad = ok ; R\n");
    DiagnosticSink sink;
    loadModel(dir.write("m.cat", "include \"inner.cat\"\n"), std::nullopt, {}, sink);
    EXPECT_EQ(firstMessage(sink), "inner.cat:2:16: expected a relation, found a set of events");
}

}  // namespace
}  // namespace memx::cat
