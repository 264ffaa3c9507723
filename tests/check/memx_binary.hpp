// The built memx binary, run by the end-to-end tests of `memx check`.
#pragma once

#include <string>

#include "tests/check/run_process.hpp"

namespace memx::check::testing {

inline std::string memxBinary() {
    return std::string(MEMX_BINARY_DIR) + "/bin/memx";
}

inline std::string dataDir() {
    return std::string(MEMX_SOURCE_DIR) + "/tests/check/data";
}

// Runs `memx check ARGS` with stdout and stderr together (stderr is not a terminal here, so
// check prints its plain lines).
inline ProcessResult memxCheck(const std::string& args) {
    return runProcess(memxBinary() + " check " + args + " 2>&1");
}

}  // namespace memx::check::testing
