// The memory limit (`--memory-limit`, docs/byte-memory.md "Memory"): a run that would need
// more memory than the limit stops with a message and exit status 3, as a time limit does,
// instead of growing until the kernel's OOM killer ends it (and whatever else it chooses).
#pragma once

#include <cstdint>
#include <exception>
#include <new>
#include <string>

namespace memx::solver {

// The default limit: half of the machine's physical memory, in MiB.
std::uint64_t defaultMemoryLimitMiB();

// Caps the process's data (heap and private mappings, RLIMIT_DATA) and Z3's own allocations
// at `mib` MiB: past it, allocations fail with std::bad_alloc and Z3 stops with
// MemoryLimitReached. Returns false where the cap cannot be set: under AddressSanitizer,
// whose shadow memory alone is larger than any useful limit.
bool applyMemoryLimit(std::uint64_t mib);

// The limit applyMemoryLimit set last (0: none).
std::uint64_t memoryLimitMiB();

// What Z3 reports when its allocations reach the limit; a std::bad_alloc, so one handler
// serves both.
class MemoryLimitReached : public std::bad_alloc {
public:
    const char* what() const noexcept override { return "memory limit reached"; }
};

// Whether a message of Z3's (an exception or reason_unknown) says its memory bound stopped it.
bool isZ3MemoryMessage(const std::string& message);

// Whether `e` means the memory limit stopped the run: a std::bad_alloc (MemoryLimitReached
// included), or a z3::exception thrown while building a formula ("out of memory").
bool isMemoryLimit(const std::exception& e);

// "Memory limit of N MiB reached: no verdict"
std::string memoryLimitMessage();

}  // namespace memx::solver
