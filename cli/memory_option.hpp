// `--memory-limit MiB` (solver/memory_limit.hpp), shared by every verb that decides tests:
// run, check, graph, explain and compare.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>

namespace memx::cli {

// Adds the option; `mib` starts at the default, half of the machine's physical memory.
void addMemoryLimitOption(CLI::App& cmd, std::uint64_t& mib);

}  // namespace memx::cli
