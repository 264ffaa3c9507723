// The cat parser. Statements and expressions are parsed by recursive descent; binary operators
// by precedence climbing with herd's table. The first syntax error stops the parse.
#include "model/cat/parser.hpp"

#include <stdexcept>

#include "model/cat/lexer.hpp"

namespace memx::cat {

namespace {

struct SyntaxError {
    SourceRange range;
    std::string message;
};

// Binding power and associativity of the binary operators (herd's %right/%left table).
struct BinOp {
    ExprKind kind;
    int power;
    bool rightAssoc;
};

std::optional<BinOp> binaryOp(Tok t) {
    switch (t) {
        case Tok::Bar:
            return BinOp{ExprKind::Union, 1, true};
        case Tok::PlusPlus:
            return BinOp{ExprKind::Add, 2, true};
        case Tok::Semi:
            return BinOp{ExprKind::Seq, 3, true};
        case Tok::Backslash:
            return BinOp{ExprKind::Diff, 4, false};
        case Tok::Amp:
            return BinOp{ExprKind::Inter, 5, true};
        case Tok::Star:
            return BinOp{ExprKind::Cartesian, 6, false};
        default:
            return std::nullopt;
    }
}

class Parser {
public:
    Parser(std::string_view src, std::vector<Token> toks, std::uint32_t fileId)
        : src_(src), toks_(std::move(toks)), fileId_(fileId) {}

    ParsedFile file() {
        ParsedFile out;
        if (at(Tok::String)) {
            out.title = next().text;
        } else if (at(Tok::Name)) {
            // herd's "identity" line: an architecture name, optionally followed by a title.
            next();
            if (at(Tok::Name) || at(Tok::String))
                out.title = next().text;
        }
        out.statements = statements({Tok::End});
        expect(Tok::End);
        return out;
    }

private:
    // ---- token helpers ----
    const Token& cur() const { return toks_[pos_]; }
    const Token& peekTok(std::size_t k = 1) const {
        return toks_[std::min(pos_ + k, toks_.size() - 1)];
    }
    bool at(Tok k) const { return cur().kind == k; }
    const Token& next() {
        const Token& t = toks_[pos_];
        if (pos_ + 1 < toks_.size())
            ++pos_;
        return t;
    }
    bool accept(Tok k) {
        if (!at(k))
            return false;
        next();
        return true;
    }
    [[noreturn]] void fail(const std::string& what) const {
        throw SyntaxError{cur().range, "expected " + what + ", found " + describe(cur().kind)};
    }

    // The parser recurses once per level of nesting (parentheses, `~`, `let`, `procedure`,
    // `if`), so a deep enough nest would overflow the stack: past kMaxNesting levels it is a
    // located error instead (the cat fuzzer's crash: a few thousand open parentheses).
    static constexpr int kMaxNesting = 256;
    class Nesting {
    public:
        explicit Nesting(Parser& p) : p_(p) {
            if (++p_.depth_ > kMaxNesting) {
                throw SyntaxError{p_.cur().range, "nesting is too deep (more than " +
                                                      std::to_string(kMaxNesting) + " levels)"};
            }
        }
        ~Nesting() { --p_.depth_; }
        Nesting(const Nesting&) = delete;
        Nesting& operator=(const Nesting&) = delete;

    private:
        Parser& p_;
    };
    const Token& expect(Tok k) {
        if (!at(k))
            fail(describe(k));
        return next();
    }
    std::string expectName() { return expect(Tok::Name).text; }

    NodeLoc locFrom(const Token& first) const {
        const Token& last = toks_[pos_ > 0 ? pos_ - 1 : 0];
        return {fileId_, {first.range.begin, last.range.end}};
    }

    ExprPtr node(ExprKind k, const Token& first, std::vector<ExprPtr> args = {}) const {
        auto e = std::make_shared<Expr>();
        e->kind = k;
        e->loc = locFrom(first);
        e->args = std::move(args);
        return e;
    }

