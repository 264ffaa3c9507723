// Hand-written scanner for cat: one pass, tracking line and column for every token.
#include "model/cat/lexer.hpp"

#include <cctype>
#include <map>

namespace memx::cat {

namespace {

const std::map<std::string, Tok, std::less<>>& keywords() {
    static const std::map<std::string, Tok, std::less<>> table = {
        {"let", Tok::KwLet},
        {"rec", Tok::KwRec},
        {"and", Tok::KwAnd},
        {"in", Tok::KwIn},
        {"as", Tok::KwAs},
        {"acyclic", Tok::KwAcyclic},
        {"irreflexive", Tok::KwIrreflexive},
        {"empty", Tok::KwEmpty},
        {"flag", Tok::KwFlag},
        {"undefined_unless", Tok::KwUndefinedUnless},
        {"show", Tok::KwShow},
        {"unshow", Tok::KwUnshow},
        {"include", Tok::KwInclude},
        {"procedure", Tok::KwProcedure},
        {"call", Tok::KwCall},
        {"fun", Tok::KwFun},
        {"try", Tok::KwTry},
        {"with", Tok::KwWith},
        {"from", Tok::KwFrom},
        {"match", Tok::KwMatch},
        {"end", Tok::KwEnd},
        {"if", Tok::KwIf},
        {"then", Tok::KwThen},
        {"else", Tok::KwElse},
        {"enum", Tok::KwEnum},
        {"instructions", Tok::KwInstructions},
        {"default", Tok::KwDefault},
        {"begin", Tok::KwBegin},
        {"forall", Tok::KwForall},
        {"do", Tok::KwDo},
        {"debug", Tok::KwDebug},
    };
    return table;
}

bool isNameStart(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool isNameChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
}

class Scanner {
public:
    Scanner(std::string_view src, const std::string& file, DiagnosticSink& sink)
        : src_(src), file_(file), sink_(sink) {}

    std::vector<Token> run() {
        std::vector<Token> out;
        while (true) {
            if (!skipBlanks())
                break;
            if (pos_ >= src_.size())
                break;
            Token t;
            t.offset = pos_;
            t.range.begin = here();
            if (!scanOne(t))
                break;
            t.endOffset = pos_;
            t.range.end = last_;
            out.push_back(std::move(t));
        }
        Token end;
        end.kind = Tok::End;
        end.offset = end.endOffset = pos_;
        end.range.begin = end.range.end = here();
        out.push_back(end);
        return out;
    }

private:
    SourcePos here() const { return {line_, col_}; }

    char peek(std::size_t k = 0) const { return pos_ + k < src_.size() ? src_[pos_ + k] : '\0'; }

    void advance() {
        last_ = here();
        if (src_[pos_] == '\n') {
            ++line_;
            col_ = 1;
        } else {
            ++col_;
        }
        ++pos_;
    }

    void error(SourcePos at, std::string msg) { sink_.error(file_, {at, at}, std::move(msg)); }

    // Skips white space and comments; false after an unterminated comment.
    bool skipBlanks() {
        while (pos_ < src_.size()) {
            char c = peek();
            if (std::isspace(static_cast<unsigned char>(c))) {
                advance();
            } else if (c == '/' && peek(1) == '/') {
                while (pos_ < src_.size() && peek() != '\n')
                    advance();
            } else if (c == '(' && peek(1) == '*') {
                SourcePos start = here();
                int depth = 0;
                do {
                    if (peek() == '(' && peek(1) == '*') {
                        ++depth;
                        advance();
                        advance();
                    } else if (peek() == '*' && peek(1) == ')') {
                        --depth;
                        advance();
                        advance();
                    } else {
                        advance();
                    }
                } while (depth > 0 && pos_ < src_.size());
                if (depth > 0) {
                    error(start, "unterminated comment");
                    return false;
                }
            } else {
                return true;
            }
        }
        return true;
    }

