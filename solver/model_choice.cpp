#include "solver/model_choice.hpp"

#include <set>
#include <string>
#include <type_traits>
#include <variant>

#include "model/events/primitives.hpp"

namespace memx::solver {

namespace {

using namespace memx::litmus;

bool isC11Type(const Type& type) {
    static const std::set<std::string> kernelAtomics = {"atomic_t", "atomic64_t", "atomic_long_t"};
    const std::string& base = type.base;
    return base.starts_with("_Atomic") ||
           (base.starts_with("atomic_") && !kernelAtomics.contains(base));
}

bool usesC11(const ExprPtr& e);

bool anyUsesC11(const std::vector<ExprPtr>& exprs) {
    for (const ExprPtr& e : exprs) {
        if (usesC11(e)) {
            return true;
        }
    }
    return false;
}

bool usesC11(const ExprPtr& e) {
    if (!e) {
        return false;
    }
    return std::visit(
        [](const auto& n) -> bool {
            using N = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<N, Ident>) {
                return n.name.starts_with("memory_order_");
            } else if constexpr (std::is_same_v<N, Unary>) {
                return usesC11(n.operand);
            } else if constexpr (std::is_same_v<N, Binary>) {
                return usesC11(n.lhs) || usesC11(n.rhs);
            } else if constexpr (std::is_same_v<N, Ternary>) {
                return usesC11(n.cond) || usesC11(n.then) || usesC11(n.otherwise);
            } else if constexpr (std::is_same_v<N, Call>) {
                return model::c11Primitives().find(n.callee) != nullptr || anyUsesC11(n.args);
            } else if constexpr (std::is_same_v<N, Index>) {
                return usesC11(n.base) || usesC11(n.index);
            } else if constexpr (std::is_same_v<N, Cast>) {
                return isC11Type(n.type) || usesC11(n.operand);
            } else if constexpr (std::is_same_v<N, Member>) {
                return usesC11(n.base);
            } else {
                return false;
            }
        },
        e->node);
}

bool usesC11(const StmtPtr& s) {
    if (!s) {
        return false;
    }
    return std::visit(
        [](const auto& n) -> bool {
            using N = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<N, DeclStmt>) {
                return isC11Type(n.type) || usesC11(n.init);
            } else if constexpr (std::is_same_v<N, AssignStmt>) {
                return usesC11(n.target) || usesC11(n.value);
            } else if constexpr (std::is_same_v<N, ExprStmt>) {
                return usesC11(n.expr);
            } else if constexpr (std::is_same_v<N, IfStmt>) {
                return usesC11(n.cond) || usesC11(n.then) || usesC11(n.otherwise);
            } else if constexpr (std::is_same_v<N, WhileStmt>) {
                return usesC11(n.cond) || usesC11(n.body) || usesC11(n.step);
            } else if constexpr (std::is_same_v<N, JumpStmt>) {
                return false;
            } else {
                for (const StmtPtr& inner : n.body) {
                    if (usesC11(inner)) {
                        return true;
                    }
                }
                return false;
            }
        },
        s->node);
}

}  // namespace

Dialect testDialect(const Program& program) {
    for (const InitEntry& entry : program.init) {
        if (entry.type && isC11Type(*entry.type)) {
            return Dialect::C11;
        }
    }
    for (const Thread& thread : program.threads) {
        for (const Param& p : thread.params) {
            if (isC11Type(p.type)) {
                return Dialect::C11;
            }
        }
        for (const StmtPtr& s : thread.body) {
            if (usesC11(s)) {
                return Dialect::C11;
            }
        }
    }
    return Dialect::Kernel;
}

const char* builtinModelFor(Dialect dialect) {
    return dialect == Dialect::C11 ? "rc11" : "lkmm";
}

}  // namespace memx::solver