    // ---- statements ----
    StmtList statements(std::initializer_list<Tok> stops) {
        StmtList out;
        while (true) {
            for (Tok s : stops)
                if (at(s))
                    return out;
            out.push_back(statement());
        }
    }

    Stmt statement() {
        Nesting nesting(*this);
        const Token& first = cur();
        Stmt s;
        switch (first.kind) {
            case Tok::KwLet: {
                next();
                bool rec = accept(Tok::KwRec);
                s.kind = rec ? StmtKind::LetRec : StmtKind::Let;
                s.bindings = bindings();
                accept(Tok::KwIn);
                break;
            }
            case Tok::KwFlag:
            case Tok::KwUndefinedUnless:
            case Tok::Tilde:
            case Tok::KwAcyclic:
            case Tok::KwIrreflexive:
            case Tok::KwEmpty:
                return check();
            case Tok::KwShow:
            case Tok::KwUnshow: {
                next();
                s.kind = first.kind == Tok::KwShow ? StmtKind::Show : StmtKind::Unshow;
                if (first.kind == Tok::KwShow && !(at(Tok::Name) && isListEnd(peekTok().kind))) {
                    // show e as NAME
                    s.expr = expr();
                    expect(Tok::KwAs);
                    s.names.push_back(expectName());
                    break;
                }
                s.names.push_back(expectName());
                while (accept(Tok::Comma))
                    s.names.push_back(expectName());
                break;
            }
            case Tok::KwInclude:
                next();
                s.kind = StmtKind::Include;
                s.name = expect(Tok::String).text;
                break;
            case Tok::KwEnum: {
                next();
                s.kind = StmtKind::Enum;
                s.name = expectName();
                expect(Tok::Equal);
                accept(Tok::BarBar);
                s.names.push_back(expect(Tok::Tag).text);
                while (accept(Tok::BarBar))
                    s.names.push_back(expect(Tok::Tag).text);
                break;
            }
            case Tok::KwInstructions:
            case Tok::KwDefault: {
                next();
                s.kind = StmtKind::Instructions;
                s.name = expectName();
                expect(Tok::LBracket);
                if (!at(Tok::RBracket)) {
                    s.names.push_back(expectName());
                    while (accept(Tok::Comma))
                        s.names.push_back(expectName());
                }
                expect(Tok::RBracket);
                break;
            }
            case Tok::KwProcedure: {
                next();
                s.kind = StmtKind::Procedure;
                if (at(Tok::KwRec))
                    throw SyntaxError{cur().range, "unsupported construct: procedure rec"};
                s.name = expectName();
                if (at(Tok::LParen))
                    s.pattern = formalsInParens();
                else
                    s.pattern = Pattern{{patName()}, false};
                expect(Tok::Equal);
                s.body = std::make_shared<StmtList>(statements({Tok::KwEnd}));
                expect(Tok::KwEnd);
                break;
            }
            case Tok::KwCall: {
                next();
                s.kind = StmtKind::Call;
                s.name = expectName();
                s.expr = simple();
                if (accept(Tok::KwAs))
                    s.asName = expectName();
                break;
            }
            case Tok::KwWith: {
                next();
                s.kind = StmtKind::WithFrom;
                s.name = expectName();
                expect(Tok::KwFrom);
                s.expr = expr();
                break;
            }
            case Tok::KwIf: {
                next();
                s.kind = StmtKind::IfVariant;
                if (!at(Tok::String))
                    throw SyntaxError{cur().range,
                                      "unsupported construct: 'if' statement whose condition "
                                      "is not a \"variant\" string"};
                s.name = next().text;
                accept(Tok::KwThen);
                s.body = std::make_shared<StmtList>(statements({Tok::KwElse, Tok::KwEnd}));
                s.elseBody = std::make_shared<StmtList>();
                if (accept(Tok::KwElse))
                    *s.elseBody = statements({Tok::KwEnd});
                expect(Tok::KwEnd);
                break;
            }
            case Tok::KwMatch:
            case Tok::KwForall:
            case Tok::KwDebug:
                throw SyntaxError{first.range,
                                  "unsupported construct: '" + first.text + "' statement"};
            default:
                fail("a statement (let, acyclic, irreflexive, empty, flag, show, ...)");
        }
        s.loc = locFrom(first);
        return s;
    }

