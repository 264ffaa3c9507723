#include "corpus_support.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace memx::litmus::testing {

namespace {

// The c11 folder's CSV has CRLF line ends.
std::vector<std::string> splitCsvLine(std::string line) {
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    std::vector<std::string> fields;
    std::stringstream in(line);
    std::string field;
    while (std::getline(in, field, ',')) {
        fields.push_back(field);
    }
    if (!line.empty() && line.back() == ',') {
        fields.emplace_back();
    }
    return fields;
}

}  // namespace

std::string corpusDir() {
    return std::string(MEMX_SHARED_DIR) + "/corpus";
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

std::vector<CorpusEntry> loadCorpus() {
    std::vector<CorpusEntry> entries;
    for (const char* folder : {"c11", "kernel", "lkmm"}) {
        std::string dir = corpusDir() + "/" + folder;
        std::ifstream csv(dir + "/expected.csv");
        if (!csv) {
            continue;
        }
        std::string line;
        std::getline(csv, line);
        std::vector<std::string> header = splitCsvLine(line);
        std::size_t statusColumn = 0;
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (header[i] == "status") {
                statusColumn = i;
            }
        }
        while (std::getline(csv, line)) {
            std::vector<std::string> fields = splitCsvLine(line);
            if (fields.size() <= statusColumn) {
                continue;
            }
            entries.push_back({dir + "/" + fields[0], std::string(folder) + "/" + fields[0],
                               fields[statusColumn]});
        }
    }
    return entries;
}

}  // namespace memx::litmus::testing
