#include "solver/relation_derivation.hpp"

#include <algorithm>
#include <deque>
#include <set>

#include "model/cat/compiled_model.hpp"

namespace memx::solver {

namespace {

using cat::Expr;
using cat::ExprKind;
using model::EventIndex;
using model::EventSet;
using model::Relation;

// Deeper definitions than this stay undecomposed (and recursive definitions cannot loop).
constexpr int kMaxDepth = 24;

// Names every reader knows: they end a derivation even where the model defines them.
const std::set<std::string>& baseNames() {
    static const std::set<std::string> names{
        "po",  "rf",  "co",   "fr",   "rfe",  "rfi", "coe", "coi", "fre", "fri", "po-loc",
        "rmw", "amo", "addr", "data", "ctrl", "loc", "int", "ext", "id",  "sb",  "mo"};
    return names;
}

bool sameRange(const SourceRange& a, const SourceRange& b) {
    return a.begin.line == b.begin.line && a.begin.column == b.begin.column &&
           a.end.line == b.end.line && a.end.column == b.end.column;
}

int precedence(ExprKind k) {
    switch (k) {
        case ExprKind::Union:
            return 1;
        case ExprKind::Diff:
            return 2;
        case ExprKind::Seq:
            return 3;
        case ExprKind::Inter:
            return 4;
        case ExprKind::Cartesian:
            return 6;
        default:
            return 10;
    }
}

const char* infix(ExprKind k) {
    switch (k) {
        case ExprKind::Union:
            return " | ";
        case ExprKind::Inter:
            return " & ";
        case ExprKind::Diff:
            return " \\ ";
        case ExprKind::Seq:
            return " ; ";
        case ExprKind::Cartesian:
            return " * ";
        case ExprKind::Add:
            return " ++ ";
        default:
            return nullptr;
    }
}

std::string operandText(const Expr& e, int outer) {
    std::string s = expressionText(e);
    return precedence(e.kind) < outer ? "(" + s + ")" : s;
}

DerivedEdge leaf(EventIndex a, EventIndex b, std::string name) {
    DerivedEdge e;
    e.from = a;
    e.to = b;
    e.relation = std::move(name);
    return e;
}

void collectLeaves(const DerivedEdge& e, std::vector<DerivedEdge>& out) {
    if (e.parts.empty()) {
        DerivedEdge copy = e;
        out.push_back(std::move(copy));
        return;
    }
    for (const auto& p : e.parts) {
        collectLeaves(p, out);
    }
}

// A shortest path a -> ... -> b of one or more steps in r (breadth-first search).
std::optional<std::vector<EventIndex>> shortestPath(const Relation& r, EventIndex a, EventIndex b) {
    const std::size_t n = r.universe();
    std::vector<std::optional<EventIndex>> parent(n);
    std::vector<char> seen(n, 0);
    std::deque<EventIndex> queue;
    for (EventIndex s : r.successors(a).elements()) {
        if (!seen[s]) {
            seen[s] = 1;
            parent[s] = a;
            queue.push_back(s);
        }
    }
    while (!queue.empty() && !seen[b]) {
        EventIndex v = queue.front();
        queue.pop_front();
        for (EventIndex s : r.successors(v).elements()) {
            if (!seen[s]) {
                seen[s] = 1;
                parent[s] = v;
                queue.push_back(s);
            }
        }
    }
    if (!seen[b]) {
        return std::nullopt;
    }
    std::vector<EventIndex> path{b};
    EventIndex v = b;
    do {
        v = *parent[v];
        path.push_back(v);
    } while (v != a);
    std::reverse(path.begin(), path.end());
    return path;
}

// The alternatives of a union, each named as the model writes it.
void addAbsent(const Expr& e, std::vector<std::string>& out) {
    if (e.kind == ExprKind::Union) {
        for (const auto& operand : e.args) {
            addAbsent(*operand, out);
        }
        return;
    }
    out.push_back(expressionText(e));
}

}  // namespace

std::string expressionText(const Expr& e) {
    auto arg = [&](std::size_t i) -> const Expr& { return *e.args.at(i); };
    switch (e.kind) {
        case ExprKind::Empty:
            return "0";
        case ExprKind::Universe:
            return "_";
        case ExprKind::Var:
            return e.name;
        case ExprKind::Tag:
            return "'" + e.name;
        case ExprKind::Star:
            return operandText(arg(0), 10) + "*";
        case ExprKind::Plus:
            return operandText(arg(0), 10) + "+";
        case ExprKind::Opt:
            return operandText(arg(0), 10) + "?";
        case ExprKind::Inverse:
            return operandText(arg(0), 10) + "^-1";
        case ExprKind::Complement:
            return "~" + operandText(arg(0), 10);
        case ExprKind::ToId:
            return "[" + expressionText(arg(0)) + "]";
        case ExprKind::App:
            return expressionText(arg(0)) + "(" + expressionText(arg(1)) + ")";
        case ExprKind::Tuple: {
            std::string s;
            for (std::size_t i = 0; i < e.args.size(); ++i) {
                s += (i ? ", " : "") + expressionText(arg(i));
            }
            return s;
        }
        default:
            break;
    }
    if (const char* op = infix(e.kind); op && e.args.size() == 2) {
        const int p = precedence(e.kind);
        // Left-associative operators: the right operand needs parentheses at equal precedence.
        return operandText(arg(0), p) + op + operandText(arg(1), p + 1);
    }
    return "...";
}

std::vector<DerivedEdge> baseEdges(const DerivedEdge& edge) {
    std::vector<DerivedEdge> out;
    collectLeaves(edge, out);
    return out;
}

std::vector<DerivedEdge> baseEdges(const std::vector<DerivedEdge>& chain) {
    std::vector<DerivedEdge> out;
    for (const auto& e : chain) {
        collectLeaves(e, out);
    }
    return out;
}

RelationDeriver::RelationDeriver(const cat::Model& model, const model::ExecutionGraph& graph,
                                 const cat::ExecutionVerdict& verdict)
    : model_(model), graph_(graph), verdict_(verdict), n_(graph.size()) {
    for (const auto& s : model.statements) {
        if (s.kind != cat::StmtKind::Let && s.kind != cat::StmtKind::LetRec) {
            continue;
        }
        for (const auto& b : s.bindings) {
            if (!b.pattern.isTuple && b.slots.size() == 1 && b.value &&
                b.value->kind != ExprKind::Fun && b.slots[0].kind == cat::VarRef::Kind::Global) {
                definitions_[b.slots[0].index] = b.value.get();
            }
        }
    }
}

const cat::Stmt* RelationDeriver::findCheck(const cat::CheckResult& check) const {
    for (const auto& s : model_.statements) {
        if (s.kind == cat::StmtKind::Check && sameRange(s.loc.range, check.range) &&
            (s.asName ? *s.asName : s.text) == check.name) {
            return &s;
        }
    }
    return nullptr;
}

std::optional<RelationDeriver::Value> RelationDeriver::value(const Expr& e) const {
    if (auto it = cache_.find(&e); it != cache_.end()) {
        return it->second;
    }
    std::optional<Value> v;
    auto rel = [&](std::size_t i) { return relationValue(*e.args.at(i)); };
    auto set = [&](std::size_t i) { return setValue(*e.args.at(i)); };
    switch (e.kind) {
        case ExprKind::Empty:
            v = Relation(n_);
            break;
        case ExprKind::Universe:
            v = EventSet(n_).complement();
            break;
        case ExprKind::Var:
            if (e.ref.kind == cat::VarRef::Kind::Global) {
                if (auto r = verdict_.globalRelations.find(e.ref.index);
                    r != verdict_.globalRelations.end()) {
                    v = r->second;
                } else if (auto s = verdict_.globalSets.find(e.ref.index);
                           s != verdict_.globalSets.end()) {
                    v = s->second;
                }
            }
            break;
        case ExprKind::ToId:
            if (auto s = set(0)) {
                v = Relation::identityOn(*s);
            }
            break;
        case ExprKind::Union:
        case ExprKind::Inter:
        case ExprKind::Diff: {
            auto x = value(*e.args.at(0));
            auto y = value(*e.args.at(1));
            if (!x || !y) {
                break;
            }
            const bool sets =
                std::holds_alternative<EventSet>(*x) || std::holds_alternative<EventSet>(*y);
            if (sets) {
                auto a = set(0), b = set(1);
                if (a && b) {
                    v = e.kind == ExprKind::Union   ? (*a | *b)
                        : e.kind == ExprKind::Inter ? (*a & *b)
                                                    : (*a - *b);
                }
            } else {
                auto a = rel(0), b = rel(1);
                if (a && b) {
                    v = e.kind == ExprKind::Union   ? (*a | *b)
                        : e.kind == ExprKind::Inter ? (*a & *b)
                                                    : (*a - *b);
                }
            }
            break;
        }
        case ExprKind::Seq:
            if (auto a = rel(0), b = rel(1); a && b) {
                v = a->compose(*b);
            }
            break;
        case ExprKind::Cartesian:
            if (auto a = set(0), b = set(1); a && b) {
                v = Relation::cartesian(*a, *b);
            }
            break;
        case ExprKind::Star:
            if (auto a = rel(0)) {
                v = a->reflexiveTransitiveClosure();
            }
            break;
        case ExprKind::Plus:
            if (auto a = rel(0)) {
                v = a->transitiveClosure();
            }
            break;
        case ExprKind::Opt:
            if (auto a = rel(0)) {
                v = a->reflexive();
            }
            break;
        case ExprKind::Inverse:
            if (auto a = rel(0)) {
                v = a->inverse();
            }
            break;
        case ExprKind::Complement:
            if (auto x = value(*e.args.at(0))) {
                if (auto* s = std::get_if<EventSet>(&*x)) {
                    v = s->complement();
                } else {
                    v = std::get<Relation>(*x).complement();
                }
            }
            break;
        default:
            break;  // functions, tags, matches, ...: not re-applied here
    }
    cache_[&e] = v;
    return v;
}

std::optional<Relation> RelationDeriver::relationValue(const Expr& e) const {
    auto v = value(e);
    if (!v) {
        return std::nullopt;
    }
    if (auto* r = std::get_if<Relation>(&*v)) {
        return *r;
    }
    // Only the untyped empty value is both; a non-empty set is no relation.
    if (std::get<EventSet>(*v).empty()) {
        return Relation(n_);
    }
    return std::nullopt;
}

std::optional<EventSet> RelationDeriver::setValue(const Expr& e) const {
    auto v = value(e);
    if (!v) {
        return std::nullopt;
    }
    if (auto* s = std::get_if<EventSet>(&*v)) {
        return *s;
    }
    if (std::get<Relation>(*v).empty()) {
        return EventSet(n_);
    }
    return std::nullopt;
}

DerivedEdge RelationDeriver::deriveNamed(const Expr& var, EventIndex a, EventIndex b,
                                         int depth) const {
    DerivedEdge edge = leaf(a, b, var.name);
    if (baseNames().count(var.name) || graph_.relations.count(var.name) || depth >= kMaxDepth) {
        return edge;
    }
    auto def = definitions_.find(var.ref.index);
    if (def == definitions_.end()) {
        return edge;
    }
    if (auto chain = derive(*def->second, a, b, depth + 1)) {
        edge.parts = std::move(chain->edges);
        edge.absent = std::move(chain->absent);
    }
    return edge;
}

std::optional<RelationDeriver::Chain> RelationDeriver::deriveSteps(
    const std::vector<const Expr*>& steps, EventIndex a, EventIndex b, int depth) const {
    std::vector<Relation> values;
    for (const Expr* s : steps) {
        auto r = relationValue(*s);
        if (!r) {
            return std::nullopt;
        }
        values.push_back(std::move(*r));
    }
    // reach[i]: the events reachable from a through the first i steps.
    std::vector<EventSet> reach{EventSet(n_)};
    reach[0].insert(a);
    for (const auto& r : values) {
        EventSet next(n_);
        for (EventIndex x : reach.back().elements()) {
            next = next | r.successors(x);
        }
        reach.push_back(std::move(next));
    }
    if (!reach.back().contains(b)) {
        return std::nullopt;
    }
    // Walk back from b, staying put where a step allows it (identity steps shorten the chain).
    std::vector<EventIndex> points(steps.size() + 1);
    points.back() = b;
    for (std::size_t i = steps.size(); i > 0; --i) {
        EventIndex to = points[i];
        EventSet from = values[i - 1].predecessors(to) & reach[i - 1];
        points[i - 1] = from.contains(to) ? to : from.elements().front();
    }
    Chain out;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (points[i] == points[i + 1]) {
            continue;  // an identity step ([S], r?, r*, or [S] by name): it moves nowhere
        }
        auto part = derive(*steps[i], points[i], points[i + 1], depth);
        if (!part) {
            return std::nullopt;
        }
        out.edges.insert(out.edges.end(), part->edges.begin(), part->edges.end());
        out.absent.insert(out.absent.end(), part->absent.begin(), part->absent.end());
    }
    return out;
}

