#include "cli/memory_option.hpp"

#include <string>

#include "solver/memory_limit.hpp"

namespace memx::cli {

void addMemoryLimitOption(CLI::App& cmd, std::uint64_t& mib) {
    mib = solver::defaultMemoryLimitMiB();
    cmd.add_option("--memory-limit", mib,
                   "Stop with no verdict (exit 3) once the run needs this many MiB (default: "
                   "half of physical memory, here " +
                       std::to_string(mib) + ")")
        ->option_text("MiB")
        ->check(CLI::Range(std::uint64_t{16}, std::uint64_t{1} << 40));
}

}  // namespace memx::cli
