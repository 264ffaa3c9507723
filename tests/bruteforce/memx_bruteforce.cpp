// memx-bruteforce: the brute-force checker against the engine on a selection of a corpus
// folder (one line per disagreement, then the tally), for samples larger than CTest's.
//   memx-bruteforce FOLDER [--every N] [--offset K] [--max-herd-seconds S] [--model NAME]
//                   [--max-candidates N] [--timeout S]
// Exit status: 0 when every compared test agrees, 1 on a disagreement, 2 on bad input.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "tests/bruteforce/agreement.hpp"
#include "tests/bruteforce/corpus_selection.hpp"

int main(int argc, char** argv) {
    using namespace memx;
    CLI::App app{"Compare the brute-force checker with the engine on a corpus folder"};
    std::string folder;
    bruteforce::CorpusSelection selection;
    solver::ModelSelection modelSelection;
    bruteforce::AgreementLimits limits;
    app.add_option("folder", folder, "corpus folder holding expected.csv")->required();
    app.add_option("--every", selection.every, "take every N-th decided test");
    app.add_option("--offset", selection.offset, "index of the first test taken");
    app.add_option("--max-herd-seconds", selection.maxHerdSeconds,
                   "only tests herd7 decided within S seconds");
    app.add_option("--model", modelSelection.builtin, "built-in model");
    app.add_option("--max-candidates", limits.bruteForce.maxCandidates, "brute-force cap");
    app.add_option("--timeout", limits.engineTimeoutSeconds, "engine time limit per test");
    CLI11_PARSE(app, argc, argv);

    DiagnosticSink sink;
    auto model = solver::loadModelSelection(modelSelection, sink);
    if (!model) {
        for (const auto& d : sink.diagnostics()) {
            std::cerr << formatDiagnostic(d) << "\n";
        }
        return 2;
    }
    std::vector<std::string> tests;
    try {
        tests = bruteforce::selectCorpusTests(folder + "/expected.csv", selection);
    } catch (const std::exception& e) {
        std::cerr << folder << "/expected.csv: error: " << e.what() << "\n";
        return 2;
    }
    bruteforce::AgreementTally tally;
    for (const auto& test : tests) {
        auto result = bruteforce::checkAgreement(folder + "/" + test, *model, limits);
        tally.add(result);
        if (result.status == bruteforce::AgreementStatus::Disagreed ||
            result.status == bruteforce::AgreementStatus::NotRunnable) {
            std::cout << (result.status == bruteforce::AgreementStatus::Disagreed ? "DIFFER "
                                                                                  : "NOT RUNNABLE ")
                      << test << "\n";
            for (const auto& d : result.details) {
                std::cout << "  " << d << "\n";
            }
        }
    }
    std::cout << tests.size() << " tests selected: " << tally.summary() << "\n";
    return tally.disagreed == 0 ? 0 : 1;
}
