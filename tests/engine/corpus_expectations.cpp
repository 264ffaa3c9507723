#include "tests/engine/corpus_expectations.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace memx::corpus {

namespace {

std::vector<std::string> split(const std::string& s, const std::string& sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        std::size_t at = s.find(sep, start);
        out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
        if (at == std::string::npos) {
            return out;
        }
        start = at + sep.size();
    }
}

std::optional<bool> flagColumn(const std::string& v) {
    if (v == "1") {
        return true;
    }
    if (v == "0") {
        return false;
    }
    return std::nullopt;
}

}  // namespace

std::string canonicalState(const std::string& state) {
    std::vector<std::string> items;
    for (std::string item : split(state, ";")) {
        item.erase(std::remove_if(item.begin(), item.end(),
                                  [](char c) { return c == ' ' || c == '[' || c == ']'; }),
                   item.end());
        if (!item.empty()) {
            items.push_back(item);
        }
    }
    std::sort(items.begin(), items.end());
    std::string out;
    for (const auto& item : items) {
        out += (out.empty() ? "" : " ") + item + ";";
    }
    return out;
}

std::vector<ExpectedRow> readExpectations(const std::string& csvPath) {
    std::ifstream in(csvPath);
    if (!in) {
        throw std::runtime_error("cannot read " + csvPath);
    }
    std::string line;
    auto readLine = [&]() {
        if (!std::getline(in, line)) {
            return false;
        }
        if (!line.empty() && line.back() == '\r') {  // the corpus files use CRLF
            line.pop_back();
        }
        return true;
    };
    readLine();
    std::map<std::string, std::size_t> column;
    auto header = split(line, ",");
    for (std::size_t i = 0; i < header.size(); ++i) {
        column[header[i]] = i;
    }
    std::vector<ExpectedRow> rows;
    while (readLine()) {
        if (line.empty()) {
            continue;
        }
        auto cells = split(line, ",");
        auto get = [&](const std::string& name) -> std::string {
            auto it = column.find(name);
            return it != column.end() && it->second < cells.size() ? cells[it->second] : "";
        };
        ExpectedRow row;
        row.test = get("test");
        row.status = get("status");
        row.observation = get("observation");
        for (const auto& f : split(get("flags"), ";")) {
            if (!f.empty()) {
                row.flags.insert(f);
            }
        }
        if (!get("states").empty()) {
            for (const auto& s : split(get("states"), " | ")) {
                row.states.insert(canonicalState(s));
            }
        }
        if (!get("positive").empty()) {
            row.positive = std::stoll(get("positive"));
            row.negative = std::stoll(get("negative"));
        }
        if (!get("herd7_seconds").empty()) {
            row.herdSeconds = std::stod(get("herd7_seconds"));
        }
        row.dat3mReachable = flagColumn(get("dat3m_reachable"));
        row.speedcheckReachable = flagColumn(get("speedcheck_reachable"));
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace memx::corpus
