// Canonical litmus text. Precedences mirror the parsers (code_parser.cpp, state_parser.cpp):
// a child is parenthesised exactly when its own precedence is below what its position
// requires, which keeps parse(print(p)) == p.
#include "litmus/printer.hpp"

namespace memx::litmus {

namespace {

constexpr int kTernaryPrec = 0;
constexpr int kUnaryPrec = 11;
constexpr int kPostfixPrec = 12;
constexpr int kPrimaryPrec = 13;

struct BinaryInfo {
    const char* text;
    int prec;
};

BinaryInfo binaryInfo(BinaryOp op) {
    switch (op) {
        case BinaryOp::LogOr:
            return {"||", 1};
        case BinaryOp::LogAnd:
            return {"&&", 2};
        case BinaryOp::BitOr:
            return {"|", 3};
        case BinaryOp::BitXor:
            return {"^", 4};
        case BinaryOp::BitAnd:
            return {"&", 5};
        case BinaryOp::Eq:
            return {"==", 6};
        case BinaryOp::Ne:
            return {"!=", 6};
        case BinaryOp::Lt:
            return {"<", 7};
        case BinaryOp::Le:
            return {"<=", 7};
        case BinaryOp::Gt:
            return {">", 7};
        case BinaryOp::Ge:
            return {">=", 7};
        case BinaryOp::Shl:
            return {"<<", 8};
        case BinaryOp::Shr:
            return {">>", 8};
        case BinaryOp::Add:
            return {"+", 9};
        case BinaryOp::Sub:
            return {"-", 9};
        case BinaryOp::Mul:
            return {"*", 10};
        case BinaryOp::Div:
            return {"/", 10};
        case BinaryOp::Mod:
            return {"%", 10};
    }
    return {"?", 1};
}

const char* unaryText(UnaryOp op) {
    switch (op) {
        case UnaryOp::Neg:
            return "-";
        case UnaryOp::Not:
            return "!";
        case UnaryOp::BitNot:
            return "~";
        case UnaryOp::Deref:
            return "*";
        case UnaryOp::AddrOf:
            return "&";
    }
    return "?";
}

int precedence(const Expr& e) {
    return std::visit(
        [](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, Ternary>) {
                return kTernaryPrec;
            } else if constexpr (std::is_same_v<T, Binary>) {
                return binaryInfo(n.op).prec;
            } else if constexpr (std::is_same_v<T, Unary> || std::is_same_v<T, Cast>) {
                return kUnaryPrec;
            } else if constexpr (std::is_same_v<T, Index> || std::is_same_v<T, Call> ||
                                 std::is_same_v<T, Member> || std::is_same_v<T, SizeOf>) {
                return kPostfixPrec;
            } else if constexpr (std::is_same_v<T, IntLit>) {
                // A negative literal reads as unary minus applied to a number.
                return n.value < 0 ? kUnaryPrec : kPrimaryPrec;
            } else {
                return kPrimaryPrec;
            }
        },
        e.node);
}

void printExprAt(std::string& out, const Expr& e, int minPrec);

void printOperand(std::string& out, const ExprPtr& e, int minPrec) {
    if (!e) {
        out += "<null>";
        return;
    }
    printExprAt(out, *e, minPrec);
}

void printExprNode(std::string& out, const Expr& e) {
    std::visit(
        [&out](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, IntLit>) {
                out += std::to_string(n.value);
            } else if constexpr (std::is_same_v<T, Ident>) {
                out += n.name;
            } else if constexpr (std::is_same_v<T, Unary>) {
                out += unaryText(n.op);
                std::string operand;
                // `-(1)` stays a negation (the parser folds `-1` into a literal), and
                // `- -x` or `& &x` must not fuse into `--` or `&&`.
                bool literal = n.operand && std::holds_alternative<IntLit>(n.operand->node);
                printOperand(operand, n.operand, kUnaryPrec);
                if (n.op == UnaryOp::Neg && literal) {
                    operand = "(" + operand + ")";
                } else if (!operand.empty() && operand[0] == out.back() &&
                           (operand[0] == '-' || operand[0] == '&')) {
                    out += ' ';
                }
                out += operand;
            } else if constexpr (std::is_same_v<T, Binary>) {
                BinaryInfo info = binaryInfo(n.op);
                printOperand(out, n.lhs, info.prec);
                out += ' ';
                out += info.text;
                out += ' ';
                printOperand(out, n.rhs, info.prec + 1);
            } else if constexpr (std::is_same_v<T, Ternary>) {
                printOperand(out, n.cond, 1);
                out += " ? ";
                printOperand(out, n.then, kTernaryPrec);
                out += " : ";
                printOperand(out, n.otherwise, kTernaryPrec);
            } else if constexpr (std::is_same_v<T, Call>) {
                out += n.callee;
                out += '(';
                for (std::size_t i = 0; i < n.args.size(); ++i) {
                    out += i ? ", " : "";
                    printOperand(out, n.args[i], kTernaryPrec);
                }
                out += ')';
            } else if constexpr (std::is_same_v<T, Index>) {
                printOperand(out, n.base, kPostfixPrec);
                out += '[';
                printOperand(out, n.index, kTernaryPrec);
                out += ']';
            } else if constexpr (std::is_same_v<T, Cast>) {
                out += '(' + printType(n.type) + ')';
                printOperand(out, n.operand, kUnaryPrec);
            } else if constexpr (std::is_same_v<T, Member>) {
                printOperand(out, n.base, kPostfixPrec);
                out += n.arrow ? "->" : ".";
                out += n.field;
            } else if constexpr (std::is_same_v<T, SizeOf>) {
                out += "sizeof(";
                if (n.type) {
                    out += printType(*n.type);
                } else {
                    printOperand(out, n.operand, kTernaryPrec);
                }
                out += ')';
            }
        },
        e.node);
}

