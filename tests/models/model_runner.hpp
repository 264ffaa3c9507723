// Loading memx's built-in models and the kernel's reference files for the model tests, and
// running one model over one execution graph.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/cat/model.hpp"

namespace memx::models_test {

std::filesystem::path builtinModelDir();   // <source>/model/models
std::filesystem::path upstreamModelDir();  // <shared>/lkmm-upstream
bool upstreamAvailable();

// A built-in model by file name ("lkmm.cat", "sc.cat"), loaded as `memx run --model` does:
// no explicit bell (lkmm.cat finds lkmm.bell beside it; sc.cat includes it). Null on failure, with
// the diagnostics formatted into `errors`.
std::shared_ptr<const cat::Model> loadBuiltin(const std::string& catFile, std::string& errors);
// The kernel's linux-kernel.cat with its bell, herd's library and variant lkmmv2.
std::shared_ptr<const cat::Model> loadUpstreamLkmm(std::string& errors);

// Every execution of `graph` under `model` (stopping each at its first failing axiom).
std::vector<cat::ExecutionVerdict> runModel(const cat::Model& model,
                                            const model::ExecutionGraph& graph);

// The name of the first axiom that fails in `v`, or "" when every axiom holds.
std::string firstFailingAxiom(const cat::ExecutionVerdict& v);

}  // namespace memx::models_test
