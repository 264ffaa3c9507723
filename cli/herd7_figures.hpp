// herd7's figure options for memx's herd7 entry point: `-o DIR -show prop|neg|all|none` writes
// DIR/<test>.dot with one digraph per allowed execution shown (those satisfying the condition,
// those not, or all), drawn as `memx graph --format dot` draws them: threads in columns (herd's
// `-graph columns`), memory events and fences without register events (herd's
// `-showevents noregs`), relations po, rf, co, fr.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "solver/test_pipeline.hpp"

namespace memx::cli {

enum class ShownExecutions { None, All, Prop, Neg };

// herd's -show value; nullopt for one memx does not draw.
std::optional<ShownExecutions> shownExecutions(const std::string& value);

// Writes DIR/<test name>.dot for `file`; false after printing why it could not.
bool writeHerdFigures(const std::string& file, const solver::LoadedModel& model,
                      ShownExecutions show, const std::filesystem::path& dir,
                      std::optional<double> timeoutSeconds);

}  // namespace memx::cli
