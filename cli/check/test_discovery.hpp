// Which litmus files `memx check PATH...` runs: each PATH is a file, a folder (searched
// recursively for *.litmus) or a glob pattern (glob(3): *, ?, [...]). The result is sorted
// by path and free of duplicates, so that shards are deterministic.
#pragma once

#include <string>
#include <vector>

#include "litmus/diagnostic.hpp"

namespace memx::check {

struct DiscoveredTest {
    std::string path;          // the argument, or the argument joined with the found file
    std::string relativePath;  // under a folder argument; the file name for a file argument
    bool operator==(const DiscoveredTest&) const = default;
};

// An argument that names nothing (no such file, a pattern that matches nothing) is an error
// in `sink`; the other arguments still count.
std::vector<DiscoveredTest> discoverTests(const std::vector<std::string>& arguments,
                                          DiagnosticSink& sink);

bool isGlobPattern(const std::string& argument);

}  // namespace memx::check
