// The same facts as herd's block, as JSON, plus every allowed execution (events, base
// relations, the co/with choices, flags) when the outcome kept them.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "litmus/ast.hpp"
#include "solver/test_outcome.hpp"

namespace memx::solver {

nlohmann::json outcomeToJson(const litmus::Program& program, const TestOutcome& outcome,
                             const std::string& hash);

}  // namespace memx::solver
