// Internal to the parser: a token cursor with lookahead and mode switching, the exception
// that carries the first syntax error out of the recursive descent, and a nesting guard.
#pragma once

#include <deque>
#include <string>
#include <string_view>

#include "litmus/diagnostic.hpp"
#include "litmus/lexer.hpp"

namespace memx::litmus::detail {

// Thrown on the first syntax error; parseLitmus turns it into a Diagnostic.
struct SyntaxError {
    SourceRange range;
    std::string message;
};

// Deeper nesting than this (parentheses, unary operators, blocks, conditions) is rejected,
// so that adversarial input cannot overflow the stack of the recursive descent.
inline constexpr int kMaxNesting = 256;

class Cursor {
public:
    Cursor(Lexer& lexer, LexMode mode) : lexer_(lexer), mode_(mode) {}

    const Token& peek(std::size_t ahead = 0);
    Token take();
    bool accept(std::string_view punct);
    bool acceptIdent(std::string_view name);
    Token expect(std::string_view punct, std::string_view context);
    Token expectIdent(std::string_view what);
    // Re-lexes the lookahead in `mode` (comments differ between litmus text and C code).
    void setMode(LexMode mode);
    LexMode mode() const { return mode_; }
    Lexer& lexer() { return lexer_; }

    [[noreturn]] void fail(const Token& at, std::string message);
    [[noreturn]] void fail(SourceRange at, std::string message);
    // "expected X" with what was found instead.
    [[noreturn]] void failExpected(const Token& at, std::string_view expected);

    // One more level for a left-deep chain such as `a + b + c`, which the parser builds in
    // a loop but later passes (checks, printing) walk recursively.
    void deepen(const Token& at);

    int depth = 0;

private:
    Lexer& lexer_;
    LexMode mode_;
    std::deque<Token> lookahead_;
    SourceRange previous_;  // the last token taken: a missing ';' is reported right after it
};

// Counts one level of nesting for the lifetime of a parsing function's frame.
class NestingGuard {
public:
    NestingGuard(Cursor& c, const Token& at) : c_(c) {
        if (++c_.depth > kMaxNesting) {
            c_.fail(at,
                    "nesting is too deep (more than " + std::to_string(kMaxNesting) + " levels)");
        }
    }
    ~NestingGuard() { --c_.depth; }
    NestingGuard(const NestingGuard&) = delete;
    NestingGuard& operator=(const NestingGuard&) = delete;

private:
    Cursor& c_;
};

// How a token reads in a message: 'x', end of file, ...
std::string describe(const Token& t);

// Range covering two tokens' ranges.
inline SourceRange span(const SourceRange& a, const SourceRange& b) {
    return {a.begin, b.end};
}

}  // namespace memx::litmus::detail
