// Writing figure bytes where the user asked: a file, or stdout for text formats. Shared by the
// verbs that draw (graph, explain, compare).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace memx::cli {

// Writes `bytes` to `path`, or to stdout when `path` is empty. Returns false (after printing
// `path: error: ...` on stderr) when the file cannot be written.
bool writeFigure(const std::string& path, const std::vector<std::uint8_t>& bytes);

// A name that is safe as a file name: the test's name with '/' and spaces replaced.
std::string fileStem(const std::string& testName);

}  // namespace memx::cli
