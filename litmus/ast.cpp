// Structural equality of the litmus AST. Source ranges never take part (see Loc), so a
// printed-and-reparsed program compares equal to the original.
#include "litmus/ast.hpp"

#include <algorithm>
#include <type_traits>

namespace memx::litmus {

namespace {

template <typename T>
bool samePtrs(const std::vector<T>& a, const std::vector<T>& b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](const T& x, const T& y) { return x == y; });
}

bool sameNode(const IntLit& a, const IntLit& b) {
    return a == b;
}
bool sameNode(const Ident& a, const Ident& b) {
    return a == b;
}
bool sameNode(const Unary& a, const Unary& b) {
    return a.op == b.op && a.operand == b.operand;
}
bool sameNode(const Binary& a, const Binary& b) {
    return a.op == b.op && a.lhs == b.lhs && a.rhs == b.rhs;
}
bool sameNode(const Ternary& a, const Ternary& b) {
    return a.cond == b.cond && a.then == b.then && a.otherwise == b.otherwise;
}
bool sameNode(const Call& a, const Call& b) {
    return a.callee == b.callee && samePtrs(a.args, b.args);
}
bool sameNode(const Index& a, const Index& b) {
    return a.base == b.base && a.index == b.index;
}
bool sameNode(const Cast& a, const Cast& b) {
    return a.type == b.type && a.operand == b.operand;
}
bool sameNode(const Member& a, const Member& b) {
    return a.base == b.base && a.field == b.field && a.arrow == b.arrow;
}
bool sameNode(const SizeOf& a, const SizeOf& b) {
    return a.type == b.type && a.operand == b.operand;
}

bool sameNode(const DeclStmt& a, const DeclStmt& b) {
    return a.type == b.type && a.name == b.name && a.init == b.init;
}
bool sameNode(const AssignStmt& a, const AssignStmt& b) {
    return a.target == b.target && a.value == b.value;
}
bool sameNode(const ExprStmt& a, const ExprStmt& b) {
    return a.expr == b.expr;
}
bool sameNode(const IfStmt& a, const IfStmt& b) {
    return a.cond == b.cond && a.then == b.then && a.otherwise == b.otherwise;
}
bool sameNode(const WhileStmt& a, const WhileStmt& b) {
    return a.cond == b.cond && a.body == b.body && a.kind == b.kind && a.step == b.step;
}
bool sameNode(const JumpStmt& a, const JumpStmt& b) {
    return a.isBreak == b.isBreak;
}
bool sameNode(const BlockStmt& a, const BlockStmt& b) {
    return samePtrs(a.body, b.body);
}

bool sameNode(const PropTrue&, const PropTrue&) {
    return true;
}
bool sameNode(const PropFalse&, const PropFalse&) {
    return true;
}
bool sameNode(const PropAtom& a, const PropAtom& b) {
    return a == b;
}
bool sameNode(const PropNot& a, const PropNot& b) {
    return a.operand == b.operand;
}
bool sameNode(const PropAnd& a, const PropAnd& b) {
    return a.lhs == b.lhs && a.rhs == b.rhs;
}
bool sameNode(const PropOr& a, const PropOr& b) {
    return a.lhs == b.lhs && a.rhs == b.rhs;
}
bool sameNode(const PropImplies& a, const PropImplies& b) {
    return a.lhs == b.lhs && a.rhs == b.rhs;
}

// Same alternative, then the alternative's own comparison.
template <typename Variant>
bool sameVariant(const Variant& a, const Variant& b) {
    if (a.index() != b.index()) {
        return false;
    }
    return std::visit(
        [&b](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            return sameNode(x, std::get<T>(b));
        },
        a);
}

template <typename T>
bool sameDeep(const std::shared_ptr<const T>& a, const std::shared_ptr<const T>& b) {
    if (!a || !b) {
        return !a && !b;
    }
    return a.get() == b.get() || *a == *b;
}

}  // namespace

bool operator==(const Expr& a, const Expr& b) {
    return sameVariant(a.node, b.node);
}
bool operator==(const ExprPtr& a, const ExprPtr& b) {
    return sameDeep(a, b);
}
bool operator==(const Stmt& a, const Stmt& b) {
    return sameVariant(a.node, b.node);
}
bool operator==(const StmtPtr& a, const StmtPtr& b) {
    return sameDeep(a, b);
}
bool operator==(const Prop& a, const Prop& b) {
    return sameVariant(a.node, b.node);
}
bool operator==(const PropPtr& a, const PropPtr& b) {
    return sameDeep(a, b);
}

bool Thread::operator==(const Thread& o) const {
    return id == o.id && external == o.external && params == o.params && samePtrs(body, o.body);
}

bool Condition::operator==(const Condition& o) const {
    return quantifier == o.quantifier && prop == o.prop;
}

bool Program::operator==(const Program& o) const {
    return arch == o.arch && name == o.name && docString == o.docString && expected == o.expected &&
           structs == o.structs && init == o.init && threads == o.threads &&
           locations == o.locations && filter == o.filter && condition == o.condition &&
           conditionKinds == o.conditionKinds;
}

}  // namespace memx::litmus
