// Where the built-in models live: <directory of the running program>/../share/memx/models,
// the same relative layout in a build tree (<build>/bin) and in an installed prefix; for the
// figure helper in <prefix>/libexec/memx, <prefix>/share/memx/models too.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace memx::solver {

// The path of built-in model `name` ("lkmm", "sc") as `<models>/<name>.cat`, or nullopt when
// the running program's location is unknown or the file does not exist.
std::optional<std::filesystem::path> builtinModelPath(const std::string& name);

// The folder the built-in models are looked up in (for messages), computed from `exe`.
std::filesystem::path builtinModelsDir(const std::filesystem::path& exe);

}  // namespace memx::solver
