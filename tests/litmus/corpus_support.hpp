// Walks the shared corpus (../shared/corpus): every test listed in an expected.csv, with
// the status herd7 reported for it (ok, timeout or error).
#pragma once

#include <string>
#include <vector>

namespace memx::litmus::testing {

struct CorpusEntry {
    std::string path;    // absolute path of the .litmus file
    std::string name;    // folder/test as listed, for messages
    std::string status;  // ok, timeout or error
};

// Empty when the corpus is missing.
std::vector<CorpusEntry> loadCorpus();

std::string corpusDir();

std::string readFile(const std::string& path);

}  // namespace memx::litmus::testing