std::optional<RelationDeriver::Chain> RelationDeriver::derive(const Expr& e, EventIndex a,
                                                              EventIndex b, int depth) const {
    auto v = relationValue(e);
    if (!v || !v->contains(a, b)) {
        return std::nullopt;
    }
    auto arg = [&](std::size_t i) -> const Expr& { return *e.args.at(i); };
    switch (e.kind) {
        case ExprKind::Var:
            return Chain{{deriveNamed(e, a, b, depth)}, {}};
        case ExprKind::ToId:
            return Chain{};  // a == b: nothing to show
        case ExprKind::Union:
            // The first operand holding the pair carries it.
            for (const auto& operand : e.args) {
                if (auto c = derive(*operand, a, b, depth)) {
                    return c;
                }
            }
            break;
        case ExprKind::Inter: {
            // Every operand holds the pair; the one with the longest derivation says the most
            // (rmw & (fre ; coe): the fre and coe edges, not just rmw). Ties go to the first.
            std::optional<Chain> best;
            for (const auto& operand : e.args) {
                auto c = derive(*operand, a, b, depth);
                if (c && (!best || baseEdges(c->edges).size() > baseEdges(best->edges).size())) {
                    best = std::move(c);
                }
            }
            return best;
        }
        case ExprKind::Diff:
            if (auto c = derive(arg(0), a, b, depth)) {
                // `r \ (hb | hb^-1 | ...)`: each alternative is an ordering that is missing, and
                // saying so one by one tells why none orders the pair (RC11's race).
                addAbsent(arg(1), c->absent);
                return c;
            }
            break;
        case ExprKind::Seq: {
            // Flatten r1 ; (r2 ; r3) into one list of steps.
            std::vector<const Expr*> steps;
            std::vector<const Expr*> todo{&e};
            while (!todo.empty()) {
                const Expr* x = todo.back();
                todo.pop_back();
                if (x->kind == ExprKind::Seq && x->args.size() == 2) {
                    todo.push_back(x->args[1].get());
                    todo.push_back(x->args[0].get());
                } else {
                    steps.push_back(x);
                }
            }
            return deriveSteps(steps, a, b, depth);
        }
        case ExprKind::Star:
        case ExprKind::Opt:
            if (a == b) {
                return Chain{};
            }
            if (e.kind == ExprKind::Opt) {
                return derive(arg(0), a, b, depth);
            }
            [[fallthrough]];
        case ExprKind::Plus: {
            auto step = relationValue(arg(0));
            if (!step) {
                break;
            }
            auto path = shortestPath(*step, a, b);
            if (!path) {
                break;
            }
            Chain out;
            for (std::size_t i = 0; i + 1 < path->size(); ++i) {
                auto part = derive(arg(0), (*path)[i], (*path)[i + 1], depth);
                if (!part) {
                    return std::nullopt;
                }
                out.edges.insert(out.edges.end(), part->edges.begin(), part->edges.end());
                out.absent.insert(out.absent.end(), part->absent.begin(), part->absent.end());
            }
            return out;
        }
        case ExprKind::Inverse:
        case ExprKind::Cartesian:
        case ExprKind::Complement:
            // The pair is in it (checked above); say so by the expression's own text.
            return Chain{{leaf(a, b, expressionText(e))}, {}};
        default:
            break;
    }
    return std::nullopt;
}

