// Splits cat source text into tokens, as herd's model lexer does: nested (* *) comments and
// // line comments, names that may contain '-' and '.', 'tags, "strings", and the keywords.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "litmus/diagnostic.hpp"

namespace memx::cat {

enum class Tok {
    End,
    Name,
    Tag,
    String,
    Zero,        // 0
    Underscore,  // _
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Comma,
    Bar,        // |
    BarBar,     // ||
    Amp,        // &
    Backslash,  // '\'
    Semi,       // ;
    Star,       // *
    Plus,       // +
    Question,   // ?
    Inverse,    // ^-1
    Tilde,      // ~
    PlusPlus,   // ++
    Equal,      // =
    Arrow,      // ->
    // keywords
    KwLet,
    KwRec,
    KwAnd,
    KwIn,
    KwAs,
    KwAcyclic,
    KwIrreflexive,
    KwEmpty,
    KwFlag,
    KwUndefinedUnless,
    KwShow,
    KwUnshow,
    KwInclude,
    KwProcedure,
    KwCall,
    KwFun,
    KwTry,
    KwWith,
    KwFrom,
    KwMatch,
    KwEnd,
    KwIf,
    KwThen,
    KwElse,
    KwEnum,
    KwInstructions,
    KwDefault,
    KwBegin,
    KwForall,
    KwDo,
    KwDebug,
};

struct Token {
    Tok kind = Tok::End;
    std::string text;  // the name, tag (without '), or string (without quotes)
    SourceRange range;
    std::size_t offset = 0;  // byte offsets into the source, for quoting expression text
    std::size_t endOffset = 0;
};

// Tokenizes `source`; lexical errors go to `sink` under `file`, and lexing stops there (the
// returned list then ends with an End token at the error).
std::vector<Token> tokenize(std::string_view source, const std::string& file, DiagnosticSink& sink);

// A short human-readable spelling of a token kind for "expected X" messages.
std::string describe(Tok kind);

}  // namespace memx::cat
