#include "cli/herd_library.hpp"

#include <cstdlib>

#include "solver/model_locator.hpp"

namespace memx::cli {

std::vector<std::filesystem::path> HerdLibrary::searchPath() const {
    std::vector<std::filesystem::path> dirs = includeDirs;
    if (libdir) {
        dirs.push_back(*libdir);
    } else if (const char* env = std::getenv("HERDLIB"); env && *env) {
        dirs.emplace_back(env);
    }
    // memx's own models come last, so that a herd library (HERDLIB) is preferred for the
    // files both have, and memx still finds lkmm.cat, sc.cat and rc11.cat without one.
    if (auto builtin = solver::builtinModelPath("lkmm")) {
        dirs.push_back(builtin->parent_path());
    }
    return dirs;
}

std::optional<std::filesystem::path> HerdLibrary::find(const std::string& name) const {
    std::error_code ec;
    if (std::filesystem::exists(name, ec)) {
        return std::filesystem::path(name);
    }
    if (std::filesystem::path(name).is_absolute()) {
        return std::nullopt;
    }
    for (const auto& dir : searchPath()) {
        if (std::filesystem::exists(dir / name, ec)) {
            return dir / name;
        }
    }
    return std::nullopt;
}

}  // namespace memx::cli
