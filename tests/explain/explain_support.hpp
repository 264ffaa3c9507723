// Shared by the explanation tests: loading a built-in model and a litmus file, and checking a
// derivation against the cat evaluator's own values (independently of the deriver).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/cat/model.hpp"
#include "solver/explanation.hpp"
#include "solver/prepared_test.hpp"
#include "solver/test_pipeline.hpp"

namespace memx::explain_test {

struct Loaded {
    solver::LoadedModel model;
    solver::PreparedTest test;
};

// Loads built-in `model` and prepares `file`; failures are reported as test failures.
std::optional<Loaded> load(const std::string& model, const std::string& file);

// The execution re-evaluated by cat::evaluate with every axiom evaluated (no early stop) and
// `names` returned: the evaluator's own values, not the deriver's.
std::map<std::string, model::Relation> evaluatorRelations(const cat::Model& model,
                                                          const solver::JudgedExecution& e,
                                                          const std::vector<std::string>& names);

// Every problem with a derivation tree: a chain that does not join up from `from` to `to`,
// or an edge named after a relation the evaluator binds that does not hold that pair.
// Empty when the derivation is sound.
std::vector<std::string> derivationProblems(const cat::Model& model,
                                            const solver::JudgedExecution& e,
                                            const std::vector<solver::DerivedEdge>& chain,
                                            model::EventIndex from, model::EventIndex to);

std::string sourceDir();

}  // namespace memx::explain_test
