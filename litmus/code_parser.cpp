// Recursive descent over herd's C thread bodies. Precedence climbing keeps the recursion
// depth proportional to the nesting of the input, which NestingGuard bounds.
#include "litmus/code_parser.hpp"

#include <array>
#include <charconv>

#include "litmus/primitives.hpp"

namespace memx::litmus::detail {

namespace {

constexpr std::array<std::string_view, 38> kBaseTypeWords = {
    "int",      "char",          "short",      "long",        "unsigned",   "signed",
    "void",     "bool",          "_Bool",      "intptr_t",    "uintptr_t",  "size_t",
    "int8_t",   "uint8_t",       "int16_t",    "uint16_t",    "int32_t",    "uint32_t",
    "int64_t",  "uint64_t",      "__int128_t", "__uint128_t", "u8",         "u16",
    "u32",      "u64",           "s8",         "s16",         "s32",        "s64",
    "atomic_t", "atomic_long_t", "atomic_int", "atomic_long", "spinlock_t", "mtx_t",
    "_Atomic",  "srcu_struct",
};

bool isBaseTypeWord(const Token& t) {
    if (t.kind != TokenKind::Ident) {
        return false;
    }
    for (std::string_view w : kBaseTypeWords) {
        if (t.text == w) {
            return true;
        }
    }
    return false;
}

bool isTypeStart(const Token& t) {
    return isBaseTypeWord(t) || t.isIdent("struct") || t.isIdent("volatile") || t.isIdent("const");
}

ExprPtr makeExpr(auto node, SourceRange range) {
    return std::make_shared<const Expr>(Expr{std::move(node), Loc{range}});
}

StmtPtr makeStmt(auto node, SourceRange range) {
    return std::make_shared<const Stmt>(Stmt{std::move(node), Loc{range}});
}

SourceRange rangeOf(const ExprPtr& e) {
    return e->loc.range;
}

struct BinaryLevel {
    std::string_view punct;
    BinaryOp op;
    int precedence;  // higher binds tighter
};

constexpr std::array<BinaryLevel, 18> kBinaryOps = {{
    {"||", BinaryOp::LogOr, 1},
    {"&&", BinaryOp::LogAnd, 2},
    {"|", BinaryOp::BitOr, 3},
    {"^", BinaryOp::BitXor, 4},
    {"&", BinaryOp::BitAnd, 5},
    {"==", BinaryOp::Eq, 6},
    {"!=", BinaryOp::Ne, 6},
    {"<", BinaryOp::Lt, 7},
    {"<=", BinaryOp::Le, 7},
    {">", BinaryOp::Gt, 7},
    {">=", BinaryOp::Ge, 7},
    {"<<", BinaryOp::Shl, 8},
    {">>", BinaryOp::Shr, 8},
    {"+", BinaryOp::Add, 9},
    {"-", BinaryOp::Sub, 9},
    {"*", BinaryOp::Mul, 10},
    {"/", BinaryOp::Div, 10},
    {"%", BinaryOp::Mod, 10},
}};

const BinaryLevel* binaryAt(const Token& t) {
    if (t.kind != TokenKind::Punct) {
        return nullptr;
    }
    for (const BinaryLevel& b : kBinaryOps) {
        if (t.text == b.punct) {
            return &b;
        }
    }
    return nullptr;
}

ExprPtr parseUnary(Cursor& c);

ExprPtr parseCallArgs(Cursor& c, const Token& callee) {
    const Primitive* prim = findPrimitive(callee.text);
    if (!prim) {
        std::string message = "unknown primitive '" + std::string(callee.text) + "'";
        if (auto near = closestPrimitive(callee.text)) {
            message += "; did you mean '" + std::string(*near) + "'?";
        }
        c.fail(callee, message);
    }
    c.expect("(", "");
    Call call{std::string(callee.text), {}};
    if (!c.peek().is(")")) {
        do {
            call.args.push_back(parseExpression(c));
        } while (c.accept(","));
    }
    Token close = c.expect(")", "to close the argument list");
    if (static_cast<int>(call.args.size()) != prim->arity) {
        c.fail(span(callee.range, close.range),
               "'" + std::string(callee.text) + "' takes " + std::to_string(prim->arity) +
                   (prim->arity == 1 ? " argument" : " arguments") + ", but " +
                   std::to_string(call.args.size()) + (call.args.size() == 1 ? " was" : " were") +
                   " given");
    }
    return makeExpr(std::move(call), span(callee.range, close.range));
}

ExprPtr parsePrimary(Cursor& c) {
    const Token t = c.peek();  // a copy: take() frees the lookahead slot
    if (t.kind == TokenKind::Number) {
        Token n = c.take();
        return makeExpr(IntLit{n.value}, n.range);
    }
    if (t.kind == TokenKind::Ident) {
        if (isTypeStart(t)) {
            c.fail(t, "unexpected type name '" + std::string(t.text) + "' in an expression");
        }
        Token name = c.take();
        if (c.peek().is("(")) {
            return parseCallArgs(c, name);
        }
        // `true` and `false` stay names: herd7's C dialect has no such constants, so they
        // are never-assigned registers, worth 0 (the checks warn; the event builder reads 0).
        return makeExpr(Ident{std::string(name.text)}, name.range);
    }
    if (t.is("(")) {
        c.take();
        ExprPtr inner = parseExpression(c);
        c.expect(")", "to close '('");
        return inner;
    }
    c.failExpected(t, "an expression");
}

ExprPtr parsePostfix(Cursor& c) {
    ExprPtr e = parsePrimary(c);
    while (true) {
        const Token t = c.peek();  // a copy: take() frees the lookahead slot
        if (t.is("[")) {
            c.take();
            ExprPtr index = parseExpression(c);
            Token close = c.expect("]", "to close the index");
            e = makeExpr(Index{e, index}, span(rangeOf(e), close.range));
        } else if (t.is("(")) {
            c.fail(t, "only primitives can be called");
        } else if (t.is("->") || t.is(".")) {
            // memx's structs: lowered to a typed access by the event builder.
            const bool arrow = c.take().is("->");
            Token field =
                c.expectIdent(arrow ? "a field name after '->'" : "a field name after '.'");
            e = makeExpr(Member{e, std::string(field.text), arrow}, span(rangeOf(e), field.range));
        } else {
            return e;
        }
    }
}

ExprPtr parseUnary(Cursor& c) {
    const Token t = c.peek();  // a copy: take() frees the lookahead slot
    NestingGuard guard(c, t);
    static constexpr std::array<std::pair<std::string_view, UnaryOp>, 5> kPrefix = {{
        {"-", UnaryOp::Neg},
        {"!", UnaryOp::Not},
        {"~", UnaryOp::BitNot},
        {"*", UnaryOp::Deref},
        {"&", UnaryOp::AddrOf},
    }};
    for (auto [punct, op] : kPrefix) {
        if (t.is(punct)) {
            Token opTok = c.take();
            // herd lexes `-1` as one constant; folding keeps `r = -1` an IntLit.
            if (op == UnaryOp::Neg && c.peek().kind == TokenKind::Number) {
                Token n = c.take();
                return makeExpr(IntLit{-n.value}, span(opTok.range, n.range));
            }
            ExprPtr operand = parseUnary(c);
            return makeExpr(Unary{op, operand}, span(opTok.range, rangeOf(operand)));
        }
    }
    if (t.is("+")) {
        c.take();
        return parseUnary(c);
    }
    if (t.is("++") || t.is("--")) {
        c.fail(t, "increment and decrement operators are not supported inside expressions");
    }
    if (t.isIdent("sizeof")) {
        Token op = c.take();
        if (c.peek().is("(") && isTypeStart(c.peek(1))) {
            c.take();
            std::optional<Type> type = parseType(c);
            Token close = c.expect(")", "to close 'sizeof('");
            return makeExpr(SizeOf{type, nullptr}, span(op.range, close.range));
        }
        ExprPtr operand = parseUnary(c);
        return makeExpr(SizeOf{std::nullopt, operand}, span(op.range, rangeOf(operand)));
    }
    if (t.is("(") && isTypeStart(c.peek(1))) {
        Token open = c.take();
        std::optional<Type> type = parseType(c);
        c.expect(")", "to close the cast");
        ExprPtr operand = parseUnary(c);
        return makeExpr(Cast{*type, operand}, span(open.range, rangeOf(operand)));
    }
    return parsePostfix(c);
}

ExprPtr parseBinary(Cursor& c, int minPrecedence) {
    ExprPtr lhs = parseUnary(c);
    int chained = 0;
    while (const BinaryLevel* level = binaryAt(c.peek())) {
        if (level->precedence < minPrecedence) {
            break;
        }
        c.deepen(c.peek());
        ++chained;
        c.take();
        ExprPtr rhs = parseBinary(c, level->precedence + 1);
        lhs = makeExpr(Binary{level->op, lhs, rhs}, span(rangeOf(lhs), rangeOf(rhs)));
    }
    c.depth -= chained;
    return lhs;
}

std::vector<StmtPtr> parseStatement(Cursor& c);

StmtPtr parseSubStatement(Cursor& c) {
    SourceRange at = c.peek().range;
    std::vector<StmtPtr> stmts = parseStatement(c);
    if (stmts.size() == 1) {
        return stmts.front();
    }
    // An empty statement (`if (c) ;`) or a multi-name declaration becomes a block.
    return makeStmt(BlockStmt{std::move(stmts)}, at);
}

BlockStmt parseBlockBody(Cursor& c) {
    BlockStmt block;
    while (!c.peek().is("}")) {
        if (c.peek().kind == TokenKind::End) {
            c.failExpected(c.peek(), "'}' to close the block");
        }
        for (StmtPtr& s : parseStatement(c)) {
            block.body.push_back(std::move(s));
        }
    }
    return block;
}

// `int r0, *p = &x, buf[4];` gives one DeclStmt per name.
std::vector<StmtPtr> parseDeclaration(Cursor& c, const Token& first) {
    Type base = *parseType(c);
    std::vector<StmtPtr> out;
    do {
        Type type = base;
        while (c.accept("*")) {
            ++type.pointerDepth;
        }
        Token name = c.expectIdent("a variable name in the declaration");
        if (c.accept("[")) {
            Token len = c.peek();
            if (len.kind != TokenKind::Number) {
                c.failExpected(len, "an array length");
            }
            c.take();
            type.arrayLength = static_cast<std::uint64_t>(len.value);
            c.expect("]", "to close the array length");
        }
        ExprPtr init;
        if (c.accept("=")) {
            init = parseExpression(c);
        }
        SourceRange range = span(first.range, init ? rangeOf(init) : name.range);
        out.push_back(makeStmt(DeclStmt{type, std::string(name.text), init}, range));
    } while (c.accept(","));
    c.expect(";", "after the declaration");
    return out;
}

bool isLvalue(const ExprPtr& e) {
    if (std::holds_alternative<Ident>(e->node) || std::holds_alternative<Index>(e->node) ||
        std::holds_alternative<Member>(e->node)) {
        return true;
    }
    const Unary* u = std::get_if<Unary>(&e->node);
    return u && u->op == UnaryOp::Deref;
}

// `e`, `lhs = e`, and the shorthands `r += e`, `r++`, kept as plain assignments; the caller
// takes the `;` (or the `)` that ends a `for` step).
StmtPtr parseSimpleStatementBody(Cursor& c, const char* after) {
    ExprPtr e = parseExpression(c);
    static constexpr std::array<std::pair<std::string_view, BinaryOp>, 8> kCompound = {{
        {"+=", BinaryOp::Add},
        {"-=", BinaryOp::Sub},
        {"*=", BinaryOp::Mul},
        {"/=", BinaryOp::Div},
        {"%=", BinaryOp::Mod},
        {"&=", BinaryOp::BitAnd},
        {"|=", BinaryOp::BitOr},
        {"^=", BinaryOp::BitXor},
    }};
    Token t = c.peek();
    ExprPtr value;
    if (t.is("=")) {
        c.take();
        value = parseExpression(c);
    } else if (t.is("++") || t.is("--")) {
        Token opTok = c.take();
        value = makeExpr(
            Binary{t.is("++") ? BinaryOp::Add : BinaryOp::Sub, e, makeExpr(IntLit{1}, opTok.range)},
            span(rangeOf(e), opTok.range));
    } else {
        for (auto [punct, op] : kCompound) {
            if (t.is(punct)) {
                c.take();
                ExprPtr rhs = parseExpression(c);
                value = makeExpr(Binary{op, e, rhs}, span(rangeOf(e), rangeOf(rhs)));
                break;
            }
        }
    }
    const Token end = c.peek();  // a copy: take() frees the lookahead slot
    if (!end.is(after)) {
        c.expect(after, after == std::string_view(";") ? "after the statement" : "after the step");
    }
    if (!value) {
        return makeStmt(ExprStmt{e}, span(rangeOf(e), end.range));
    }
    if (!isLvalue(e)) {
        c.fail(rangeOf(e),
               "the left-hand side of an assignment must be a register, '*p', "
               "an array element or a struct field");
    }
    return makeStmt(AssignStmt{e, value}, span(rangeOf(e), end.range));
}

std::vector<StmtPtr> parseSimpleStatement(Cursor& c) {
    StmtPtr s = parseSimpleStatementBody(c, ";");
    c.take();
    return {s};
}

// memx's loops beyond herd's `while` (docs/litmus-extensions.md).
std::vector<StmtPtr> parseDoWhile(Cursor& c) {
    Token kw = c.take();
    StmtPtr body = parseSubStatement(c);
    if (!c.acceptIdent("while")) {
        c.failExpected(c.peek(), "'while' after the body of 'do'");
    }
    c.expect("(", "after 'while'");
    ExprPtr cond = parseExpression(c);
    c.expect(")", "to close the condition");
    Token semi = c.expect(";", "after 'do ... while (...)'");
    return {
        makeStmt(WhileStmt{cond, body, LoopKind::DoWhile, nullptr}, span(kw.range, semi.range))};
}

std::vector<StmtPtr> parseFor(Cursor& c) {
    Token kw = c.take();
    c.expect("(", "after 'for'");
    std::vector<StmtPtr> out;
    if (!c.accept(";")) {
        if (isTypeStart(c.peek())) {
            Token at = c.peek();
            out = parseDeclaration(c, at);
        } else {
            out = parseSimpleStatement(c);
        }
    }
    ExprPtr cond;
    if (!c.peek().is(";")) {
        cond = parseExpression(c);
    }
    c.expect(";", "after the condition of 'for'");
    StmtPtr step;
    if (!c.peek().is(")")) {
        step = parseSimpleStatementBody(c, ")");
    }
    c.expect(")", "to close 'for (...)'");
    StmtPtr body = parseSubStatement(c);
    out.push_back(
        makeStmt(WhileStmt{cond, body, LoopKind::For, step}, span(kw.range, body->loc.range)));
    return out;
}

std::vector<StmtPtr> parseStatement(Cursor& c) {
    const Token first = c.peek();  // a copy: take() frees the lookahead slot
    NestingGuard guard(c, first);
    if (first.is(";")) {
        c.take();
        return {};
    }
    if (first.is("{")) {
        Token open = c.take();
        BlockStmt block = parseBlockBody(c);
        Token close = c.expect("}", "");
        return {makeStmt(std::move(block), span(open.range, close.range))};
    }
    if (first.isIdent("if")) {
        Token kw = c.take();
        c.expect("(", "after 'if'");
        ExprPtr cond = parseExpression(c);
        c.expect(")", "to close the condition");
        StmtPtr then = parseSubStatement(c);
        StmtPtr otherwise;
        if (c.acceptIdent("else")) {
            otherwise = parseSubStatement(c);
        }
        SourceRange range = span(kw.range, (otherwise ? otherwise : then)->loc.range);
        return {makeStmt(IfStmt{cond, then, otherwise}, range)};
    }
    if (first.isIdent("while")) {
        Token kw = c.take();
        c.expect("(", "after 'while'");
        ExprPtr cond = parseExpression(c);
        c.expect(")", "to close the condition");
        StmtPtr body = parseSubStatement(c);
        return {makeStmt(WhileStmt{cond, body, LoopKind::While, nullptr},
                         span(kw.range, body->loc.range))};
    }
    // herd has no such keywords: `continue = 0;` assigns a register named continue.
    if (first.isIdent("do") && !c.peek(1).is("=")) {
        return parseDoWhile(c);
    }
    if (first.isIdent("for") && c.peek(1).is("(")) {
        return parseFor(c);
    }
    if ((first.isIdent("break") || first.isIdent("continue")) && c.peek(1).is(";")) {
        Token kw = c.take();
        Token semi = c.take();
        return {makeStmt(JumpStmt{first.isIdent("break")}, span(kw.range, semi.range))};
    }
    for (std::string_view kw : {"for", "do", "switch", "return", "goto", "break", "continue"}) {
        if (first.isIdent(kw) && !c.peek(1).is("=")) {
            c.fail(first, "'" + std::string(kw) + "' statements are not supported in litmus tests");
        }
    }
    if (isTypeStart(first)) {
        Token at = first;
        return parseDeclaration(c, at);
    }
    return parseSimpleStatement(c);
}

std::optional<int> threadNumber(const Token& t) {
    if (t.kind != TokenKind::Ident || t.text.size() < 2 || t.text[0] != 'P') {
        return std::nullopt;
    }
    int id = 0;
    std::string_view digits = t.text.substr(1);
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (ec != std::errc() || end != digits.data() + digits.size() || id < 0) {
        return std::nullopt;
    }
    return id;
}

}  // namespace

bool atThreadStart(Cursor& c) {
    if (threadNumber(c.peek())) {
        return c.peek(1).is("(");
    }
    return (c.peek().isIdent("void") || c.peek().isIdent("external")) && threadNumber(c.peek(1));
}

std::optional<Type> parseType(Cursor& c) {
    if (!isTypeStart(c.peek())) {
        return std::nullopt;
    }
    Type type;
    std::string base;
    while (true) {
        const Token t = c.peek();  // a copy: take() frees the lookahead slot
        if (t.isIdent("volatile")) {
            type.isVolatile = true;
        } else if (t.isIdent("const")) {
            type.isConst = true;
        } else if (t.isIdent("struct")) {
            c.take();
            Token tag = c.expectIdent("a structure name after 'struct'");
            base += (base.empty() ? "" : " ") + std::string("struct ") + std::string(tag.text);
            continue;
        } else if (isBaseTypeWord(t)) {
            base += (base.empty() ? "" : " ") + std::string(t.text);
        } else {
            break;
        }
        c.take();
    }
    if (base.empty()) {
        c.failExpected(c.peek(), "a type name");
    }
    type.base = std::move(base);
    while (c.accept("*")) {
        ++type.pointerDepth;
    }
    return type;
}

ExprPtr parseExpression(Cursor& c) {
    NestingGuard guard(c, c.peek());
    ExprPtr cond = parseBinary(c, 1);
    if (!c.accept("?")) {
        return cond;
    }
    ExprPtr then = parseExpression(c);
    c.expect(":", "in the conditional expression");
    ExprPtr otherwise = parseExpression(c);
    return makeExpr(Ternary{cond, then, otherwise}, span(rangeOf(cond), rangeOf(otherwise)));
}

Thread parseThread(Cursor& c) {
    Thread thread;
    Token first = c.peek();
    if (c.acceptIdent("external")) {
        thread.external = true;
    } else {
        c.acceptIdent("void");
    }
    Token name = c.take();
    thread.id = *threadNumber(name);
    c.expect("(", "to open the parameter list");
    if (c.peek().isIdent("void") && c.peek(1).is(")")) {
        c.take();
    }
    if (!c.peek().is(")")) {
        do {
            Token at = c.peek();
            std::optional<Type> type = parseType(c);
            if (!type) {
                c.failExpected(at, "a parameter type");
            }
            Token pname = c.expectIdent("a parameter name");
            thread.params.push_back(
                Param{*type, std::string(pname.text), Loc{span(at.range, pname.range)}});
        } while (c.accept(","));
    }
    c.expect(")", "to close the parameter list");
    c.expect("{", "to open the body of P" + std::to_string(thread.id));
    BlockStmt body = parseBlockBody(c);
    Token close = c.expect("}", "");
    thread.body = std::move(body.body);
    thread.loc = Loc{span(first.range, close.range)};
    return thread;
}

}  // namespace memx::litmus::detail
