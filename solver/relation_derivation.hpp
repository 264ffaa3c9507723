// Why a pair of events is in a relation of a cat model, said in the model's own names: the pair
// as a chain of edges of the relation's constituents (a -hb-> b because a -ppo-> b, because
// a -wmb-> b, ...), down to base relations such as po, rf, co and fr.
//
// The method is simple and sound. Every top-level value comes from the cat evaluator itself
// (cat::EvaluateOptions::keepGlobals); only the relational operators of a definition (| & \ ;
// * + ? ^-1 [S] S*S ~) are re-applied here, on those values, to find which operand (for | and
// &) or which intermediate events (for ; and closures) carry the pair. Each edge produced is
// checked to be a pair of its relation. What the deriver cannot evaluate (function
// applications, local names, a name whose binding is not the one the expression refers to)
// stays an undecomposed edge of the enclosing named relation. docs/explanations.md has more.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/cat/model.hpp"
#include "model/execution_graph.hpp"

namespace memx::cat {
struct Expr;
struct Stmt;
}  // namespace memx::cat

namespace memx::solver {

struct DerivedEdge {
    model::EventIndex from = 0;
    model::EventIndex to = 0;
    std::string relation;  // "po", "rf", "hb", ...; "r^-1" for an inverse, or an expression
    // How the edge arises: a chain of edges from `from` to `to`, one per step. Empty for a base
    // relation, and where the deriver could not look inside.
    std::vector<DerivedEdge> parts;
    // Orderings that do NOT hold between the two events, one per `r \ s` crossed on the way
    // (the text of s): for a data race, the ordering that is missing.
    std::vector<std::string> absent;
};

// The leaves of an edge's derivation, in order: the base edges of the chain.
std::vector<DerivedEdge> baseEdges(const DerivedEdge& edge);
std::vector<DerivedEdge> baseEdges(const std::vector<DerivedEdge>& chain);

class RelationDeriver {
public:
    // `verdict` must come from cat::evaluate(model, graph, {.keepGlobals = true}).
    RelationDeriver(const cat::Model& model, const model::ExecutionGraph& graph,
                    const cat::ExecutionVerdict& verdict);

    // The value of a check's expression, or nullopt when it is outside the relational subset.
    // An event set checked by `empty` is returned as its identity relation.
    std::optional<model::Relation> checkedRelation(const cat::CheckResult& check) const;

    // The check expression's text as the model writes it (or its name when not found).
    std::string checkedText(const cat::CheckResult& check) const;

    // (from, to) in the check's expression as a chain of named edges: one edge named after the
    // expression when it is a name (`acyclic hb`), else the chain of its operands' edges
    // (`acyclic com | po-loc` gives a -com-> b). nullopt when the pair is not in it.
    std::optional<std::vector<DerivedEdge>> deriveChecked(const cat::CheckResult& check,
                                                          model::EventIndex from,
                                                          model::EventIndex to) const;

private:
    using Value = std::variant<model::Relation, model::EventSet>;
    struct Chain {
        std::vector<DerivedEdge> edges;
        std::vector<std::string> absent;
    };

    const cat::Stmt* findCheck(const cat::CheckResult& check) const;
    std::optional<Value> value(const cat::Expr& e) const;
    std::optional<model::Relation> relationValue(const cat::Expr& e) const;
    std::optional<model::EventSet> setValue(const cat::Expr& e) const;
    std::optional<Chain> derive(const cat::Expr& e, model::EventIndex a, model::EventIndex b,
                                int depth) const;
    std::optional<Chain> deriveSteps(const std::vector<const cat::Expr*>& steps,
                                     model::EventIndex a, model::EventIndex b, int depth) const;
    DerivedEdge deriveNamed(const cat::Expr& var, model::EventIndex a, model::EventIndex b,
                            int depth) const;

    const cat::Model& model_;
    const model::ExecutionGraph& graph_;
    const cat::ExecutionVerdict& verdict_;
    std::size_t n_;
    std::map<std::uint32_t, const cat::Expr*> definitions_;  // top-level slot -> its value
    mutable std::map<const cat::Expr*, std::optional<Value>> cache_;
};

// The text of a cat expression, as close to the source as the syntax tree allows.
std::string expressionText(const cat::Expr& e);

}  // namespace memx::solver
