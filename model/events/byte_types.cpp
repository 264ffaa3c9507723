#include "model/events/byte_types.hpp"

#include <map>
#include <type_traits>

#include "litmus/primitives.hpp"

namespace memx::model {

namespace {

using namespace memx::litmus;

const std::map<std::string, ScalarType>& sizedTypes() {
    static const std::map<std::string, ScalarType> table = {
        {"u8", {1, false}},       {"u16", {2, false}},      {"u32", {4, false}},
        {"u64", {8, false}},      {"s8", {1, true}},        {"s16", {2, true}},
        {"s32", {4, true}},       {"s64", {8, true}},       {"__u8", {1, false}},
        {"__u16", {2, false}},    {"__u32", {4, false}},    {"__u64", {8, false}},
        {"uint8_t", {1, false}},  {"uint16_t", {2, false}}, {"uint32_t", {4, false}},
        {"uint64_t", {8, false}}, {"int8_t", {1, true}},    {"int16_t", {2, true}},
        {"int32_t", {4, true}},   {"int64_t", {8, true}},   {"char", {1, true}},
        {"short", {2, true}},     {"long", {8, true}},      {"size_t", {8, false}},
    };
    return table;
}

// Walks thread bodies looking for user-copy calls and element accesses (`buf[i]`).
class ByteUseFinder {
public:
    bool found = false;

    void stmt(const Stmt& s) {
        std::visit(
            [&](const auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, DeclStmt>) {
                    expr(n.init);  // a register's type is no memory: it does not count
                } else if constexpr (std::is_same_v<T, AssignStmt>) {
                    expr(n.target);
                    expr(n.value);
                } else if constexpr (std::is_same_v<T, ExprStmt>) {
                    expr(n.expr);
                } else if constexpr (std::is_same_v<T, IfStmt>) {
                    expr(n.cond);
                    stmt(*n.then);
                    if (n.otherwise) {
                        stmt(*n.otherwise);
                    }
                } else if constexpr (std::is_same_v<T, WhileStmt>) {
                    if (n.cond) {
                        expr(n.cond);
                    }
                    stmt(*n.body);
                    if (n.step) {
                        stmt(*n.step);
                    }
                } else if constexpr (std::is_same_v<T, JumpStmt>) {
                } else {
                    for (const StmtPtr& inner : n.body) {
                        stmt(*inner);
                    }
                }
            },
            s.node);
    }

    void type(const Type& t) {
        if (t.arrayLength || isSizedTypeName(t.base)) {
            found = true;
        }
    }

    void expr(const ExprPtr& e) {
        if (!e) {
            return;
        }
        std::visit(
            [&](const auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, Unary>) {
                    expr(n.operand);
                } else if constexpr (std::is_same_v<T, Binary>) {
                    expr(n.lhs);
                    expr(n.rhs);
                } else if constexpr (std::is_same_v<T, Ternary>) {
                    expr(n.cond);
                    expr(n.then);
                    expr(n.otherwise);
                } else if constexpr (std::is_same_v<T, Call>) {
                    found = found || isUserCopyPrimitive(n.callee);
                    for (const ExprPtr& a : n.args) {
                        expr(a);
                    }
                } else if constexpr (std::is_same_v<T, Index>) {
                    found = true;
                } else if constexpr (std::is_same_v<T, Cast>) {
                    // herd's own tests cast to `char **`: a cast alone does not count.
                    expr(n.operand);
                } else if constexpr (std::is_same_v<T, Member> || std::is_same_v<T, SizeOf>) {
                    found = true;  // memx's structs
                }
            },
            e->node);
    }
};

}  // namespace

bool isSizedTypeName(const std::string& base) {
    return sizedTypes().count(base) > 0;
}

ScalarType scalarOf(const std::string& base) {
    auto it = sizedTypes().find(base);
    return it == sizedTypes().end() ? ScalarType{4, true} : it->second;
}

ScalarType objectTypeOf(const Type& type) {
    return type.pointerDepth > 0 ? ScalarType{8, false} : scalarOf(type.base);
}

bool isUserCopyPrimitive(const std::string& name) {
    const litmus::Primitive* p = findPrimitive(name);
    return p != nullptr && p->family == PrimitiveFamily::UserCopy;
}

bool isByteGranular(const Program& program) {
    ByteUseFinder finder;
    finder.found = !program.structs.empty();
    for (const InitEntry& e : program.init) {
        if (e.type) {
            finder.type(*e.type);
        }
        if (e.value && e.value->kind == InitValue::Kind::List) {
            finder.found = true;
        }
    }
    for (const Thread& t : program.threads) {
        finder.found = finder.found || t.external;
        for (const Param& p : t.params) {
            finder.type(p.type);
        }
        for (const StmtPtr& s : t.body) {
            finder.stmt(*s);
        }
    }
    return finder.found;
}

}  // namespace memx::model
