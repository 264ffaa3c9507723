#include "model/cat/stability.hpp"

#include <set>

namespace memx::cat {

namespace {

using SlotSet = std::set<std::uint32_t>;

void globalsRead(const Expr& e, SlotSet& out);

void globalsRead(const StmtList& body, SlotSet& out);

void globalsRead(const Stmt& s, SlotSet& out) {
    for (const auto& b : s.bindings)
        globalsRead(*b.value, out);
    if (s.expr)
        globalsRead(*s.expr, out);
    if (s.body)
        globalsRead(*s.body, out);
    if (s.kind == StmtKind::Call && s.ref.kind == VarRef::Kind::Global)
        out.insert(s.ref.index);
}

void globalsRead(const StmtList& body, SlotSet& out) {
    for (const auto& s : body)
        globalsRead(s, out);
}

void globalsRead(const Expr& e, SlotSet& out) {
    if (e.kind == ExprKind::Var && e.ref.kind == VarRef::Kind::Global)
        out.insert(e.ref.index);
    for (const auto& a : e.args)
        globalsRead(*a, out);
    for (const auto& b : e.bindings)
        globalsRead(*b.value, out);
}

// The global slots a statement binds.
std::vector<std::uint32_t> globalsBound(const Stmt& s) {
    std::vector<std::uint32_t> out;
    for (const auto& b : s.bindings)
        for (const auto& ref : b.slots)
            if (ref.kind == VarRef::Kind::Global)
                out.push_back(ref.index);
    if ((s.kind == StmtKind::Enum || s.kind == StmtKind::Procedure ||
         s.kind == StmtKind::WithFrom) &&
        s.ref.kind == VarRef::Kind::Global)
        out.push_back(s.ref.index);
    return out;
}

}  // namespace

StatementDependencies statementDependencies(const StmtList& statements,
                                            const std::vector<std::uint32_t>& varyingSlots) {
    SlotSet varying(varyingSlots.begin(), varyingSlots.end());
    StatementDependencies out;
    out.stable.assign(statements.size(), 0);
    out.varyingReads.resize(statements.size());
    // Names resolve to earlier bindings (or, in a `let rec`, to the group itself), so one
    // pass in order sees every dependency before its users.
    for (std::size_t i = 0; i < statements.size(); ++i) {
        const Stmt& s = statements[i];
        SlotSet reads;
        globalsRead(s, reads);
        bool dependsOnChoice = s.kind == StmtKind::Call;
        for (auto slot : reads)
            if (varying.count(slot) > 0) {
                dependsOnChoice = true;
                out.varyingReads[i].push_back(slot);
            }
        out.stable[i] = dependsOnChoice ? 0 : 1;
        auto bound = globalsBound(s);
        // The chosen value itself varies, whatever the set it is chosen from.
        if (dependsOnChoice || s.kind == StmtKind::WithFrom)
            varying.insert(bound.begin(), bound.end());
    }
    return out;
}

}  // namespace memx::cat