std::optional<Relation> RelationDeriver::checkedRelation(const cat::CheckResult& check) const {
    const cat::Stmt* s = findCheck(check);
    if (!s || !s->expr) {
        return std::nullopt;
    }
    auto v = value(*s->expr);
    if (!v) {
        return std::nullopt;
    }
    if (auto* set = std::get_if<EventSet>(&*v)) {
        return Relation::identityOn(*set);
    }
    return std::get<Relation>(*v);
}

std::string RelationDeriver::checkedText(const cat::CheckResult& check) const {
    const cat::Stmt* s = findCheck(check);
    return s ? s->text : check.name;
}

std::optional<std::vector<DerivedEdge>> RelationDeriver::deriveChecked(
    const cat::CheckResult& check, EventIndex from, EventIndex to) const {
    const cat::Stmt* s = findCheck(check);
    if (!s || !s->expr) {
        return std::nullopt;
    }
    auto whole = checkedRelation(check);
    if (!whole || !whole->contains(from, to)) {
        return std::nullopt;
    }
    if (auto chain = derive(*s->expr, from, to, 0)) {
        if (!chain->edges.empty()) {
            if (!chain->absent.empty()) {
                chain->edges.front().absent.insert(chain->edges.front().absent.end(),
                                                   chain->absent.begin(), chain->absent.end());
            }
            return chain->edges;
        }
    }
    // Not decomposable (or an event of a checked set): one edge named by the expression.
    return std::vector<DerivedEdge>{leaf(from, to, s->asName ? *s->asName : s->text)};
}

}  // namespace memx::solver
