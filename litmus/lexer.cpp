// The litmus tokenizer: identifiers, decimal and hex integers, "doc strings", and the
// punctuators of C and of herd's condition language (`/\`, `\/`, `->`, `~`).
#include "litmus/lexer.hpp"

#include <array>
#include <cctype>
#include <limits>

namespace memx::litmus {

namespace {

bool isIdentStart(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool isIdentChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// Longest first, so that "<<" wins over "<".
constexpr std::array<std::string_view, 23> kMultiCharPuncts = {
    "<<=", ">>=", "/\\", "\\/", "->", "<<", ">>", "<=", ">=", "==", "!=", "&&",
    "||",  "++",  "--",  "+=",  "-=", "*=", "/=", "%=", "&=", "|=", "^=",
};
constexpr std::string_view kSingleCharPuncts = "(){}[];,:=<>+-*/%&|^!~?.";

}  // namespace

void Lexer::advance(std::size_t n) {
    for (std::size_t i = 0; i < n && pos_ < text_.size(); ++i) {
        if (text_[pos_] == '\n') {
            ++line_;
            column_ = 1;
        } else {
            ++column_;
        }
        ++pos_;
    }
}

void Lexer::rewind(const Token& t) {
    pos_ = t.offset;
    line_ = t.range.begin.line;
    column_ = t.range.begin.column;
}

std::string Lexer::skipTrivia(LexMode mode, SourcePos& errorAt) {
    while (pos_ < text_.size()) {
        char c = peekChar();
        if (std::isspace(static_cast<unsigned char>(c))) {
            advance();
        } else if (c == '/' && peekChar(1) == '/') {
            std::size_t start = pos_;
            while (pos_ < text_.size() && peekChar() != '\n') {
                advance();
            }
            if (comments_) {
                comments_->comment(text_.substr(start, pos_ - start));
            }
        } else if (c == '/' && peekChar(1) == '*') {
            errorAt = position();
            std::size_t start = pos_;
            advance(2);
            while (pos_ < text_.size() && !(peekChar() == '*' && peekChar(1) == '/')) {
                advance();
            }
            if (pos_ >= text_.size()) {
                return "unterminated comment '/*'";
            }
            advance(2);
            if (comments_) {
                comments_->comment(text_.substr(start, pos_ - start));
            }
        } else if (mode == LexMode::Litmus && c == '(' && peekChar(1) == '*') {
            // OCaml-style comments nest; a counter (not recursion) keeps deep nesting safe.
            errorAt = position();
            std::size_t start = pos_;
            advance(2);
            std::size_t depth = 1;
            while (pos_ < text_.size() && depth > 0) {
                if (peekChar() == '(' && peekChar(1) == '*') {
                    ++depth;
                    advance(2);
                } else if (peekChar() == '*' && peekChar(1) == ')') {
                    --depth;
                    advance(2);
                } else {
                    advance();
                }
            }
            if (depth > 0) {
                return "unterminated comment '(*'";
            }
            if (comments_) {
                comments_->comment(text_.substr(start, pos_ - start));
            }
        } else {
            break;
        }
    }
    return {};
}

Token Lexer::makeNumber() {
    Token t;
    t.kind = TokenKind::Number;
    std::size_t start = pos_;
    int base = 10;
    if (peekChar() == '0' && (peekChar(1) == 'x' || peekChar(1) == 'X') &&
        std::isxdigit(static_cast<unsigned char>(peekChar(2)))) {
        base = 16;
        advance(2);
    }
    std::uint64_t value = 0;
    bool overflow = false;
    while (pos_ < text_.size()) {
        char c = peekChar();
        int digit;
        if (std::isdigit(static_cast<unsigned char>(c))) {
            digit = c - '0';
        } else if (base == 16 && std::isxdigit(static_cast<unsigned char>(c))) {
            digit = std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
        } else {
            break;
        }
        if (value > (std::numeric_limits<std::uint64_t>::max() - digit) / base) {
            overflow = true;
        } else {
            value = value * base + digit;
        }
        advance();
    }
    // C integer suffixes (1UL); they do not change the value in litmus tests.
    while (pos_ < text_.size() &&
           (peekChar() == 'u' || peekChar() == 'U' || peekChar() == 'l' || peekChar() == 'L')) {
        advance();
    }
    if (pos_ < text_.size() && isIdentChar(peekChar())) {
        while (pos_ < text_.size() && isIdentChar(peekChar())) {
            advance();
        }
        t.kind = TokenKind::Error;
        t.error = "invalid number";
    } else if (overflow ||
               value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        t.kind = TokenKind::Error;
        t.error = "integer literal does not fit in 64 bits";
    }
    t.value = static_cast<std::int64_t>(value);
    t.text = text_.substr(start, pos_ - start);
    return t;
}

Token Lexer::next(LexMode mode) {
    SourcePos commentAt;
    std::string trivia = skipTrivia(mode, commentAt);
    Token t;
    if (!trivia.empty()) {
        t.kind = TokenKind::Error;
        t.error = std::move(trivia);
        t.unterminatedComment = true;
        t.offset = pos_;
        t.range = {commentAt, commentAt};
        return t;
    }
    std::size_t start = pos_;
    SourcePos begin = position();
    if (pos_ >= text_.size()) {
        t.kind = TokenKind::End;
        t.offset = pos_;
        t.range = {begin, begin};
        return t;
    }
    char c = peekChar();
    if (isIdentStart(c)) {
        while (pos_ < text_.size() && isIdentChar(peekChar())) {
            advance();
        }
        t.kind = TokenKind::Ident;
        t.text = text_.substr(start, pos_ - start);
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
        t = makeNumber();
    } else if (c == '"') {
        advance();
        while (pos_ < text_.size() && peekChar() != '"' && peekChar() != '\n') {
            advance();
        }
        if (peekChar() != '"') {
            t.kind = TokenKind::Error;
            t.error = "unterminated string";
        } else {
            t.kind = TokenKind::String;
            t.text = text_.substr(start + 1, pos_ - start - 1);
            advance();
        }
    } else {
        t.kind = TokenKind::Error;
        for (std::string_view p : kMultiCharPuncts) {
            if (text_.substr(pos_, p.size()) == p) {
                t.kind = TokenKind::Punct;
                advance(p.size());
                break;
            }
        }
        if (t.kind == TokenKind::Error && kSingleCharPuncts.find(c) != std::string_view::npos) {
            t.kind = TokenKind::Punct;
            advance();
        }
        if (t.kind == TokenKind::Error) {
            advance();
            // Keep a multi-byte UTF-8 character whole so the message shows it intact.
            while (pos_ < text_.size() && (static_cast<unsigned char>(peekChar()) & 0xC0) == 0x80) {
                advance();
            }
            t.error =
                "unexpected character '" + std::string(text_.substr(start, pos_ - start)) + "'";
        }
        if (t.kind == TokenKind::Punct || t.kind == TokenKind::Error) {
            t.text = text_.substr(start, pos_ - start);
        }
    }
    t.offset = start;
    SourcePos last = position();
    if (last.column > 1 && last.line == begin.line) {
        --last.column;  // inclusive end
    } else {
        last = begin;
    }
    t.range = {begin, last};
    return t;
}

}  // namespace memx::litmus
