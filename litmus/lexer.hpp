// Tokens of the C litmus dialect. The same lexer serves the litmus sections (init block,
// `locations`, `filter`, the final condition), where `(* ... *)` is a comment, and the C
// thread bodies, where `(*x)` is a dereference and only `//` and `/* */` are comments.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "litmus/diagnostic.hpp"

namespace memx::litmus {

enum class LexMode { Litmus, Code };

enum class TokenKind { Ident, Number, String, Punct, End, Error };

struct Token {
    TokenKind kind = TokenKind::End;
    std::string_view text;   // the lexeme (for String, without the quotes)
    std::int64_t value = 0;  // Number
    std::size_t offset = 0;  // byte offset of the first character
    SourceRange range;
    std::string error;                 // Error: what is wrong
    bool unterminatedComment = false;  // Error: a comment runs to the end of the file

    bool is(std::string_view punct) const { return kind == TokenKind::Punct && text == punct; }
    bool isIdent(std::string_view name) const { return kind == TokenKind::Ident && text == name; }
};

// Comments seen while lexing, so the parser can pick up the `Result:` line.
struct CommentSink {
    virtual ~CommentSink() = default;
    virtual void comment(std::string_view text) = 0;
};

class Lexer {
public:
    explicit Lexer(std::string_view text, CommentSink* comments = nullptr)
        : text_(text), comments_(comments) {}

    Token next(LexMode mode);
    // Moves back (or forward) to a token's start, e.g. to lex it again in another mode.
    void rewind(const Token& t);
    std::size_t offset() const { return pos_; }
    SourcePos position() const { return {line_, column_}; }
    std::string_view text() const { return text_; }

    // Character-level access, for the header line whose test names are not tokens.
    char peekChar(std::size_t ahead = 0) const {
        return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
    }
    void advance(std::size_t n = 1);

private:
    // Skips blanks and comments; returns an error message for an unterminated comment.
    std::string skipTrivia(LexMode mode, SourcePos& errorAt);
    Token makeNumber();

    std::string_view text_;
    CommentSink* comments_;
    std::size_t pos_ = 0;
    std::uint32_t line_ = 1;
    std::uint32_t column_ = 1;
};

}  // namespace memx::litmus
