// The cat parser: herd's precedences, postfix star versus cartesian product, comments, titles
// and the binding forms.
#include "model/cat/parser.hpp"

#include <gtest/gtest.h>

namespace memx::cat {
namespace {

// Prints an expression with full parentheses so tests can compare tree shapes.
std::string show(const Expr& e) {
    auto bin = [&](const char* op) { return "(" + show(*e.args[0]) + op + show(*e.args[1]) + ")"; };
    switch (e.kind) {
        case ExprKind::Var:
            return e.name;
        case ExprKind::Empty:
            return "0";
        case ExprKind::Universe:
            return "_";
        case ExprKind::Tag:
            return "'" + e.name;
        case ExprKind::Union:
            return bin("|");
        case ExprKind::Inter:
            return bin("&");
        case ExprKind::Diff:
            return bin("\\");
        case ExprKind::Seq:
            return bin(";");
        case ExprKind::Cartesian:
            return bin("*");
        case ExprKind::Add:
            return bin("++");
        case ExprKind::App:
            return "(" + show(*e.args[0]) + " " + show(*e.args[1]) + ")";
        case ExprKind::Star:
            return show(*e.args[0]) + "^*";
        case ExprKind::Plus:
            return show(*e.args[0]) + "^+";
        case ExprKind::Opt:
            return show(*e.args[0]) + "^?";
        case ExprKind::Inverse:
            return show(*e.args[0]) + "^-1";
        case ExprKind::Complement:
            return "~" + show(*e.args[0]);
        case ExprKind::ToId:
            return "[" + show(*e.args[0]) + "]";
        case ExprKind::Tuple: {
            std::string s = "<";
            for (const auto& a : e.args)
                s += show(*a) + ",";
            return s + ">";
        }
        default:
            return "?";
    }
}

std::string parseLet(const std::string& text) {
    DiagnosticSink sink;
    auto f = parseCat("let x = " + text, 0, "t.cat", sink);
    EXPECT_TRUE(f.has_value()) << (sink.diagnostics().empty() ? "" : sink.diagnostics()[0].message);
    if (!f || f->statements.empty())
        return "";
    return show(*f->statements[0].bindings[0].value);
}

TEST(CatParserTest, BinaryOperatorPrecedenceFollowsHerd) {
    EXPECT_EQ(parseLet("a | b ; c"), "(a|(b;c))");
    EXPECT_EQ(parseLet("a ; b \\ c"), "(a;(b\\c))");
    EXPECT_EQ(parseLet("a \\ b & c"), "(a\\(b&c))");
    EXPECT_EQ(parseLet("a \\ b \\ c"), "((a\\b)\\c)");
    EXPECT_EQ(parseLet("a ; b ; c"), "(a;(b;c))");
    EXPECT_EQ(parseLet("A * B & loc"), "((A*B)&loc)");
    EXPECT_EQ(parseLet("e ++ s | t"), "((e++s)|t)");
}

TEST(CatParserTest, StarIsPostfixUnlessAnOperandFollows) {
    EXPECT_EQ(parseLet("(rf ; rmw)* ; po"), "((rf;rmw)^*;po)");
    EXPECT_EQ(parseLet("W * _"), "(W*_)");
    EXPECT_EQ(parseLet("r* | s"), "(r^*|s)");
    EXPECT_EQ(parseLet("po? ; [M]"), "(po^?;[M])");
    EXPECT_EQ(parseLet("rf^-1 ; co+"), "(rf^-1;co^+)");
    EXPECT_EQ(parseLet("~M | IW"), "(~M|IW)");
}

TEST(CatParserTest, ApplicationTakesSimpleArguments) {
    EXPECT_EQ(parseLet("fencerel(Rmb) ; [R]"), "((fencerel Rmb);[R])");
    EXPECT_EQ(parseLet("domain 0"), "(domain 0)");
    EXPECT_EQ(parseLet("map f (g e)"), "((map f) (g e))");
    EXPECT_EQ(parseLet("f e ++ m S"), "((f e)++(m S))");
    EXPECT_EQ(parseLet("f(a, b | c)"), "(f <a,(b|c),>)");
}

TEST(CatParserTest, NestedCommentsTitleAndBindingForms) {
    DiagnosticSink sink;
    auto f = parseCat(
        "\"My model\" (* outer (* inner *) still comment *)\n"
        "// line comment\n"
        "let f x = x\nlet g(a, b) = a | b\nlet rec h = h | po\n"
        "flag ~empty po as oops\n",
        0, "t.cat", sink);
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(f->title, "My model");
    ASSERT_EQ(f->statements.size(), 4U);
    EXPECT_EQ(f->statements[0].bindings[0].value->kind, ExprKind::Fun);
    EXPECT_EQ(f->statements[1].bindings[0].value->pattern.names.size(), 2U);
    EXPECT_EQ(f->statements[2].kind, StmtKind::LetRec);
    const Stmt& flag = f->statements[3];
    EXPECT_EQ(flag.kind, StmtKind::Check);
    EXPECT_EQ(flag.mode, TestMode::Flag);
    EXPECT_TRUE(flag.negated);
    EXPECT_EQ(flag.asName, "oops");
    EXPECT_EQ(flag.loc.range.begin.line, 6U);
    EXPECT_EQ(flag.loc.range.begin.column, 1U);
}

TEST(CatParserTest, ArchitectureLineBeforeTitle) {
    DiagnosticSink sink;
    auto f = parseCat("C RC11\nlet x = po\n", 0, "t.cat", sink);
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(f->title, "RC11");
    EXPECT_EQ(f->statements.size(), 1U);
}

// A nest deeper than the parser's limit is a located error, not a stack overflow (the cat
// fuzzer's crash: a few thousand open parentheses); a nest within it still parses.
TEST(CatParserTest, NestingPastTheLimitIsALocatedError) {
    for (const std::string& open : {std::string("("), std::string("~")}) {
        DiagnosticSink sink;
        const std::string close = open == "(" ? ")" : "";
        std::string deep = "let x = ";
        for (int i = 0; i < 20000; ++i) {
            deep += open;
        }
        deep += "po";
        for (int i = 0; i < 20000; ++i) {
            deep += close;
        }
        EXPECT_FALSE(parseCat(deep + "\n", 0, "t.cat", sink).has_value()) << open;
        ASSERT_FALSE(sink.diagnostics().empty()) << open;
        EXPECT_NE(sink.diagnostics()[0].message.find("nesting is too deep"), std::string::npos)
            << sink.diagnostics()[0].message;
        EXPECT_EQ(sink.diagnostics()[0].range.begin.line, 1U);
    }
    DiagnosticSink sink;
    const std::string fine = "let x = " + std::string(200, '(') + "po" + std::string(200, ')');
    EXPECT_TRUE(parseCat(fine + "\n", 0, "t.cat", sink).has_value());
}

TEST(CatParserTest, NestedProceduresPastTheLimitAreALocatedError) {
    std::string deep;
    for (int i = 0; i < 5000; ++i) {
        deep += "procedure p" + std::to_string(i) + "() = \n";
    }
    for (int i = 0; i < 5000; ++i) {
        deep += "end\n";
    }
    DiagnosticSink sink;
    EXPECT_FALSE(parseCat(deep, 0, "t.cat", sink).has_value());
    ASSERT_FALSE(sink.diagnostics().empty());
    EXPECT_NE(sink.diagnostics()[0].message.find("nesting is too deep"), std::string::npos)
        << sink.diagnostics()[0].message;
}

}  // namespace
}  // namespace memx::cat
