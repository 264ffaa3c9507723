// Where memx's herd7 entry point finds the files its options name (-conf, -model, -bell,
// -macros), as herd7 does: the name as given when it exists (relative to the current folder),
// then each -I folder in order, then the library folder: -set-libdir, else $HERDLIB, else
// memx's own model folder (<prefix>/share/memx/models).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace memx::cli {

struct HerdLibrary {
    std::vector<std::filesystem::path> includeDirs;  // -I, in order
    std::optional<std::filesystem::path> libdir;     // -set-libdir

    // The folders searched after the current one, in order (the -I folders, then the library).
    std::vector<std::filesystem::path> searchPath() const;
    // `name` found along the search path, or nullopt.
    std::optional<std::filesystem::path> find(const std::string& name) const;
};

}  // namespace memx::cli