    static bool isListEnd(Tok t) {
        return t == Tok::Comma || (!binaryOp(t) && t != Tok::KwAs && !startsArgument(t) &&
                                   t != Tok::Plus && t != Tok::Question && t != Tok::Inverse);
    }

    Stmt check() {
        const Token& first = cur();
        Stmt s;
        s.kind = StmtKind::Check;
        if (accept(Tok::KwFlag))
            s.mode = TestMode::Flag;
        else if (accept(Tok::KwUndefinedUnless))
            s.mode = TestMode::UndefinedUnless;
        s.negated = accept(Tok::Tilde);
        if (accept(Tok::KwAcyclic))
            s.test = TestKind::Acyclic;
        else if (accept(Tok::KwIrreflexive))
            s.test = TestKind::Irreflexive;
        else if (accept(Tok::KwEmpty))
            s.test = TestKind::Empty;
        else
            fail("acyclic, irreflexive or empty");
        std::size_t textBegin = cur().offset;
        s.expr = expr();
        std::size_t textEnd = toks_[pos_ - 1].endOffset;
        s.text = std::string(src_.substr(textBegin, textEnd - textBegin));
        if (accept(Tok::KwAs))
            s.asName = expectName();
        s.loc = locFrom(first);
        return s;
    }

    // ---- bindings and patterns ----
    std::optional<std::string> patName() {
        if (accept(Tok::Underscore))
            return std::nullopt;
        return expectName();
    }

    Pattern formalsInParens() {
        expect(Tok::LParen);
        Pattern p;
        p.isTuple = true;
        if (!at(Tok::RParen)) {
            p.names.push_back(patName());
            while (accept(Tok::Comma))
                p.names.push_back(patName());
        }
        expect(Tok::RParen);
        if (p.names.size() == 1)
            p.isTuple = false;
        return p;
    }

    std::vector<Binding> bindings() {
        std::vector<Binding> out;
        out.push_back(binding());
        while (accept(Tok::KwAnd))
            out.push_back(binding());
        return out;
    }

    Binding binding() {
        const Token& first = cur();
        Binding b;
        if (at(Tok::LParen)) {
            b.pattern = formalsInParens();
            expect(Tok::Equal);
            b.value = expr();
        } else if (at(Tok::Name) && peekTok().kind == Tok::LParen) {
            // let f(x, y) = body
            std::string name = next().text;
            Pattern params = formalsInParens();
            expect(Tok::Equal);
            b.pattern = Pattern{{name}, false};
            b.value = function(first, std::move(params), name);
        } else if (at(Tok::Name) &&
                   (peekTok().kind == Tok::Name || peekTok().kind == Tok::Underscore) &&
                   peekTok(2).kind == Tok::Equal) {
            // let f x = body
            std::string name = next().text;
            Pattern params{{patName()}, false};
            expect(Tok::Equal);
            b.pattern = Pattern{{name}, false};
            b.value = function(first, std::move(params), name);
        } else {
            b.pattern.names.push_back(patName());
            while (accept(Tok::Comma))
                b.pattern.names.push_back(patName());
            b.pattern.isTuple = b.pattern.names.size() > 1;
            expect(Tok::Equal);
            b.value = expr();
        }
        b.loc = locFrom(first);
        return b;
    }

    ExprPtr function(const Token& first, Pattern params, std::string name) {
        ExprPtr body = expr();
        auto f = node(ExprKind::Fun, first, {body});
        f->pattern = std::move(params);
        f->name = std::move(name);
        return f;
    }

