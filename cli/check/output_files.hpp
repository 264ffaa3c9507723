// The files `memx check` writes besides its console lines: --json (JSON lines: one record per
// test, as test_result.hpp's toJson gives it, in the order of discovery) and --herd-out
// (herd7's block per test in DIR/<relative path>.out, as the kernel's scripts expect).
#pragma once

#include <filesystem>
#include <string>

#include "cli/check/test_result.hpp"

namespace memx::check {

// Both return false with `error` set when the file cannot be written.
bool writeTextFile(const std::filesystem::path& file, const std::string& text, std::string& error);

// Writes DIR/<result.relativePath>.out: the herd block, or for an error the diagnostic line
// (what herd7 would have written to the same file with 2>&1).
bool writeHerdOut(const std::filesystem::path& dir, const TestResult& result, std::string& error);

}  // namespace memx::check