void printExprAt(std::string& out, const Expr& e, int minPrec) {
    bool parens = precedence(e) < minPrec;
    out += parens ? "(" : "";
    printExprNode(out, e);
    out += parens ? ")" : "";
}

// Type and name together, C style: `volatile int *p`, `u8 buf[16]`.
std::string declarator(const Type& type, const std::string& name) {
    std::string out = printType(type);
    if (!out.empty() && out.back() != '*') {
        out += ' ';
    }
    out += name;
    if (type.arrayLength) {
        out += '[' + std::to_string(*type.arrayLength) + ']';
    }
    return out;
}

void printStmt(std::string& out, const Stmt& s, int indent);

void printIndent(std::string& out, int indent) {
    out.append(static_cast<std::size_t>(indent), '\t');
}

// A branch or loop body: a block opens on the same line and leaves the line open after its
// '}'; anything else goes on the next lines and ends its line.
void printBody(std::string& out, const StmtPtr& body, int indent) {
    if (const BlockStmt* block = std::get_if<BlockStmt>(&body->node)) {
        out += " {\n";
        for (const StmtPtr& inner : block->body) {
            printStmt(out, *inner, indent + 1);
        }
        printIndent(out, indent);
        out += '}';
    } else {
        out += '\n';
        printStmt(out, *body, indent + 1);
    }
}

void endLine(std::string& out) {
    if (out.back() != '\n') {
        out += '\n';
    }
}

