// A litmus file parsed and turned into events for one model's primitive table, without running
// it: for the front ends that walk executions themselves (memx graph, explain, compare).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "litmus/ast.hpp"
#include "litmus/diagnostic.hpp"
#include "model/events/event_structure.hpp"
#include "solver/test_pipeline.hpp"

namespace memx::solver {

struct PreparedTest {
    litmus::Program program;
    model::EventStructure events;
    // The model the test runs under: the loaded one, or its c11Model for a C11 test when the
    // model was chosen automatically (solver::modelFor). Owned by the LoadedModel.
    const LoadedModel* model = nullptr;
};

// Builds the events with the chosen model's primitive table and the selection's event options
// (--endian, --usercopy), as runLitmusFile does. Input errors go to `sink` (and `source`, when
// given, receives the text for carets) and give nullopt.
std::optional<PreparedTest> prepareLitmusFile(const std::string& file, const LoadedModel& model,
                                              DiagnosticSink& sink, std::string* source = nullptr);

// The same for a test held in memory (the GUI's editor); `fileName` names it in diagnostics.
std::optional<PreparedTest> prepareLitmusText(std::string_view text, const std::string& fileName,
                                              const LoadedModel& model, DiagnosticSink& sink);

}  // namespace memx::solver
