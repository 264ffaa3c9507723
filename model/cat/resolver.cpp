// Name resolution: one pass over the flattened model that binds every Var to a global or local
// slot, so the evaluator never looks a name up by string.
#include <cctype>
#include <set>

#include "model/cat/compiled_model.hpp"

namespace memx::cat {

namespace {

// Base relations herd provides for C models (missing ones evaluate to the empty relation).
// memx adds `si` (the bytes of one access, byte-granular tests only).
const std::set<std::string>& baseRelations() {
    static const std::set<std::string> names = {"po",   "rf",        "rmw",       "addr", "data",
                                                "ctrl", "loc",       "int",       "ext",  "id",
                                                "amo",  "iico_data", "iico_ctrl", "pco",  "si"};
    return names;
}

// Base event sets: herd's C architecture sets, lock events and C11 memory-order annotations.
// memx adds `torn` (the bytes of torn reads; empty unless the test is byte-granular).
const std::set<std::string>& baseSets() {
    static const std::set<std::string> names = {
        "R",  "W",  "M", "F",   "IW",  "FW",  "B",       "RMW", "LKR", "LKW", "UL", "LF",  "RL",
        "RU", "NA", "A", "RLX", "ACQ", "REL", "ACQ_REL", "SC",  "CON", "I",   "X",  "torn"};
    return names;
}

const std::set<std::string>& coherenceNames() {
    static const std::set<std::string> names = {"co", "fr", "coe", "coi", "fre", "fri"};
    return names;
}

const std::map<std::string, Builtin>& builtins() {
    static const std::map<std::string, Builtin> table = {
        {"domain", Builtin::Domain},
        {"range", Builtin::Range},
        {"classes-loc", Builtin::ClassesLoc},
        {"linearisations", Builtin::Linearisations},
        {"different-values", Builtin::DifferentValues},
        {"tag2events", Builtin::Tag2Events},
        {"fencerel", Builtin::Fencerel},
    };
    return table;
}

struct Scope {
    std::map<std::string, std::uint32_t> names;
    std::uint32_t size = 0;
};

class Resolver {
public:
    Resolver(Model& m, DiagnosticSink& sink) : m_(m), sink_(sink) {}

    bool run() {
        statements(m_.statements);
        m_.finalSlots = top_;
        return ok_;
    }

private:
    void error(const NodeLoc& loc, std::string msg) {
        sink_.error(m_.files[loc.file], loc.range, std::move(msg));
        ok_ = false;
    }

    std::uint32_t newGlobal(const std::string& name) {
        std::uint32_t slot = m_.globalCount++;
        top_[name] = slot;
        return slot;
    }

    // Declares `name` in the innermost scope (local) or at top level.
    VarRef declare(const std::optional<std::string>& name) {
        if (locals_.empty())
            return {VarRef::Kind::Global, 0, newGlobal(name.value_or("_"))};
        Scope& s = locals_.back();
        std::uint32_t index = s.size++;
        if (name)
            s.names[*name] = index;
        return {VarRef::Kind::Local, 0, index};
    }

    std::optional<VarRef> primitive(const std::string& name) {
        Primitive p{name, PrimitiveKind::GraphSet, 0};
        if (auto b = builtins().find(name); b != builtins().end()) {
            p.kind = PrimitiveKind::Builtin;
            p.builtin = b->second;
        } else if (coherenceNames().count(name)) {
            p.kind = PrimitiveKind::Coherence;
            m_.needsNativeCoherence = true;
        } else if (baseRelations().count(name)) {
            p.kind = PrimitiveKind::GraphRelation;
        } else if (baseSets().count(name) || tagSets_.count(name)) {
            p.kind = PrimitiveKind::GraphSet;
        } else if (tryDepth_ > 0) {
            p.kind = PrimitiveKind::Optional;
        } else {
            return std::nullopt;
        }
        p.slot = newGlobal(name);
        m_.primitives.push_back(p);
        return VarRef{VarRef::Kind::Global, 0, p.slot};
    }

    void var(Expr& e) {
        for (std::size_t d = 0; d < locals_.size(); ++d) {
            const Scope& s = locals_[locals_.size() - 1 - d];
            if (auto it = s.names.find(e.name); it != s.names.end()) {
                e.ref = {VarRef::Kind::Local, static_cast<std::uint32_t>(d), it->second};
                return;
            }
        }
        if (auto it = top_.find(e.name); it != top_.end()) {
            e.ref = {VarRef::Kind::Global, 0, it->second};
            return;
        }
        if (auto p = primitive(e.name)) {
            e.ref = *p;
            return;
        }
        error(e.loc, "unbound name '" + e.name + "'");
    }