    bool scanOne(Token& t) {
        char c = peek();
        if (c == '"') {
            advance();
            while (pos_ < src_.size() && peek() != '"' && peek() != '\n') {
                t.text += peek();
                advance();
            }
            if (peek() != '"') {
                error(t.range.begin, "unterminated string");
                return false;
            }
            advance();
            t.kind = Tok::String;
            return true;
        }
        if (c == '\'') {
            advance();
            if (!isNameStart(peek())) {
                error(t.range.begin, "expected a tag name after '");
                return false;
            }
            while (isNameChar(peek())) {
                t.text += peek();
                advance();
            }
            t.kind = Tok::Tag;
            return true;
        }
        if (c == '_' && !isNameChar(peek(1))) {
            advance();
            t.kind = Tok::Underscore;
            return true;
        }
        if (isNameStart(c)) {
            while (isNameChar(peek())) {
                t.text += peek();
                advance();
            }
            auto kw = keywords().find(t.text);
            t.kind = kw == keywords().end() ? Tok::Name : kw->second;
            return true;
        }
        if (c == '0' && !std::isdigit(static_cast<unsigned char>(peek(1)))) {
            advance();
            t.kind = Tok::Zero;
            return true;
        }
        return scanPunct(t, c);
    }

    bool scanPunct(Token& t, char c) {
        struct Two {
            const char* s;
            Tok k;
        };
        static const Two multi[] = {
            {"^-1", Tok::Inverse}, {"||", Tok::BarBar}, {"++", Tok::PlusPlus}, {"->", Tok::Arrow}};
        for (const auto& m : multi) {
            std::string_view s(m.s);
            if (src_.substr(pos_, s.size()) == s) {
                for (std::size_t i = 0; i < s.size(); ++i)
                    advance();
                t.kind = m.k;
                return true;
            }
        }
        static const std::map<char, Tok> single = {
            {'(', Tok::LParen}, {')', Tok::RParen},     {'[', Tok::LBracket}, {']', Tok::RBracket},
            {'{', Tok::LBrace}, {'}', Tok::RBrace},     {',', Tok::Comma},    {'|', Tok::Bar},
            {'&', Tok::Amp},    {'\\', Tok::Backslash}, {';', Tok::Semi},     {'*', Tok::Star},
            {'+', Tok::Plus},   {'?', Tok::Question},   {'~', Tok::Tilde},    {'=', Tok::Equal},
        };
        auto it = single.find(c);
        if (it == single.end()) {
            error(here(), std::string("unexpected character '") + c + "'");
            return false;
        }
        advance();
        t.kind = it->second;
        return true;
    }

    std::string_view src_;
    const std::string& file_;
    DiagnosticSink& sink_;
    std::size_t pos_ = 0;
    std::uint32_t line_ = 1;
    std::uint32_t col_ = 1;
    SourcePos last_{1, 1};
};

}  // namespace

std::vector<Token> tokenize(std::string_view source, const std::string& file,
                            DiagnosticSink& sink) {
    return Scanner(source, file, sink).run();
}

std::string describe(Tok kind) {
    switch (kind) {
        case Tok::End:
            return "end of file";
        case Tok::Name:
            return "a name";
        case Tok::Tag:
            return "a tag";
        case Tok::String:
            return "a string";
        case Tok::Zero:
            return "'0'";
        case Tok::Underscore:
            return "'_'";
        case Tok::LParen:
            return "'('";
        case Tok::RParen:
            return "')'";
        case Tok::LBracket:
            return "'['";
        case Tok::RBracket:
            return "']'";
        case Tok::LBrace:
            return "'{'";
        case Tok::RBrace:
            return "'}'";
        case Tok::Comma:
            return "','";
        case Tok::Bar:
            return "'|'";
        case Tok::BarBar:
            return "'||'";
        case Tok::Amp:
            return "'&'";
        case Tok::Backslash:
            return "'\\'";
        case Tok::Semi:
            return "';'";
        case Tok::Star:
            return "'*'";
        case Tok::Plus:
            return "'+'";
        case Tok::Question:
            return "'?'";
        case Tok::Inverse:
            return "'^-1'";
        case Tok::Tilde:
            return "'~'";
        case Tok::PlusPlus:
            return "'++'";
        case Tok::Equal:
            return "'='";
        case Tok::Arrow:
            return "'->'";
        default:
            break;
    }
    for (const auto& [word, k] : keywords())
        if (k == kind)
            return "'" + word + "'";
    return "a token";
}

}  // namespace memx::cat
