// memx-corpus: runs memx on every test of a corpus folder and compares with herd7's recorded
// results (expected.csv): an agreement table per aspect, and one line per difference. With
// --known, exits 1 on a difference the list does not name, or on a listed test that agrees.
#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "model/cat/model.hpp"
#include "solver/herd_report.hpp"
#include "solver/test_pipeline.hpp"
#include "solver/z3_session.hpp"
#include "tests/engine/corpus_comparison.hpp"

namespace {

using namespace memx;

struct Options {
    std::string folder;
    solver::ModelSelection selection;
    std::string cat, conf;
    std::vector<std::string> includeDirs;
    std::string known;
    std::string timesOut;
    int every = 1;
    double maxHerdSeconds = 0;
    double timeout = 60;
    bool includeTimeouts = false;
    std::string expected = "expected.csv";
    std::string herdOut;  // a folder of herd7's .out files: compare the whole block too
};

constexpr int kSkipped = 77;

struct Tally {
    int compared = 0, observation = 0, states = 0, flags = 0, witnesses = 0, all = 0;
    int timeoutRows = 0, reachabilityKnown = 0, reachabilityAgrees = 0;
    int memxTimeouts = 0, memxErrors = 0;
};

std::optional<bool> referenceReachable(const corpus::ExpectedRow& row) {
    return row.dat3mReachable ? row.dat3mReachable : row.speedcheckReachable;
}

// A herd7 result block without its Time line, herd's warnings (stderr, which the recorded
// .out files hold after the block) and blank lines.
std::vector<std::string> stableLines(std::istream& in) {
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.rfind("Time ", 0) != 0 && line.rfind("Warning:", 0) != 0) {
            lines.push_back(line);
        }
    }
    return lines;
}

// Where memx's block differs from the recorded herd7 output, if it does.
std::optional<std::string> blockDifference(const std::filesystem::path& herdOut,
                                           const solver::TestRun& run) {
    std::ifstream recorded(herdOut);
    if (!recorded) {
        return "no recorded herd7 output " + herdOut.string();
    }
    std::istringstream ours(solver::formatHerdReport(run.program, run.outcome, run.hash));
    auto theirs = stableLines(recorded);
    auto mine = stableLines(ours);
    for (std::size_t i = 0; i < std::max(theirs.size(), mine.size()); ++i) {
        std::string a = i < theirs.size() ? theirs[i] : "(end)";
        std::string b = i < mine.size() ? mine[i] : "(end)";
        if (a != b) {
            return fmt::format("block line {}: herd7 '{}', memx '{}'", i + 1, a, b);
        }
    }
    return std::nullopt;
}

