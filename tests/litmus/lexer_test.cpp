// Tokens of the litmus dialect and the two comment conventions.
#include <gtest/gtest.h>

#include <vector>

#include "litmus/lexer.hpp"

namespace memx::litmus {
namespace {

std::vector<std::string> lexAll(std::string_view text, LexMode mode) {
    Lexer lexer(text);
    std::vector<std::string> out;
    while (true) {
        Token t = lexer.next(mode);
        if (t.kind == TokenKind::End) {
            return out;
        }
        out.push_back(t.kind == TokenKind::Error ? "error: " + t.error : std::string(t.text));
        if (t.kind == TokenKind::Error) {
            return out;
        }
    }
}

TEST(Lexer, ConditionPunctuators) {
    EXPECT_EQ(lexAll("0:r1=1 /\\ x!=2 \\/ ~y=3 -> z==0", LexMode::Litmus),
              (std::vector<std::string>{"0", ":", "r1", "=", "1", "/\\", "x", "!=", "2", "\\/", "~",
                                        "y", "=", "3", "->", "z", "==", "0"}));
}

TEST(Lexer, ParenStarIsACommentOnlyInLitmusText) {
    EXPECT_EQ(lexAll("a (* b (* c *) d *) e", LexMode::Litmus),
              (std::vector<std::string>{"a", "e"}));
    EXPECT_EQ(lexAll("READ_ONCE(*x)", LexMode::Code),
              (std::vector<std::string>{"READ_ONCE", "(", "*", "x", ")"}));
    EXPECT_EQ(lexAll("a /* b */ c // d\ne", LexMode::Code),
              (std::vector<std::string>{"a", "c", "e"}));
}

TEST(Lexer, NumbersAndPositions) {
    Lexer lexer("  0x1F\n 42UL");
    Token hex = lexer.next(LexMode::Code);
    EXPECT_EQ(hex.kind, TokenKind::Number);
    EXPECT_EQ(hex.value, 31);
    EXPECT_EQ(hex.range.begin.line, 1u);
    EXPECT_EQ(hex.range.begin.column, 3u);
    EXPECT_EQ(hex.range.end.column, 6u);
    Token dec = lexer.next(LexMode::Code);
    EXPECT_EQ(dec.value, 42);
    EXPECT_EQ(dec.range.begin.line, 2u);
    EXPECT_EQ(dec.range.begin.column, 2u);
}

TEST(Lexer, Errors) {
    EXPECT_EQ(lexAll("99999999999999999999", LexMode::Code),
              (std::vector<std::string>{"error: integer literal does not fit in 64 bits"}));
    EXPECT_EQ(lexAll("12abc", LexMode::Code), (std::vector<std::string>{"error: invalid number"}));
    EXPECT_EQ(lexAll("a @", LexMode::Code),
              (std::vector<std::string>{"a", "error: unexpected character '@'"}));
    EXPECT_EQ(lexAll("(* open", LexMode::Litmus),
              (std::vector<std::string>{"error: unterminated comment '(*'"}));
    EXPECT_EQ(lexAll("/* open", LexMode::Code),
              (std::vector<std::string>{"error: unterminated comment '/*'"}));
}

}  // namespace
}  // namespace memx::litmus
