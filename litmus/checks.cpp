// Name resolution for litmus programs. herd accepts registers that are assigned without a
// declaration (`p = READ_ONCE(*x);`), so a register is known to a thread if the thread
// declares it, assigns it anywhere, or the init block gives it a value (`0:r1=0`).
#include "litmus/checks.hpp"

#include <map>
#include <set>

#include "litmus/primitives.hpp"
#include "litmus/prop_locations.hpp"

namespace memx::litmus {

namespace {

struct ThreadNames {
    std::set<std::string> registers;  // declared, assigned, or set in the init block
    std::set<std::string> params;
};

void collectAssigned(const StmtPtr& s, ThreadNames& names) {
    if (!s) {
        return;
    }
    std::visit(
        [&](const auto& node) {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, DeclStmt>) {
                names.registers.insert(node.name);
            } else if constexpr (std::is_same_v<T, AssignStmt>) {
                if (const Ident* id = std::get_if<Ident>(&node.target->node)) {
                    names.registers.insert(id->name);
                }
            } else if constexpr (std::is_same_v<T, IfStmt>) {
                collectAssigned(node.then, names);
                collectAssigned(node.otherwise, names);
            } else if constexpr (std::is_same_v<T, WhileStmt>) {
                collectAssigned(node.body, names);
                collectAssigned(node.step, names);
            } else if constexpr (std::is_same_v<T, BlockStmt>) {
                for (const StmtPtr& inner : node.body) {
                    collectAssigned(inner, names);
                }
            }
        },
        s->node);
}

constexpr const char* kLocationsList = "'locations' list";

class Checker {
public:
    Checker(const Program& p, const std::string& file, DiagnosticSink& sink)
        : program_(p), file_(file), sink_(sink) {}

    bool run() {
        collectNames();
        for (const Thread& t : program_.threads) {
            current_ = &names_[t.id];
            currentId_ = t.id;
            for (const StmtPtr& s : t.body) {
                checkStmt(s);
            }
        }
        for (const LocationRef& l : program_.locations) {
            checkLocation(l, kLocationsList);
        }
        if (program_.filter) {
            checkProp(program_.filter, "filter");
        }
        if (program_.condition.prop) {
            checkProp(program_.condition.prop, "condition");
        }
        warnAddressComparisons(program_.filter, "filter");
        warnAddressComparisons(program_.condition.prop, "condition");
        return ok_;
    }

private:
    void error(const Loc& at, std::string message) {
        sink_.error(file_, at.range, std::move(message));
        ok_ = false;
    }

    void collectNames() {
        for (const Thread& t : program_.threads) {
            if (names_.count(t.id)) {
                error(t.loc, "thread P" + std::to_string(t.id) + " is defined twice");
            }
            ThreadNames& n = names_[t.id];
            for (const Param& p : t.params) {
                n.params.insert(p.name);
                locations_.insert(p.name);
                if (p.type.pointerDepth > 1) {
                    pointerLocations_.insert(p.name);  // `int **p`: location p holds a pointer
                }
            }
            for (const StmtPtr& s : t.body) {
                collectAssigned(s, n);
            }
        }
        for (const InitEntry& e : program_.init) {
            if (e.thread) {
                names_[*e.thread].registers.insert(e.name);
            } else {
                locations_.insert(e.name);
            }
            if (!e.thread && ((e.type && e.type->pointerDepth > 0) ||
                              (e.value && e.value->kind == InitValue::Kind::Address))) {
                pointerLocations_.insert(e.name);
            }
            if (e.value && e.value->kind == InitValue::Kind::Address) {
                locations_.insert(e.value->symbol);
            }
        }
        for (const InitEntry& e : program_.init) {
            if (e.thread && !hasThread(*e.thread)) {
                error(e.loc, "the initial state sets register '" + e.name + "' of thread P" +
                                 std::to_string(*e.thread) + ", but the test has no such thread");
            }
        }
    }

    bool hasThread(int id) const {
        for (const Thread& t : program_.threads) {
            if (t.id == id) {
                return true;
            }
        }
        return false;
    }

    void checkExpr(const ExprPtr& e) {
        if (!e) {
            return;
        }
        std::visit(
            [&](const auto& node) {
                using T = std::decay_t<decltype(node)>;
                if constexpr (std::is_same_v<T, Ident>) {
                    checkIdent(node.name, e->loc);
                } else if constexpr (std::is_same_v<T, Unary>) {
                    checkExpr(node.operand);
                } else if constexpr (std::is_same_v<T, Binary>) {
                    checkExpr(node.lhs);
                    checkExpr(node.rhs);
                } else if constexpr (std::is_same_v<T, Ternary>) {
                    checkExpr(node.cond);
                    checkExpr(node.then);
                    checkExpr(node.otherwise);
                } else if constexpr (std::is_same_v<T, Call>) {
                    // A conditional wait's condition names the value read VAL
                    // (smp_cond_load_acquire(p, VAL != 0)).
                    const bool waits = node.callee.find("_cond_") != std::string::npos;
                    const bool hadVal = current_->registers.count("VAL") > 0;
                    for (std::size_t i = 0; i < node.args.size(); ++i) {
                        if (waits && i == 1 && !hadVal) {
                            current_->registers.insert("VAL");
                            checkExpr(node.args[i]);
                            current_->registers.erase("VAL");
                        } else {
                            checkExpr(node.args[i]);
                        }
                    }
                } else if constexpr (std::is_same_v<T, Index>) {
                    checkExpr(node.base);
                    checkExpr(node.index);
                } else if constexpr (std::is_same_v<T, Cast>) {
                    checkExpr(node.operand);
                } else if constexpr (std::is_same_v<T, Member>) {
                    checkExpr(node.base);
                } else if constexpr (std::is_same_v<T, SizeOf>) {
                    if (node.operand) {
                        checkExpr(node.operand);
                    }
                }
            },
            e->node);
    }

