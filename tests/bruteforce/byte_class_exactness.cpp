#include "tests/bruteforce/byte_class_exactness.hpp"

#include <fmt/format.h>
#include <exception>
#include <limits>
#include <optional>

#include "litmus/parser.hpp"
#include "model/cat/model.hpp"
#include "model/events/event_builder.hpp"
#include "solver/herd_report.hpp"
#include "solver/test_runner.hpp"
#include "tests/bruteforce/brute_force_runner.hpp"

namespace memx::bruteforce {

namespace {

// What the three runs must agree on.
struct Answer {
    std::string observation;
    std::set<std::string> flags;
    std::set<solver::FinalState> states;
};

std::string text(const Answer& a) {
    std::string states;
    for (const auto& s : a.states) {
        states += (states.empty() ? "" : " | ") + s.text();
    }
    std::string flags;
    for (const auto& f : a.flags) {
        flags += (flags.empty() ? "" : ",") + f;
    }
    return fmt::format("{} [{}] {{{}}}", a.observation, flags, states);
}

void compare(const char* what, const Answer& expected, const Answer& got,
             std::vector<std::string>& details) {
    if (expected.observation != got.observation || expected.flags != got.flags ||
        expected.states != got.states) {
        details.push_back(
            fmt::format("{}: byte by byte {}, {} {}", what, text(expected), what, text(got)));
    }
}

Answer answerOf(const solver::TestOutcome& outcome) {
    return {solver::observationOf(outcome), outcome.flags, outcome.states};
}

}  // namespace

ExactnessResult checkByteClassExactness(const std::string& name, const std::string& source,
                                        const solver::LoadedModel& model,
                                        model::EventOptions events, double timeoutSeconds) {
    ExactnessResult result;
    DiagnosticSink sink;
    auto program = litmus::parseLitmus(source, name, sink);
    auto build = [&](bool classes) -> std::optional<model::EventStructure> {
        events.byteClasses = classes;
        return program ? model::buildEvents(*program, model.primitives, name, sink, events)
                       : std::nullopt;
    };
    auto withClasses = build(true);
    auto byteByByte = build(false);
    if (!withClasses || !byteByByte) {
        for (const auto& d : sink.diagnostics()) {
            result.details.push_back(formatDiagnostic(d));
        }
        return result;
    }
    solver::RunOptions options;
    options.timeoutSeconds = timeoutSeconds;
    options.maxStates = std::numeric_limits<std::size_t>::max();  // every state, listed
    options.builtinFlags = model.builtinFlags;
    try {
        solver::TestOutcome classes =
            solver::runTest(*program, *withClasses, *model.model, options);
        solver::TestOutcome bytes = solver::runTest(*program, *byteByByte, *model.model, options);
        result.classesSeconds = classes.seconds;
        result.bytesSeconds = bytes.seconds;
        auto exact = [](const solver::TestOutcome& o) {
            return !o.timedOut && o.flagsExact &&
                   o.statesCompleteness == solver::Completeness::Exact;
        };
        if (!exact(bytes)) {
            result.status = ExactnessStatus::NotCompared;
            result.details.push_back("the byte-by-byte run has no exact answer in time");
            return result;
        }
        if (!exact(classes)) {
            result.status = ExactnessStatus::ClassesInexact;
            result.details.push_back("the run with byte classes has no exact answer in time");
            return result;
        }
        compare("byte classes", answerOf(bytes), answerOf(classes), result.details);
        BruteForceRun brute = runByBruteForce(*program, *byteByByte, *model.model);
        if (!brute.stats.capped) {
            result.bruteForceCompared = true;
            compare("brute force", answerOf(bytes), answerOf(brute.outcome), result.details);
        }
        result.status =
            result.details.empty() ? ExactnessStatus::Agreed : ExactnessStatus::Disagreed;
    } catch (const cat::EvalError& e) {
        result.details.push_back(formatDiagnostic(e.diagnostic()));
    } catch (const std::exception& e) {
        result.details.push_back(e.what());
    }
    return result;
}

}  // namespace memx::bruteforce