    // ---- expressions ----
    ExprPtr expr() {
        const Token& first = cur();
        switch (first.kind) {
            case Tok::KwLet: {
                next();
                bool rec = accept(Tok::KwRec);
                auto e = node(rec ? ExprKind::LetRec : ExprKind::Let, first);
                e->bindings = bindings();
                expect(Tok::KwIn);
                e->args.push_back(expr());
                e->loc = locFrom(first);
                return e;
            }
            case Tok::KwFun: {
                next();
                Pattern params = at(Tok::LParen) ? formalsInParens() : Pattern{{patName()}, false};
                expect(Tok::Arrow);
                return function(first, std::move(params), "fun");
            }
            case Tok::KwTry: {
                next();
                ExprPtr body = expr();
                expect(Tok::KwWith);
                ExprPtr alt = expr();
                return node(ExprKind::Try, first, {body, alt});
            }
            case Tok::KwIf: {
                next();
                if (!at(Tok::String))
                    throw SyntaxError{cur().range,
                                      "unsupported construct: 'if' whose condition is not a "
                                      "\"variant\" string"};
                std::string variant = next().text;
                expect(Tok::KwThen);
                ExprPtr a = expr();
                expect(Tok::KwElse);
                ExprPtr b = expr();
                auto e = node(ExprKind::IfVariant, first, {a, b});
                e->name = variant;
                return e;
            }
            case Tok::KwMatch:
                return match();
            default:
                break;
        }
        ExprPtr e = binary(0);
        if (!at(Tok::Comma))
            return e;
        std::vector<ExprPtr> items{e};
        while (accept(Tok::Comma))
            items.push_back(binary(0));
        return node(ExprKind::Tuple, first, std::move(items));
    }

    ExprPtr match() {
        const Token& first = next();
        ExprPtr subject = expr();
        expect(Tok::KwWith);
        accept(Tok::BarBar);
        if (at(Tok::Tag) || at(Tok::Underscore))
            return matchTags(first, subject);
        // Set clauses: `{} -> e` and `x ++ rest -> e`, in either order.
        ExprPtr onEmpty, onElement;
        Pattern split;
        for (int clause = 0; clause < 2; ++clause) {
            if (clause == 1)
                expect(Tok::BarBar);
            if (accept(Tok::LBrace)) {
                expect(Tok::RBrace);
                expect(Tok::Arrow);
                onEmpty = expr();
            } else {
                split.names.push_back(patName());
                if (at(Tok::Bar))
                    throw SyntaxError{cur().range,
                                      "unsupported construct: 'x | y ++ z' set pattern"};
                expect(Tok::PlusPlus);
                split.names.push_back(patName());
                expect(Tok::Arrow);
                onElement = expr();
            }
        }
        if (!onEmpty || !onElement)
            throw SyntaxError{first.range, "a set match needs one '{}' and one 'x ++ rest' clause"};
        expect(Tok::KwEnd);
        auto e = node(ExprKind::MatchSet, first, {subject, onEmpty, onElement});
        e->pattern = std::move(split);
        return e;
    }

    ExprPtr matchTags(const Token& first, ExprPtr subject) {
        auto e = node(ExprKind::MatchTag, first, {subject});
        while (true) {
            if (accept(Tok::Underscore)) {
                expect(Tok::Arrow);
                e->args.push_back(expr());
                e->hasDefault = true;
                break;
            }
            e->tags.push_back(expect(Tok::Tag).text);
            expect(Tok::Arrow);
            e->args.push_back(expr());
            if (!accept(Tok::BarBar))
                break;
        }
        expect(Tok::KwEnd);
        e->loc = locFrom(first);
        return e;
    }

    static bool startsOperand(Tok t) {
        switch (t) {
            case Tok::Name:
            case Tok::Tag:
            case Tok::Zero:
            case Tok::Underscore:
            case Tok::LParen:
            case Tok::LBracket:
            case Tok::LBrace:
            case Tok::Tilde:
            case Tok::KwBegin:
                return true;
            default:
                return false;
        }
    }

    ExprPtr binary(int minPower) {
        const Token& first = cur();
        ExprPtr lhs = unary();
        while (true) {
            auto op = binaryOp(cur().kind);
            if (!op || op->power < minPower)
                return lhs;
            // `r *` followed by something that cannot start an operand is the postfix star.
            if (op->kind == ExprKind::Cartesian && !startsOperand(peekTok().kind))
                return lhs;
            next();
            ExprPtr rhs = binary(op->rightAssoc ? op->power : op->power + 1);
            lhs = node(op->kind, first, {lhs, rhs});
        }
    }

