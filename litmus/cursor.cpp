// Token cursor used by the litmus parser (see cursor.hpp).
#include "litmus/cursor.hpp"

namespace memx::litmus::detail {

const Token& Cursor::peek(std::size_t ahead) {
    while (lookahead_.size() <= ahead) {
        lookahead_.push_back(lexer_.next(mode_));
        const Token& t = lookahead_.back();
        if (t.kind == TokenKind::Error) {
            fail(t, t.error);
        }
        if (t.kind == TokenKind::End) {
            // Never lex past the end; further peeks see End again.
            while (lookahead_.size() <= ahead) {
                lookahead_.push_back(t);
            }
        }
    }
    return lookahead_[ahead];
}

Token Cursor::take() {
    peek();
    Token t = lookahead_.front();
    lookahead_.pop_front();
    previous_ = t.range;
    return t;
}

bool Cursor::accept(std::string_view punct) {
    if (peek().is(punct)) {
        take();
        return true;
    }
    return false;
}

bool Cursor::acceptIdent(std::string_view name) {
    if (peek().isIdent(name)) {
        take();
        return true;
    }
    return false;
}

Token Cursor::expect(std::string_view punct, std::string_view context) {
    if (!peek().is(punct) && punct == ";" && previous_.end.line != 0) {
        // A forgotten terminator belongs at the end of what precedes it, not at the start of
        // the next statement, which may be lines further down.
        SourcePos after{previous_.end.line, previous_.end.column + 1};
        fail(SourceRange{after, after},
             "missing ';' " + std::string(context) + " (found " + describe(peek()) + " next)");
    }
    if (!peek().is(punct)) {
        std::string what = "'" + std::string(punct) + "'";
        if (!context.empty()) {
            what += " " + std::string(context);
        }
        failExpected(peek(), what);
    }
    return take();
}

Token Cursor::expectIdent(std::string_view what) {
    if (peek().kind != TokenKind::Ident) {
        failExpected(peek(), what);
    }
    return take();
}

void Cursor::setMode(LexMode mode) {
    if (mode == mode_) {
        return;
    }
    mode_ = mode;
    if (!lookahead_.empty()) {
        lexer_.rewind(lookahead_.front());
        lookahead_.clear();
    }
}

void Cursor::deepen(const Token& at) {
    if (++depth > kMaxNesting) {
        fail(at, "nesting is too deep (more than " + std::to_string(kMaxNesting) + " levels)");
    }
}

void Cursor::fail(const Token& at, std::string message) {
    fail(at.range, std::move(message));
}

void Cursor::fail(SourceRange at, std::string message) {
    throw SyntaxError{at, std::move(message)};
}

void Cursor::failExpected(const Token& at, std::string_view expected) {
    fail(at, "expected " + std::string(expected) + ", found " + describe(at));
}

std::string describe(const Token& t) {
    switch (t.kind) {
        case TokenKind::End:
            return "end of file";
        case TokenKind::String:
            return "string \"" + std::string(t.text) + "\"";
        default:
            return "'" + std::string(t.text) + "'";
    }
}

}  // namespace memx::litmus::detail