int run(const Options& o) {
    std::filesystem::path folder(o.folder);
    std::string prefix = std::filesystem::path(o.folder).filename().string();
    if (prefix.empty()) {
        prefix = folder.parent_path().filename().string();
    }
    if (!std::filesystem::exists(folder / o.expected)) {
        // CTest maps this code to "skipped": the shared corpus is not part of the build.
        std::cout << "memx-corpus: skipped: " << (folder / o.expected).string()
                  << " not found (the shared corpus lives beside the clone, ../shared)\n";
        return kSkipped;
    }
    auto rows = corpus::readExpectations((folder / o.expected).string());
    std::map<std::string, corpus::KnownDifference> known;
    if (!o.known.empty()) {
        known = corpus::readKnownDifferences(o.known);
    }
    std::string modelLabel = (o.selection.catFile || o.selection.config) ? "upstream" : "builtin";
    DiagnosticSink sink;
    auto model = solver::loadModelSelection(o.selection, sink);
    for (const auto& d : sink.diagnostics()) {
        std::cerr << formatDiagnostic(d);
    }
    if (!model) {
        return 2;
    }
    solver::RunOptions runOptions;
    runOptions.timeoutSeconds = o.timeout;
    std::ofstream times;
    if (!o.timesOut.empty()) {
        times.open(o.timesOut);
        times << "test\tmemx_seconds\therd7_seconds\tstatus\tsolver_work\texhaustive\n";
    }
    Tally t;
    int unexpected = 0, selected = 0, index = 0;
    std::vector<double> seconds;
    for (const auto& row : rows) {
        bool eligible = row.status == "ok" || (o.includeTimeouts && row.status == "timeout");
        if (!eligible || (o.maxHerdSeconds > 0 && row.herdSeconds > o.maxHerdSeconds)) {
            continue;
        }
        if (index++ % o.every != 0) {
            continue;
        }
        ++selected;
        std::string id = prefix + "/" + row.test;
        auto k = known.find(id);
        bool listed = k != known.end() && (!k->second.model || *k->second.model == modelLabel);
        DiagnosticSink testSink;
        std::optional<solver::TestRun> result;
        std::string error;
        try {
            result =
                solver::runLitmusFile((folder / row.test).string(), *model, runOptions, testSink);
        } catch (const cat::EvalError& e) {
            error = formatDiagnostic(e.diagnostic());
        } catch (const std::exception& e) {
            error = e.what();
        }
        if (!result && error.empty() && !testSink.diagnostics().empty()) {
            error = formatDiagnostic(testSink.diagnostics().front());
        }
        bool differs = false;
        std::vector<std::string> details;
        std::string status = "agree";
        if (!result) {
            ++t.memxErrors;
            differs = true;
            status = "error";
            details.push_back("memx error: " + error.substr(0, error.find('\n')));
        } else if (result->outcome.timedOut) {
            ++t.memxTimeouts;
            differs = true;
            status = "timeout";
            details.push_back(fmt::format("memx timeout after {} s", o.timeout));
        } else if (row.status == "timeout") {
            ++t.timeoutRows;
            if (auto ref = referenceReachable(row)) {
                ++t.reachabilityKnown;
                bool agrees = *ref == corpus::reachable(result->outcome);
                t.reachabilityAgrees += agrees;
                if (!agrees) {
                    differs = true;
                    status = "differ";
                    details.push_back(fmt::format("reachable: reference {} memx {}", *ref,
                                                  corpus::reachable(result->outcome)));
                }
            }
        } else {
            auto c = corpus::compareWithHerd(row, result->outcome);
            ++t.compared;
            t.observation += c.observation;
            t.states += c.states;
            t.flags += c.flags;
            t.witnesses += c.witnesses;
            t.all += c.agrees();
            differs = !c.agrees();
            details = c.details;
            if (!o.herdOut.empty()) {
                if (auto d = blockDifference(std::filesystem::path(o.herdOut) / (row.test + ".out"),
                                             *result)) {
                    differs = true;
                    details.push_back(*d);
                }
            }
            status = differs ? "differ" : "agree";
        }
        if (result) {
            seconds.push_back(result->outcome.seconds);
            if (times.is_open()) {
                times << fmt::format("{}\t{:.3f}\t{:.3f}\t{}\t{}\t{}\n", id,
                                     result->outcome.seconds, row.herdSeconds, status,
                                     result->outcome.solverWork,
                                     result->outcome.exhaustive ? "yes" : "no");
            }
        }
        if (differs && listed) {
            std::cout << fmt::format("KNOWN {}: {}\n", id, k->second.reason);
        } else if (differs) {
            ++unexpected;
            for (const auto& d : details) {
                std::cout << fmt::format("DIFF {}: {}\n", id, d);
            }
        } else if (listed) {
            ++unexpected;
            std::cout << fmt::format("FIXED {}: agrees now; remove it from {}\n", id, o.known);
        }
        std::cout.flush();
    }
    std::sort(seconds.begin(), seconds.end());
    double total = 0;
    for (double s : seconds) {
        total += s;
    }
    std::cout << fmt::format("\nAgreement with herd7 on {} ({} tests run, model {})\n", o.folder,
                             selected, model->catFile.string());
    std::cout << fmt::format("  {:<12} {:>5} / {}\n", "observation", t.observation, t.compared);
    std::cout << fmt::format("  {:<12} {:>5} / {}\n", "states", t.states, t.compared);
    std::cout << fmt::format("  {:<12} {:>5} / {}\n", "flags", t.flags, t.compared);
    std::cout << fmt::format("  {:<12} {:>5} / {}\n", "witnesses", t.witnesses, t.compared);
    std::cout << fmt::format("  {:<12} {:>5} / {}\n", "all four", t.all, t.compared);
    if (t.timeoutRows > 0) {
        std::cout << fmt::format("  herd7 timed out on {}: reachability agrees {} / {} known\n",
                                 t.timeoutRows, t.reachabilityAgrees, t.reachabilityKnown);
    }
    std::cout << fmt::format("  memx timeouts {}, memx errors {}\n", t.memxTimeouts, t.memxErrors);
    if (!seconds.empty()) {
        std::cout << fmt::format("  memx time: total {:.2f} s, median {:.3f} s per test\n", total,
                                 seconds[seconds.size() / 2]);
    }
    if (!o.known.empty()) {
        std::cout << fmt::format("  unexpected (unlisted differences or fixed entries): {}\n",
                                 unexpected);
        return unexpected == 0 ? 0 : 1;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"memx-corpus: agreement of memx with herd7's recorded corpus results"};
    Options o;
    std::string builtin = "lkmm";
    std::vector<std::string> variants;
    app.add_option("folder", o.folder, "Corpus folder holding expected.csv")->required();
    app.add_option("--model", builtin, "Built-in model (default lkmm)");
    app.add_option("--cat", o.cat, "A herd-style .cat model");
    app.add_option("-I", o.includeDirs, "Include folder for .cat files");
    app.add_option("--conf", o.conf, "A herd .cfg file");
    app.add_option("--variant", variants, "Model variant");
    app.add_option("--known", o.known, "Known differences (path reason per line)");
    app.add_option("--every", o.every, "Run every Nth eligible test (a fixed subset)");
    app.add_option("--max-herd-seconds", o.maxHerdSeconds,
                   "Only tests herd7 decided within this time");
    app.add_option("--timeout", o.timeout, "Per-test time limit in seconds (default 60)");
    app.add_flag("--include-timeouts", o.includeTimeouts,
                 "Also run tests herd7 timed out on (compare reachability)");
    app.add_option("--times", o.timesOut, "Write per-test times as TSV to this file");
    app.add_option("--expected", o.expected,
                   "The folder's file of herd7 results (default expected.csv)");
    app.add_option("--unroll", o.selection.events.unroll,
                   "Loop bodies before a cut, as herd7's -unroll (default 2)");
    app.add_option("--herd-out", o.herdOut,
                   "A folder of herd7's TEST.out files: memx's result block must equal each, "
                   "Time and warnings aside");
    CLI11_PARSE(app, argc, argv);
    o.selection.builtin = builtin;
    if (!o.cat.empty()) {
        o.selection.catFile = o.cat;
    }
    if (!o.conf.empty()) {
        o.selection.config = o.conf;
    }
    o.selection.includeDirs.assign(o.includeDirs.begin(), o.includeDirs.end());
    o.selection.variants = variants;
    o.every = std::max(1, o.every);
    try {
        return run(o);
    } catch (const std::exception& e) {
        std::cerr << "memx-corpus: " << e.what() << "\n";
        return 2;
    }
}