    ExprPtr unary() {
        Nesting nesting(*this);
        const Token& first = cur();
        if (accept(Tok::Tilde))
            return node(ExprKind::Complement, first, {unary()});
        ExprPtr e = application();
        while (true) {
            if (at(Tok::Star) && !startsOperand(peekTok().kind)) {
                next();
                e = node(ExprKind::Star, first, {e});
            } else if (accept(Tok::Plus)) {
                e = node(ExprKind::Plus, first, {e});
            } else if (accept(Tok::Question)) {
                e = node(ExprKind::Opt, first, {e});
            } else if (accept(Tok::Inverse)) {
                e = node(ExprKind::Inverse, first, {e});
            } else {
                return e;
            }
        }
    }

    static bool startsArgument(Tok t) {
        return t == Tok::Name || (startsOperand(t) && t != Tok::Tilde);
    }

    ExprPtr application() {
        const Token& first = cur();
        if (!at(Tok::Name))
            return simple();
        ExprPtr e = node(ExprKind::Var, first);
        e->name = next().text;
        while (startsArgument(cur().kind)) {
            ExprPtr arg;
            if (at(Tok::Name)) {
                const Token& t = cur();
                arg = node(ExprKind::Var, t);
                arg->name = next().text;
                arg->loc = locFrom(t);
            } else {
                arg = simple();
            }
            e = node(ExprKind::App, first, {e, arg});
        }
        return e;
    }

    ExprPtr simple() {
        const Token& first = cur();
        switch (first.kind) {
            case Tok::Zero:
                next();
                return node(ExprKind::Empty, first);
            case Tok::Underscore:
                next();
                return node(ExprKind::Universe, first);
            case Tok::Tag: {
                next();
                auto e = node(ExprKind::Tag, first);
                e->name = first.text;
                return e;
            }
            case Tok::Name: {
                next();
                auto e = node(ExprKind::Var, first);
                e->name = first.text;
                return e;
            }
            case Tok::LBrace: {
                next();
                std::vector<ExprPtr> items;
                if (!at(Tok::RBrace)) {
                    items.push_back(binary(0));
                    while (accept(Tok::Comma))
                        items.push_back(binary(0));
                }
                expect(Tok::RBrace);
                const ExprKind kind = items.empty() ? ExprKind::Empty : ExprKind::ExplicitSet;
                return node(kind, first, std::move(items));
            }
            case Tok::LParen: {
                next();
                if (accept(Tok::RParen))
                    return node(ExprKind::Tuple, first);
                ExprPtr e = expr();
                expect(Tok::RParen);
                e->loc = locFrom(first);  // point at the parentheses, as written
                return e;
            }
            case Tok::KwBegin: {
                next();
                ExprPtr e = expr();
                expect(Tok::KwEnd);
                return e;
            }
            case Tok::LBracket: {
                next();
                ExprPtr e = expr();
                expect(Tok::RBracket);
                return node(ExprKind::ToId, first, {e});
            }
            default:
                fail("an expression");
        }
    }

    std::string_view src_;
    std::vector<Token> toks_;
    std::uint32_t fileId_;
    std::size_t pos_ = 0;
    int depth_ = 0;  // levels of nesting open (Nesting)
};

}  // namespace

std::optional<ParsedFile> parseCat(std::string_view source, std::uint32_t fileId,
                                   const std::string& fileName, DiagnosticSink& sink) {
    std::size_t before = sink.diagnostics().size();
    std::vector<Token> toks = tokenize(source, fileName, sink);
    if (sink.diagnostics().size() != before)
        return std::nullopt;
    try {
        return Parser(source, std::move(toks), fileId).file();
    } catch (const SyntaxError& e) {
        sink.error(fileName, e.range, e.message);
        return std::nullopt;
    }
}

}  // namespace memx::cat
