#include "event_test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "litmus/parser.hpp"

namespace memx::testing {

using namespace memx::litmus;
using model::SymOp;

namespace ast {

namespace {
Type intType(int pointerDepth) {
    Type t;
    t.base = "int";
    t.pointerDepth = pointerDepth;
    return t;
}
ExprPtr make(decltype(Expr::node) n, int line = 0, int col = 0) {
    auto e = std::make_shared<Expr>();
    e->node = std::move(n);
    e->loc.range.begin = {static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(col)};
    e->loc.range.end = e->loc.range.begin;
    return e;
}
StmtPtr makeStmt(decltype(Stmt::node) n) {
    auto s = std::make_shared<Stmt>();
    s->node = std::move(n);
    return s;
}
}  // namespace

ExprPtr num(std::int64_t v) {
    return make(IntLit{v});
}
ExprPtr id(const std::string& name) {
    return make(Ident{name});
}
ExprPtr deref(ExprPtr e) {
    return make(Unary{UnaryOp::Deref, std::move(e)});
}
ExprPtr addrOf(ExprPtr e) {
    return make(Unary{UnaryOp::AddrOf, std::move(e)});
}
ExprPtr bin(BinaryOp op, ExprPtr a, ExprPtr b) {
    return make(Binary{op, std::move(a), std::move(b)});
}
ExprPtr call(const std::string& callee, std::vector<ExprPtr> args, int line, int col) {
    return make(Call{callee, std::move(args)}, line, col);
}

StmtPtr expr(ExprPtr e) {
    return makeStmt(ExprStmt{std::move(e)});
}
StmtPtr decl(const std::string& name, ExprPtr init) {
    return makeStmt(DeclStmt{intType(0), name, std::move(init)});
}
StmtPtr assign(ExprPtr target, ExprPtr value) {
    return makeStmt(AssignStmt{std::move(target), std::move(value)});
}
StmtPtr ifElse(ExprPtr cond, std::vector<StmtPtr> then, std::vector<StmtPtr> otherwise) {
    StmtPtr elseStmt = otherwise.empty() ? nullptr : makeStmt(BlockStmt{std::move(otherwise)});
    return makeStmt(IfStmt{std::move(cond), makeStmt(BlockStmt{std::move(then)}), elseStmt});
}

Thread thread(int tid, std::vector<std::string> params, std::vector<StmtPtr> body) {
    Thread t;
    t.id = tid;
    for (const auto& p : params) {
        t.params.push_back(Param{intType(1), p, {}});
    }
    t.body = std::move(body);
    return t;
}

InitEntry initLocation(const std::string& name, std::int64_t value) {
    InitEntry e;
    e.name = name;
    e.value = InitValue{InitValue::Kind::Int, value, {}, {}, {}};
    return e;
}

InitEntry initRegister(int tid, const std::string& name, std::int64_t value) {
    InitEntry e = initLocation(name, value);
    e.thread = tid;
    return e;
}

}  // namespace ast

Program parseText(const std::string& text, const std::string& file) {
    DiagnosticSink sink;
    auto p = parseLitmus(text, file, sink);
    for (const auto& d : sink.diagnostics()) {
        ADD_FAILURE() << formatDiagnostic(d, text);
    }
    return p ? *p : Program{};
}

model::EventStructure buildText(const std::string& text, model::EventOptions options,
                                const std::string& file) {
    DiagnosticSink sink;
    auto es =
        model::buildEvents(parseText(text, file), model::lkmmPrimitives(), file, sink, options);
    for (const auto& d : sink.diagnostics()) {
        ADD_FAILURE() << formatDiagnostic(d, text);
    }
    return es ? *es : model::EventStructure{};
}

model::EventStructure build(const Program& p) {
    DiagnosticSink sink;
    auto es = model::buildEvents(p, model::lkmmPrimitives(), "test.litmus", sink);
    for (const auto& d : sink.diagnostics()) {
        ADD_FAILURE() << formatDiagnostic(d);
    }
    if (!es) {
        ADD_FAILURE() << "buildEvents failed";
        return {};
    }
    return *es;
}

std::vector<const model::SymEvent*> threadEvents(const model::EventStructure& es, int tid) {
    std::vector<const model::SymEvent*> out;
    for (const auto& e : es.events) {
        if (e.thread == tid) {
            out.push_back(&e);
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto* a, const auto* b) { return a->poIndex < b->poIndex; });
    return out;
}

std::uint32_t indexOf(const model::EventStructure& es, const model::SymEvent* e) {
    return static_cast<std::uint32_t>(e - es.events.data());
}

bool inSet(const model::SymEvent& e, const std::string& set) {
    return std::find(e.sets.begin(), e.sets.end(), set) != e.sets.end();
}

std::string setsOf(const model::SymEvent& e) {
    auto sets = e.sets;
    std::sort(sets.begin(), sets.end());
    std::string out;
    for (const auto& s : sets) {
        out += (out.empty() ? "" : ",") + s;
    }
    return out;
}

bool hasEdge(const std::vector<model::EventPair>& rel, std::uint32_t a, std::uint32_t b) {
    return std::find(rel.begin(), rel.end(), model::EventPair{a, b}) != rel.end();
}

std::int64_t evaluate(const model::EventStructure& es, model::SymId id,
                      const std::map<std::uint32_t, std::int64_t>& reads,
                      const std::map<std::int64_t, std::int64_t>& choices) {
    const model::SymNode& n = es.nodes.at(id);
    auto arg = [&](std::size_t i) { return evaluate(es, n.operands.at(i), reads, choices); };
    switch (n.op) {
        case SymOp::Const:
            return n.value;
        case SymOp::ReadValue: {
            auto it = reads.find(n.event);
            return it == reads.end() ? 0 : it->second;
        }
        case SymOp::Choice: {
            auto it = choices.find(n.value);
            return it == choices.end() ? 0 : it->second;
        }
        case SymOp::Not:
            return arg(0) == 0;
        case SymOp::Neg:
            return -arg(0);
        case SymOp::BitNot:
            return ~arg(0);
        case SymOp::Add:
            return arg(0) + arg(1);
        case SymOp::Sub:
            return arg(0) - arg(1);
        case SymOp::Mul:
            return arg(0) * arg(1);
        case SymOp::Div:
            return arg(1) == 0 ? 0 : arg(0) / arg(1);
        case SymOp::Mod:
            return arg(1) == 0 ? 0 : arg(0) % arg(1);
        case SymOp::BitAnd:
            return arg(0) & arg(1);
        case SymOp::BitOr:
            return arg(0) | arg(1);
        case SymOp::BitXor:
            return arg(0) ^ arg(1);
        case SymOp::Shl:
            return arg(0) << arg(1);
        case SymOp::Shr:
            return arg(0) >> arg(1);
        case SymOp::Eq:
            return arg(0) == arg(1);
        case SymOp::Ne:
            return arg(0) != arg(1);
        case SymOp::Lt:
            return arg(0) < arg(1);
        case SymOp::Le:
            return arg(0) <= arg(1);
        case SymOp::Gt:
            return arg(0) > arg(1);
        case SymOp::Ge:
            return arg(0) >= arg(1);
        case SymOp::LogAnd:
            return arg(0) != 0 && arg(1) != 0;
        case SymOp::LogOr:
            return arg(0) != 0 || arg(1) != 0;
        case SymOp::Ite:
            return arg(0) != 0 ? arg(1) : arg(2);
    }
    return 0;
}

}  // namespace memx::testing
