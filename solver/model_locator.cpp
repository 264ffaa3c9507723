#include "solver/model_locator.hpp"

#include <system_error>

namespace memx::solver {

std::filesystem::path builtinModelsDir(const std::filesystem::path& exe) {
    return exe.parent_path().parent_path() / "share" / "memx" / "models";
}

std::optional<std::filesystem::path> builtinModelPath(const std::string& name) {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) {
        return std::nullopt;
    }
    auto path = builtinModelsDir(exe) / (name + ".cat");
    if (!std::filesystem::exists(path, ec)) {
        return std::nullopt;
    }
    return path;
}

}  // namespace memx::solver