    void checkIdent(const std::string& name, const Loc& at) {
        if (current_->registers.count(name) || current_->params.count(name) ||
            isMemoryOrder(name)) {
            return;
        }
        if (name == "true" || name == "false") {
            // herd7 answers as if `true` were 0 (corpus lkmm/dart/no-herd/C-bool-const-01:
            // `if (true)` does not run), and herd7 is the reference; the warning says so.
            sink_.report({Severity::Warning,
                          file_,
                          at.range,
                          "'" + name +
                              "' is not a constant in herd7's C dialect: herd7 reads it as a "
                              "register never assigned, 0, and so does memx; write " +
                              (name == "true" ? "1" : "0") + " instead",
                          {}});
            return;
        }
        error(at, "'" + name + "' is used in P" + std::to_string(currentId_) +
                      " but is neither a parameter nor a register declared or assigned there");
    }

    void checkStmt(const StmtPtr& s) {
        std::visit(
            [&](const auto& node) {
                using T = std::decay_t<decltype(node)>;
                if constexpr (std::is_same_v<T, DeclStmt>) {
                    checkExpr(node.init);
                } else if constexpr (std::is_same_v<T, AssignStmt>) {
                    if (!std::holds_alternative<Ident>(node.target->node)) {
                        checkExpr(node.target);
                    }
                    checkExpr(node.value);
                } else if constexpr (std::is_same_v<T, ExprStmt>) {
                    checkExpr(node.expr);
                } else if constexpr (std::is_same_v<T, IfStmt>) {
                    checkExpr(node.cond);
                    checkStmt(node.then);
                    if (node.otherwise) {
                        checkStmt(node.otherwise);
                    }
                } else if constexpr (std::is_same_v<T, WhileStmt>) {
                    if (node.cond) {
                        checkExpr(node.cond);
                    }
                    checkStmt(node.body);
                    if (node.step) {
                        checkStmt(node.step);
                    }
                } else if constexpr (std::is_same_v<T, BlockStmt>) {
                    for (const StmtPtr& inner : node.body) {
                        checkStmt(inner);
                    }
                }
            },
            s->node);
    }

    void checkLocation(const LocationRef& l, const std::string& where) {
        if (l.thread) {
            auto it = names_.find(*l.thread);
            if (!hasThread(*l.thread)) {
                error(l.loc, "the " + where + " names thread " + std::to_string(*l.thread) +
                                 ", but the test has no thread P" + std::to_string(*l.thread));
            } else if (!it->second.registers.count(l.name) && !it->second.params.count(l.name) &&
                       where == kLocationsList) {
                // herd7 lists such a register in its States with the value 0, as a register
                // never assigned; so does memx, with a word about it.
                sink_.report({Severity::Warning,
                              file_,
                              l.loc.range,
                              "the 'locations' list names register '" + l.name + "' of P" +
                                  std::to_string(*l.thread) + ", which P" +
                                  std::to_string(*l.thread) +
                                  " never declares nor assigns: herd7 lists it as 0, and so "
                                  "does memx",
                              {}});
            } else if (!it->second.registers.count(l.name) && !it->second.params.count(l.name)) {
                error(l.loc, "the " + where + " names register '" + l.name + "' of P" +
                                 std::to_string(*l.thread) + ", which P" +
                                 std::to_string(*l.thread) + " never declares nor assigns");
            }
        } else if (!locations_.count(l.name)) {
            error(l.loc, "the " + where + " names location '" + l.name +
                             "', which is neither in the initial state nor a thread parameter");
        }
    }

    // `len1=len2` compares len1's value with len2's *address*, as herd7 reads it. That is
    // meant when len1 holds a pointer (`int *p = &x;` ... `p=y`), and almost surely a mistake
    // otherwise, so it gets a warning, not an error: the answer stays herd7's.
    void warnAddressComparisons(const PropPtr& p, const std::string& where) {
        forEachAtom(p, [&](const PropAtom& atom) {
            const LocationRef& l = atom.lhs;
            if (atom.rhs.kind != CondValue::Kind::Address || l.thread || l.deref ||
                pointerLocations_.count(l.name) || !locations_.count(atom.rhs.symbol)) {
                return;
            }
            sink_.report({Severity::Warning,
                          file_,
                          l.loc.range,
                          "the " + where + " compares the value of '" + l.name +
                              "' with the address of location '" + atom.rhs.symbol +
                              "', as herd7 does; to compare two values, write '" + l.name + "=[" +
                              atom.rhs.symbol + "]'",
                          {}});
        });
    }

    void checkProp(const PropPtr& p, const std::string& where) {
        forEachLocationRef(p, [&](const LocationRef& l) { checkLocation(l, where); });
    }

    const Program& program_;
    const std::string& file_;
    DiagnosticSink& sink_;
    std::map<int, ThreadNames> names_;
    std::set<std::string> locations_;
    std::set<std::string> pointerLocations_;  // declared `T *x` or initialised with an address
    ThreadNames* current_ = nullptr;
    int currentId_ = 0;
    bool ok_ = true;
};

}  // namespace

bool checkProgram(const Program& program, const std::string& fileName, DiagnosticSink& sink) {
    return Checker(program, fileName, sink).run();
}

}  // namespace memx::litmus
