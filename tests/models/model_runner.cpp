#include "tests/models/model_runner.hpp"

#include <cstdlib>

namespace memx::models_test {

namespace fs = std::filesystem;

// MEMX_MODELS_DIR points the tests at another copy of the model files (used to check that
// the differential test catches deliberately broken variants).
fs::path builtinModelDir() {
    if (const char* dir = std::getenv("MEMX_MODELS_DIR"))
        return dir;
    return fs::path(MEMX_SOURCE_DIR) / "model" / "models";
}

fs::path upstreamModelDir() {
    return fs::path(MEMX_SHARED_DIR) / "lkmm-upstream";
}

bool upstreamAvailable() {
    return fs::exists(upstreamModelDir() / "linux-kernel.cat");
}

namespace {

std::shared_ptr<const cat::Model> load(const fs::path& catFile,
                                       const std::optional<fs::path>& bellFile,
                                       const cat::LoadOptions& options, std::string& errors) {
    DiagnosticSink sink;
    auto model = cat::loadModel(catFile, bellFile, options, sink);
    for (const auto& d : sink.diagnostics())
        errors += formatDiagnostic(d) + "\n";
    return model;
}

}  // namespace

std::shared_ptr<const cat::Model> loadBuiltin(const std::string& catFile, std::string& errors) {
    return load(builtinModelDir() / catFile, std::nullopt, {}, errors);
}

std::shared_ptr<const cat::Model> loadUpstreamLkmm(std::string& errors) {
    cat::LoadOptions options;
    options.includeDirs.push_back(upstreamModelDir() / "herd-lib");
    options.variants.push_back("lkmmv2");
    return load(upstreamModelDir() / "linux-kernel.cat", upstreamModelDir() / "linux-kernel.bell",
                options, errors);
}

std::vector<cat::ExecutionVerdict> runModel(const cat::Model& model,
                                            const model::ExecutionGraph& graph) {
    std::vector<cat::ExecutionVerdict> out;
    cat::evaluate(model, graph, cat::EvaluateOptions{},
                  [&](const cat::ExecutionVerdict& v) { out.push_back(v); });
    return out;
}

std::string firstFailingAxiom(const cat::ExecutionVerdict& v) {
    for (const auto& c : v.checks) {
        if (c.mode == cat::CheckMode::Axiom && !c.holds)
            return c.name;
    }
    return "";
}

}  // namespace memx::models_test