void printStmt(std::string& out, const Stmt& s, int indent) {
    printIndent(out, indent);
    std::visit(
        [&](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, DeclStmt>) {
                out += declarator(n.type, n.name);
                if (n.init) {
                    out += " = " + printExpr(*n.init);
                }
                out += ";\n";
            } else if constexpr (std::is_same_v<T, AssignStmt>) {
                out += printExpr(*n.target) + " = " + printExpr(*n.value) + ";\n";
            } else if constexpr (std::is_same_v<T, ExprStmt>) {
                out += printExpr(*n.expr) + ";\n";
            } else if constexpr (std::is_same_v<T, IfStmt>) {
                out += "if (" + printExpr(*n.cond) + ")";
                printBody(out, n.then, indent);
                if (n.otherwise) {
                    if (out.back() == '\n') {
                        printIndent(out, indent);
                        out += "else";
                    } else {
                        out += " else";
                    }
                    printBody(out, n.otherwise, indent);
                }
                endLine(out);
            } else if constexpr (std::is_same_v<T, WhileStmt>) {
                const std::string cond = n.cond ? printExpr(*n.cond) : "";
                if (n.kind == LoopKind::DoWhile) {
                    out += "do";
                    printBody(out, n.body, indent);
                    if (out.back() == '\n') {
                        printIndent(out, indent);
                        out += "while (" + cond + ");\n";
                    } else {
                        out += " while (" + cond + ");\n";
                    }
                    return;
                }
                if (n.kind == LoopKind::For) {
                    std::string step;
                    if (n.step) {
                        printStmt(step, *n.step, 0);
                        step.resize(step.size() - 2);  // the statement's ";\n"
                    }
                    out += "for (; " + cond + "; " + step + ")";
                } else {
                    out += "while (" + cond + ")";
                }
                printBody(out, n.body, indent);
                endLine(out);
            } else if constexpr (std::is_same_v<T, JumpStmt>) {
                out += n.isBreak ? "break;\n" : "continue;\n";
            } else if constexpr (std::is_same_v<T, BlockStmt>) {
                out += "{\n";
                for (const StmtPtr& inner : n.body) {
                    printStmt(out, *inner, indent + 1);
                }
                printIndent(out, indent);
                out += "}\n";
            }
        },
        s.node);
}

// `.len = 4` inside a struct's initialiser list.
std::string designated(const InitValue& v, std::string text) {
    return v.designator.empty() ? text : "." + v.designator + " = " + text;
}

std::string printInitValue(const InitValue& v, bool pointer) {
    switch (v.kind) {
        case InitValue::Kind::Int:
            return designated(v, std::to_string(v.value));
        case InitValue::Kind::Address:
            return designated(v, (pointer ? "&" : "") + v.symbol);
        case InitValue::Kind::List: {
            std::string out = designated(v, "{");
            for (std::size_t i = 0; i < v.elements.size(); ++i) {
                out += (i ? ", " : "") + printInitValue(v.elements[i], pointer);
            }
            return out + "}";
        }
    }
    return {};
}

std::string printInitEntry(const InitEntry& e) {
    std::string name = e.thread ? std::to_string(*e.thread) + ":" + e.name : e.name;
    std::string out = e.type ? declarator(*e.type, name) : name;
    if (e.value) {
        bool pointer = e.type && e.type->pointerDepth > 0;
        bool atomicInit = e.type && e.type->base == "atomic_t" && e.type->pointerDepth == 0 &&
                          e.value->kind == InitValue::Kind::Int;
        std::string value = printInitValue(*e.value, pointer);
        out += "=" + (atomicInit ? "ATOMIC_INIT(" + value + ")" : value);
    }
    return out;
}

std::string printCondValue(const CondValue& v) {
    switch (v.kind) {
        case CondValue::Kind::Int:
            return std::to_string(v.value);
        case CondValue::Kind::Address:
            return v.symbol;
        case CondValue::Kind::Location:
            // A shared location on the right needs brackets, or it would read as an address.
            return v.location.thread ? printLocation(v.location) : "[" + v.location.name + "]";
    }
    return {};
}

int propPrecedence(const Prop& p) {
    if (std::holds_alternative<PropOr>(p.node)) {
        return 1;
    }
    if (std::holds_alternative<PropAnd>(p.node)) {
        return 2;
    }
    if (std::holds_alternative<PropImplies>(p.node)) {
        return 3;
    }
    if (std::holds_alternative<PropNot>(p.node)) {
        return 4;
    }
    return 5;
}

void printPropAt(std::string& out, const PropPtr& p, int minPrec) {
    if (!p) {
        out += "true";
        return;
    }
    bool parens = propPrecedence(*p) < minPrec;
    out += parens ? "(" : "";
    std::visit(
        [&out](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, PropTrue>) {
                out += "true";
            } else if constexpr (std::is_same_v<T, PropFalse>) {
                out += "false";
            } else if constexpr (std::is_same_v<T, PropAtom>) {
                out += printLocation(n.lhs) + (n.negated ? "!=" : "=") + printCondValue(n.rhs);
            } else if constexpr (std::is_same_v<T, PropNot>) {
                out += '~';
                printPropAt(out, n.operand, 4);
            } else if constexpr (std::is_same_v<T, PropOr>) {
                printPropAt(out, n.lhs, 1);
                out += " \\/ ";
                printPropAt(out, n.rhs, 2);
            } else if constexpr (std::is_same_v<T, PropAnd>) {
                printPropAt(out, n.lhs, 2);
                out += " /\\ ";
                printPropAt(out, n.rhs, 3);
            } else if constexpr (std::is_same_v<T, PropImplies>) {
                printPropAt(out, n.lhs, 4);
                out += " -> ";
                printPropAt(out, n.rhs, 3);
            }
        },
        p->node);
    out += parens ? ")" : "";
}