    void bindings(std::vector<Binding>& bs, bool rec) {
        if (rec) {
            for (auto& b : bs)
                for (auto& n : b.pattern.names)
                    b.slots.push_back(declare(n));
            for (auto& b : bs)
                expr(*b.value);
        } else {
            for (auto& b : bs)
                expr(*b.value);
            for (auto& b : bs)
                for (auto& n : b.pattern.names)
                    b.slots.push_back(declare(n));
        }
    }

    // Opens a local scope for a construct that creates a frame at run time.
    template <class F>
    std::uint32_t withScope(F&& body) {
        locals_.push_back({});
        body();
        std::uint32_t size = locals_.back().size;
        locals_.pop_back();
        return size;
    }

    void expr(Expr& e) {
        switch (e.kind) {
            case ExprKind::Var:
                var(e);
                return;
            case ExprKind::Fun:
                e.frameSize = withScope([&] {
                    for (auto& n : e.pattern.names)
                        declare(n);
                    expr(*e.args[0]);
                });
                return;
            case ExprKind::Let:
                // Values see the outer scope; the body sees the new names.
                for (auto& b : e.bindings)
                    expr(*b.value);
                e.frameSize = withScope([&] {
                    for (auto& b : e.bindings)
                        for (auto& n : b.pattern.names)
                            b.slots.push_back(declare(n));
                    expr(*e.args[0]);
                });
                return;
            case ExprKind::LetRec:
                e.frameSize = withScope([&] {
                    bindings(e.bindings, true);
                    expr(*e.args[0]);
                });
                return;
            case ExprKind::Try:
                ++tryDepth_;
                expr(*e.args[0]);
                --tryDepth_;
                expr(*e.args[1]);
                return;
            case ExprKind::MatchSet:
                expr(*e.args[0]);
                expr(*e.args[1]);
                e.frameSize = withScope([&] {
                    for (auto& n : e.pattern.names)
                        declare(n);
                    expr(*e.args[2]);
                });
                return;
            default:
                for (auto& a : e.args)
                    expr(*a);
        }
    }

    void statements(StmtList& list) {
        for (auto& s : list)
            statement(s);
    }

    void statement(Stmt& s) {
        switch (s.kind) {
            case StmtKind::Let:
                bindings(s.bindings, false);
                break;
            case StmtKind::LetRec:
                bindings(s.bindings, true);
                break;
            case StmtKind::Check:
                expr(*s.expr);
                break;
            case StmtKind::Show:
                if (s.expr)
                    expr(*s.expr);
                for (auto& n : s.names)
                    m_.shown.push_back(n);
                break;
            case StmtKind::Unshow:
                break;
            case StmtKind::Enum:
                m_.interface.enums[s.name] = s.names;
                for (auto& t : s.names)
                    tagSets_.insert(tagSetName(t));
                // The enum's name is bound to the set of its tags (as values).
                s.ref = declare(s.name);
                break;
            case StmtKind::Instructions:
                for (auto& n : s.names)
                    m_.interface.instructions[s.name].push_back(n);
                break;
            case StmtKind::Procedure:
                s.ref = declare(s.name);
                s.frameSize = withScope([&] {
                    for (auto& n : s.pattern.names)
                        declare(n);
                    statements(*s.body);
                });
                break;
            case StmtKind::Call: {
                Expr target;
                target.kind = ExprKind::Var;
                target.loc = s.loc;
                target.name = s.name;
                var(target);
                s.ref = target.ref;
                expr(*s.expr);
                break;
            }
            case StmtKind::WithFrom:
                expr(*s.expr);
                s.ref = declare(s.name);
                break;
            case StmtKind::Include:
            case StmtKind::IfVariant:
                break;  // removed by the loader
        }
    }

    Model& m_;
    DiagnosticSink& sink_;
    std::map<std::string, std::uint32_t> top_;
    std::vector<Scope> locals_;
    std::set<std::string> tagSets_;
    int tryDepth_ = 0;
    bool ok_ = true;
};

}  // namespace

std::string tagSetName(const std::string& tag) {
    std::string s = tag;
    if (!s.empty())
        s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

bool resolveModel(Model& model, DiagnosticSink& sink) {
    return Resolver(model, sink).run();
}

}  // namespace memx::cat
