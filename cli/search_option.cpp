#include "cli/search_option.hpp"

#include <map>
#include <string>

namespace memx::cli {

void addSearchOption(CLI::App& cmd, solver::SearchMode& mode) {
    static const std::map<std::string, solver::SearchMode> kModes = {
        {"auto", solver::SearchMode::Auto},
        {"exhaustive", solver::SearchMode::Exhaustive},
        {"verdict", solver::SearchMode::Verdict},
    };
    cmd.add_option("--search", mode,
                   "auto (default): every execution unless there are too many, then verdict; "
                   "exhaustive: every execution (herd's states and counts); verdict: only until "
                   "the observation is decided")
        ->transform(CLI::CheckedTransformer(kModes, CLI::ignore_case));
}

}  // namespace memx::cli