const char* quantifierText(Quantifier q) {
    switch (q) {
        case Quantifier::Exists:
            return "exists";
        case Quantifier::NotExists:
            return "~exists";
        case Quantifier::Forall:
            return "forall";
    }
    return "exists";
}

}  // namespace

std::string printType(const Type& type) {
    std::string out;
    out += type.isConst ? "const " : "";
    out += type.isVolatile ? "volatile " : "";
    out += type.base;
    if (type.pointerDepth > 0) {
        out += type.base.empty() ? "" : " ";
        out.append(static_cast<std::size_t>(type.pointerDepth), '*');
    }
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out;
}

std::string printLocation(const LocationRef& l) {
    std::string out;
    if (l.thread) {
        out += std::to_string(*l.thread) + ":";
    }
    out += l.deref ? "*" : "";
    out += l.name;
    out += l.field.empty() ? "" : "." + l.field;
    if (l.index) {
        out += "[" + std::to_string(*l.index) + "]";
    }
    return out;
}

std::string printExpr(const Expr& expr) {
    std::string out;
    printExprAt(out, expr, kTernaryPrec);
    return out;
}

std::string printProp(const Prop& prop) {
    std::string out;
    printPropAt(out, std::make_shared<const Prop>(prop), 0);
    return out;
}

std::string printProgram(const Program& p) {
    std::string out = p.arch + " " + p.name + "\n";
    if (p.docString) {
        out += "\"" + *p.docString + "\"\n";
    }
    if (p.expected) {
        out += "\n(* Result: " + p.expected->observation;
        out += p.expected->dataRace ? " DATARACE" : "";
        out += p.expected->deadlock ? " DEADLOCK" : "";
        out += p.expected->torn ? " TORN" : "";
        out += p.expected->liveness ? " LIVENESS" : "";
        out += " *)\n";
    }
    out += "\n{\n";
    for (const StructDecl& sd : p.structs) {
        out += "\tstruct " + sd.name + " {";
        for (const FieldDecl& f : sd.fields) {
            out += " " + declarator(f.type, f.name) + ";";
        }
        out += " };\n";
    }
    for (const InitEntry& e : p.init) {
        out += "\t" + printInitEntry(e) + ";\n";
    }
    out += "}\n";
    for (const Thread& t : p.threads) {
        out += "\n";
        out += t.external ? "external " : "";
        out += "P" + std::to_string(t.id) + "(";
        for (std::size_t i = 0; i < t.params.size(); ++i) {
            out += (i ? ", " : "") + declarator(t.params[i].type, t.params[i].name);
        }
        out += ")\n{\n";
        for (const StmtPtr& s : t.body) {
            printStmt(out, *s, 1);
        }
        out += "}\n";
    }
    out += "\n";
    if (!p.locations.empty()) {
        out += "locations [";
        for (const LocationRef& l : p.locations) {
            out += printLocation(l) + (l.declaredType.empty() ? "" : " " + l.declaredType) + ";";
        }
        out += "]\n";
    }
    if (p.filter) {
        out += "filter (";
        printPropAt(out, p.filter, 0);
        out += ")\n";
    }
    out += quantifierText(p.condition.quantifier);
    out += " (";
    printPropAt(out, p.condition.prop, 0);
    out += ")\n";
    if (!p.conditionKinds.empty()) {
        out += "with";
        for (const auto& [name, kind] : p.conditionKinds) {
            out += " " + name + ": " + kind + ";";
        }
        out += "\n";
    }
    return out;
}

}  // namespace memx::litmus
