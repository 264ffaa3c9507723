// memx-fuzz-differential: random litmus tests (random_litmus.hpp) through the engine and the
// brute-force checker, under LKMM and RC11 in turn, comparing states, counts, flags and
// candidate numbers (agreement.hpp). CI runs a fixed seed for two minutes (scripts/test);
// bench/fuzz-differential runs any number.
//   memx-fuzz-differential [--seed S] [--count N] [--seconds T] [--print SEED]
// Test i has seed S + i and runs under lkmm when that seed is even, rc11 when odd.
// Exit status: 0 when every compared test agrees, 1 on a disagreement or on a generated test
// memx cannot run (a generator bug), 2 on bad usage.
#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>

#include "tests/bruteforce/agreement.hpp"
#include "tests/bruteforce/random_litmus.hpp"

int main(int argc, char** argv) {
    using namespace memx;
    CLI::App app{"Differential fuzzing of the engine against the brute-force checker"};
    std::uint64_t seed = 1;
    std::uint64_t count = 0;
    double seconds = 0;
    std::optional<std::uint64_t> print;
    app.add_option("--seed", seed, "seed of the first test (default 1)");
    app.add_option("--count", count, "number of tests (0: until --seconds)");
    app.add_option("--seconds", seconds, "stop starting tests after this many seconds");
    app.add_option("--print", print, "print the test of this seed and exit");
    CLI11_PARSE(app, argc, argv);
    if (print) {
        std::cout << bruteforce::randomLitmus(*print).text;
        return 0;
    }
    if (count == 0 && seconds <= 0) {
        std::cerr << "memx-fuzz-differential: give --count N or --seconds T\n";
        return 2;
    }
    std::array<std::optional<solver::LoadedModel>, 2> models;
    for (int i = 0; i < 2; ++i) {
        solver::ModelSelection selection;
        selection.builtin = i == 0 ? "lkmm" : "rc11";
        DiagnosticSink sink;
        models[static_cast<std::size_t>(i)] = solver::loadModelSelection(selection, sink);
        if (!models[static_cast<std::size_t>(i)]) {
            for (const auto& d : sink.diagnostics()) {
                std::cerr << formatDiagnostic(d) << "\n";
            }
            return 2;
        }
    }
    bruteforce::AgreementLimits limits;
    limits.bruteForce.maxCandidates = 4000;  // many small tests rather than a few large ones
    limits.engineTimeoutSeconds = 20;
    const auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    bruteforce::AgreementTally tally;
    std::uint64_t run = 0;
    for (; (count == 0 || run < count) && (seconds <= 0 || elapsed() < seconds); ++run) {
        const std::uint64_t s = seed + run;
        const auto test = bruteforce::randomLitmus(s);
        const auto& model = *models[s % 2];
        const double before = elapsed();
        auto result =
            bruteforce::checkAgreementOfText(test.text, test.name + ".litmus", model, limits);
        tally.add(result);
        if (result.status == bruteforce::AgreementStatus::EngineTimedOut) {
            // Not a disagreement, but a test the engine could not decide: named so that it can
            // be looked at (`--print SEED`), with how long the run took against its limit.
            std::cout << "ENGINE TIMEOUT seed " << s << " under " << model.name << " after "
                      << static_cast<int>(elapsed() - before) << " s (limit "
                      << limits.engineTimeoutSeconds << " s)\n";
        }
        if (result.status == bruteforce::AgreementStatus::Disagreed ||
            result.status == bruteforce::AgreementStatus::NotRunnable) {
            std::cout << (result.status == bruteforce::AgreementStatus::Disagreed ? "DIFFER"
                                                                                  : "NOT RUNNABLE")
                      << " seed " << s << " under " << model.name << "\n";
            for (const auto& d : result.details) {
                std::cout << "  " << d << "\n";
            }
            std::cout << test.text << "\n";
        }
    }
    std::cout << run << " random tests from seed " << seed << " in " << static_cast<int>(elapsed())
              << " s: " << tally.summary() << "\n";
    return tally.disagreed == 0 && tally.notRunnable == 0 ? 0 : 1;
}
