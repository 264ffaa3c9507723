#include "solver/memory_limit.hpp"

#include <sys/resource.h>
#include <unistd.h>
#include <algorithm>

#include <string>

#include <z3++.h>

namespace memx::solver {

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

std::uint64_t currentLimit = 0;

}  // namespace

std::uint64_t defaultMemoryLimitMiB() {
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long pageSize = sysconf(_SC_PAGESIZE);
    if (pages <= 0 || pageSize <= 0) {
        return 4096;
    }
    const auto bytes = static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(pageSize);
    return bytes / 2 / (1024 * 1024);
}

bool applyMemoryLimit(std::uint64_t mib) {
    if (kAddressSanitizer || mib == 0) {
        return false;
    }
    const rlim_t bytes = static_cast<rlim_t>(mib) * 1024 * 1024;
    rlimit limit{};
    if (getrlimit(RLIMIT_DATA, &limit) != 0) {
        return false;
    }
    // Only ever lower the soft limit below the hard one, as an unprivileged process may.
    limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? bytes : std::min(bytes, limit.rlim_max);
    if (setrlimit(RLIMIT_DATA, &limit) != 0) {
        return false;
    }
    // Z3 stops cleanly at its own bound, a little below the process's, before malloc fails
    // inside it.
    z3::set_param("memory_max_size", std::to_string(mib - mib / 8).c_str());
    currentLimit = mib;
    return true;
}

std::uint64_t memoryLimitMiB() {
    return currentLimit;
}

bool isZ3MemoryMessage(const std::string& message) {
    return message.find("out of memory") != std::string::npos ||
           message.find("max. memory exceeded") != std::string::npos ||
           message.find("memory exceeded") != std::string::npos;
}

bool isMemoryLimit(const std::exception& e) {
    return dynamic_cast<const std::bad_alloc*>(&e) != nullptr || isZ3MemoryMessage(e.what());
}

std::string memoryLimitMessage() {
    return "Memory limit of " + std::to_string(currentLimit) + " MiB reached: no verdict";
}

}  // namespace memx::solver
