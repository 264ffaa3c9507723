// Runs a shell command and captures its standard output, for tests that call the built memx
// binary or xmllint.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace memx::check::testing {

struct ProcessResult {
    int exitCode = -1;
    std::string output;
};

inline ProcessResult runProcess(const std::string& command) {
    ProcessResult result;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return result;
    }
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        result.output.append(buffer, n);
    }
    int status = ::pclose(pipe);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

inline bool haveXmllint() {
    return runProcess("command -v xmllint >/dev/null 2>&1").exitCode == 0;
}

inline std::string junitSchema() {
    return std::string(MEMX_SOURCE_DIR) + "/tests/check/junit.xsd";
}

// xmllint's verdict on `file` against tests/check/junit.xsd (exit code 0: valid).
inline ProcessResult validateJUnit(const std::string& file) {
    return runProcess("xmllint --noout --schema '" + junitSchema() + "' '" + file + "' 2>&1");
}

}  // namespace memx::check::testing
