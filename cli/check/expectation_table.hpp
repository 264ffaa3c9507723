// Expectations from a CSV file (`memx check --expect FILE`): columns `test`, `observation`,
// `data_race` and (memx) `torn` found by header name, other columns ignored, test paths relative to
// the CSV's folder. A row whose observation is empty sets no expectation (herd7 gave no verdict).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "cli/check/expectation.hpp"
#include "litmus/diagnostic.hpp"

namespace memx::check {

class ExpectationTable {
public:
    // Reads `csvPath`; problems go to `sink` (with the line) and give nullopt.
    static std::optional<ExpectationTable> read(const std::filesystem::path& csvPath,
                                                DiagnosticSink& sink);
    // Parses CSV text as if it were the file `csvPath` (for tests and `read`).
    static std::optional<ExpectationTable> parse(const std::string& text,
                                                 const std::filesystem::path& csvPath,
                                                 DiagnosticSink& sink);

    // The expectation for a test file, whatever the form of its path (relative, absolute).
    std::optional<Expectation> find(const std::filesystem::path& testFile) const;
    std::size_t size() const { return byPath_.size(); }

private:
    std::map<std::string, Expectation> byPath_;  // key: canonical absolute path
};

// The fields of one CSV line: comma-separated, RFC 4180 double quotes ("" inside quotes).
std::vector<std::string> splitCsvLine(const std::string& line);

}  // namespace memx::check
