// Walks the shared corpus (LKMM and kernel tests herd7 accepted) and builds the events of
// every test, checking the structural conventions the solver relies on.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "litmus/parser.hpp"
#include "model/events/event_builder.hpp"

namespace memx::testing {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> splitCsvLine(std::string line) {
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    std::vector<std::string> cols;
    std::stringstream ls(line);
    for (std::string col; std::getline(ls, col, ',');) {
        cols.push_back(col);
    }
    return cols;
}

// Tests of one corpus folder that herd7 did not reject (status ok or timeout).
std::vector<fs::path> acceptedTests(const fs::path& folder) {
    std::ifstream csv(folder / "expected.csv");
    std::string line;
    std::getline(csv, line);
    const std::vector<std::string> header = splitCsvLine(line);
    std::size_t statusColumn = 0;
    while (statusColumn < header.size() && header[statusColumn] != "status") {
        ++statusColumn;
    }
    std::vector<fs::path> out;
    while (std::getline(csv, line)) {
        const std::vector<std::string> cols = splitCsvLine(line);
        if (cols.size() > statusColumn && cols[statusColumn] != "error") {
            out.push_back(folder / cols[0]);
        }
    }
    return out;
}

// The conventions documented in event_builder.hpp.
std::string checkConventions(const model::EventStructure& es) {
    std::map<int, int> lastPo;
    for (std::uint32_t i = 0; i < es.events.size(); ++i) {
        const auto& e = es.events[i];
        bool isRead = std::find(e.sets.begin(), e.sets.end(), "R") != e.sets.end();
        if (isRead &&
            (es.nodes.at(e.value).op != model::SymOp::ReadValue || es.nodes[e.value].event != i)) {
            return "read " + std::to_string(i) + " lacks its own ReadValue node";
        }
        if (e.kind != model::EventKind::Fence && e.address == 0) {
            return "access " + std::to_string(i) + " has no address";
        }
        if (e.guard >= es.nodes.size()) {
            return "event " + std::to_string(i) + " has a dangling guard";
        }
        auto it = lastPo.find(e.thread);
        if (it != lastPo.end() && it->second >= e.poIndex) {
            return "po indices not increasing at event " + std::to_string(i);
        }
        lastPo[e.thread] = e.poIndex;
    }
    if (es.choiceGuards.size() != es.choiceCount) {
        return "choiceGuards and choiceCount disagree";
    }
    return {};
}

void walk(const std::string& folderName) {
    const fs::path folder = fs::path(MEMX_SHARED_DIR) / "corpus" / folderName;
    if (!fs::exists(folder / "expected.csv")) {
        GTEST_SKIP() << "shared corpus missing: " << folder << " (set MEMX_SHARED_DIR)";
    }
    const auto tests = acceptedTests(folder);
    ASSERT_FALSE(tests.empty());
    std::size_t built = 0, parseFailures = 0;
    std::string parseFailureList;
    for (const fs::path& test : tests) {
        DiagnosticSink sink;
        std::string source;
        auto program = litmus::parseLitmusFile(test.string(), sink, &source);
        if (!program) {
            // The parser's own suite owns these; listed here so they are not silently lost.
            ++parseFailures;
            if (parseFailures <= 5) {
                parseFailureList +=
                    "\n  " + (sink.diagnostics().empty() ? test.string()
                                                         : formatDiagnostic(sink.diagnostics()[0]));
            }
            continue;
        }
        auto es = model::buildEvents(*program, model::lkmmPrimitives(), test.string(), sink);
        if (!es) {
            ADD_FAILURE() << "events not built: "
                          << (sink.diagnostics().empty()
                                  ? test.string()
                                  : formatDiagnostic(sink.diagnostics()[0], source));
            continue;
        }
        if (std::string problem = checkConventions(*es); !problem.empty()) {
            ADD_FAILURE() << test.string() << ": " << problem;
            continue;
        }
        ++built;
    }
    std::cout << "[ corpus " << folderName << " ] " << tests.size() << " accepted by herd7, "
              << built << " built, " << parseFailures << " not parsed" << parseFailureList << "\n";
}

TEST(CorpusWalk, KernelTestsBuild) {
    walk("kernel");
}
TEST(CorpusWalk, LkmmTestsBuild) {
    walk("lkmm");
}
TEST(CorpusWalk, C11TestsBuild) {
    walk("c11");
}

}  // namespace
}  // namespace memx::testing
