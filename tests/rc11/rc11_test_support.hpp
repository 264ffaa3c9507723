// Running a litmus test held in a string under one of memx's built-in models (or, with an
// empty name, under the model chosen by the test's dialect), failing the test on any
// diagnostic.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "solver/herd_report.hpp"
#include "solver/test_pipeline.hpp"

namespace memx::rc11_test {

inline solver::TestRun runText(const std::string& builtin, const std::string& text) {
    solver::ModelSelection selection;
    selection.builtin = builtin;
    DiagnosticSink sink;
    auto loaded = solver::loadModelSelection(selection, sink);
    if (!loaded) {
        ADD_FAILURE() << "cannot load the built-in model '" << builtin << "'";
        return {};
    }
    auto run = solver::runLitmusText(text, "test.litmus", *loaded, {}, sink);
    for (const auto& d : sink.diagnostics()) {
        ADD_FAILURE() << formatDiagnostic(d);
    }
    return run ? *run : solver::TestRun{};
}

inline std::string observation(const solver::TestRun& run) {
    return solver::observationOf(run.outcome);
}

}  // namespace memx::rc11_test
