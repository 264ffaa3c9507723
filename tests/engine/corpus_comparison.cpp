#include "tests/engine/corpus_comparison.hpp"

#include <fmt/format.h>
#include <fstream>
#include <set>
#include <stdexcept>

#include "solver/herd_report.hpp"

namespace memx::corpus {

namespace {

std::string joined(const std::set<std::string>& items, const char* sep) {
    std::string out;
    for (const auto& s : items) {
        out += (out.empty() ? "" : sep) + s;
    }
    return out.empty() ? "-" : out;
}

}  // namespace

bool reachable(const solver::TestOutcome& outcome) {
    return outcome.positive > 0;
}

Comparison compareWithHerd(const ExpectedRow& expected, const solver::TestOutcome& outcome) {
    Comparison c;
    std::string observation = solver::observationOf(outcome);
    if (observation != expected.observation) {
        c.observation = false;
        c.details.push_back(
            fmt::format("observation: herd {} memx {}", expected.observation, observation));
    }
    std::set<std::string> states;
    for (const auto& s : outcome.states) {
        states.insert(canonicalState(s.text()));
    }
    if (states != expected.states) {
        c.states = false;
        std::set<std::string> missing, extra;
        for (const auto& s : expected.states) {
            if (!states.count(s)) {
                missing.insert(s);
            }
        }
        for (const auto& s : states) {
            if (!expected.states.count(s)) {
                extra.insert(s);
            }
        }
        c.details.push_back(fmt::format("states: herd {} memx {}; missing {}; extra {}",
                                        expected.states.size(), states.size(),
                                        joined(missing, " | "), joined(extra, " | ")));
    }
    if (outcome.flags != expected.flags) {
        c.flags = false;
        c.details.push_back(fmt::format("flags: herd {} memx {}", joined(expected.flags, ";"),
                                        joined(outcome.flags, ";")));
    }
    if (expected.positive && (static_cast<long long>(outcome.positive) != *expected.positive ||
                              static_cast<long long>(outcome.negative) != *expected.negative)) {
        c.witnesses = false;
        c.details.push_back(fmt::format("witnesses: herd {} {} memx {} {}", *expected.positive,
                                        *expected.negative, outcome.positive, outcome.negative));
    }
    return c;
}

std::map<std::string, KnownDifference> readKnownDifferences(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error("cannot read " + path);
    }
    std::map<std::string, KnownDifference> out;
    std::string line;
    while (std::getline(in, line)) {
        auto start = line.find_first_not_of(" \t");
        if (start == std::string::npos || line[start] == '#') {
            continue;
        }
        auto space = line.find_first_of(" \t", start);
        std::string test =
            line.substr(start, space == std::string::npos ? std::string::npos : space - start);
        KnownDifference d;
        if (space != std::string::npos) {
            auto r = line.find_first_not_of(" \t", space);
            d.reason = r == std::string::npos ? "" : line.substr(r);
        }
        if (d.reason.rfind("[builtin]", 0) == 0) {
            d.model = "builtin";
        } else if (d.reason.rfind("[upstream]", 0) == 0) {
            d.model = "upstream";
        }
        out[test] = d;
    }
    return out;
}

}  // namespace memx::corpus
