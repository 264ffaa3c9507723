#include "solver/model_locator.hpp"

#include <system_error>

namespace memx::solver {

std::filesystem::path builtinModelsDir(const std::filesystem::path& exe) {
    auto dir = exe.parent_path();
    // memx-figures lives in <prefix>/libexec/memx (cli/figure_helper.hpp), memx in <prefix>/bin.
    if (dir.filename() == "memx" && dir.parent_path().filename() == "libexec") {
        dir = dir.parent_path();
    }
    return dir.parent_path() / "share" / "memx" / "models";
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
