#include "tests/bruteforce/agreement.hpp"

#include <fmt/format.h>
#include <exception>
#include <limits>

#include "litmus/parser.hpp"
#include "model/events/event_builder.hpp"
#include "solver/test_runner.hpp"
#include "tests/bruteforce/brute_force_runner.hpp"

namespace memx::bruteforce {

namespace {

std::string statesText(const std::set<solver::FinalState>& states) {
    std::string out;
    for (const auto& s : states) {
        out += (out.empty() ? "" : " | ") + s.text();
    }
    return out.empty() ? "(none)" : out;
}

std::string flagsText(const std::set<std::string>& flags) {
    std::string out;
    for (const auto& f : flags) {
        out += (out.empty() ? "" : ",") + f;
    }
    return out.empty() ? "(none)" : out;
}

std::string diagnosticsText(const DiagnosticSink& sink) {
    std::string out;
    for (const auto& d : sink.diagnostics()) {
        out += formatDiagnostic(d) + "\n";
    }
    return out;
}

}  // namespace

std::vector<std::string> outcomeDifferences(const solver::TestOutcome& engine,
                                            const solver::TestOutcome& brute) {
    std::vector<std::string> out;
    auto number = [&](const char* field, std::uint64_t e, std::uint64_t b) {
        if (e != b) {
            out.push_back(fmt::format("{}: engine {}, brute force {}", field, e, b));
        }
    };
    if (engine.states != brute.states) {
        out.push_back(fmt::format("states: engine {}, brute force {}", statesText(engine.states),
                                  statesText(brute.states)));
    }
    number("positive", engine.positive, brute.positive);
    number("negative", engine.negative, brute.negative);
    if (engine.flags != brute.flags) {
        out.push_back(fmt::format("flags: engine {}, brute force {}", flagsText(engine.flags),
                                  flagsText(brute.flags)));
    }
    number("undefined", engine.undefined, brute.undefined);
    number("condition satisfied", engine.conditionSatisfied(), brute.conditionSatisfied());
    number("candidates", engine.candidates, brute.candidates);
    number("filtered", engine.filtered, brute.filtered);
    number("evaluated executions", engine.evaluated, brute.evaluated);
    return out;
}

void AgreementTally::add(const AgreementResult& result) {
    engineSeconds += result.engineSeconds;
    bruteForceSeconds += result.bruteForceSeconds;
    switch (result.status) {
        case AgreementStatus::Agreed:
            ++agreed;
            candidates += result.candidates;
            break;
        case AgreementStatus::Disagreed:
            ++disagreed;
            candidates += result.candidates;
            break;
        case AgreementStatus::OverCap:
            ++overCap;
            break;
        case AgreementStatus::EngineTimedOut:
            ++engineTimedOut;
            break;
        case AgreementStatus::NotRunnable:
            ++notRunnable;
            break;
    }
}

std::string AgreementTally::summary() const {
    return fmt::format(
        "{} compared, {} agreed, {} disagreed, {} over the brute-force cap, {} engine timeouts, "
        "{} not runnable; {} candidates; engine {:.2f} s, brute force {:.2f} s",
        compared(), agreed, disagreed, overCap, engineTimedOut, notRunnable, candidates,
        engineSeconds, bruteForceSeconds);
}

AgreementResult checkAgreement(const std::string& file, const solver::LoadedModel& loaded,
                               const AgreementLimits& limits) {
    DiagnosticSink sink;
    auto program = litmus::parseLitmusFile(file, sink);
    if (!program) {
        AgreementResult result;
        result.details.push_back(diagnosticsText(sink));
        return result;
    }
    return checkAgreement(*program, file, loaded, limits);
}

AgreementResult checkAgreementOfText(const std::string& text, const std::string& name,
                                     const solver::LoadedModel& loaded,
                                     const AgreementLimits& limits) {
    DiagnosticSink sink;
    auto program = litmus::parseLitmus(text, name, sink);
    if (!program) {
        AgreementResult result;
        result.details.push_back(diagnosticsText(sink));
        return result;
    }
    return checkAgreement(*program, name, loaded, limits);
}

AgreementResult checkAgreement(const litmus::Program& program, const std::string& file,
                               const solver::LoadedModel& loaded, const AgreementLimits& limits) {
    AgreementResult result;
    DiagnosticSink sink;
    // The model memx itself would pick: `loaded`, or rc11 for a C11 test when it was automatic.
    const solver::LoadedModel& model = solver::modelFor(loaded, program);
    auto events = model::buildEvents(program, model.primitives, file, sink, limits.events);
    if (!events) {
        result.details.push_back(diagnosticsText(sink));
        return result;
    }
    try {
        BruteForceRun brute = runByBruteForce(program, *events, *model.model, limits.bruteForce);
        result.bruteForceSeconds = brute.outcome.seconds;
        result.candidates = brute.stats.candidates;
        if (brute.stats.capped) {
            result.status = AgreementStatus::OverCap;
            return result;
        }
        solver::RunOptions options;
        options.timeoutSeconds = limits.engineTimeoutSeconds;
        // Every candidate: the comparison is of the whole candidate space, never a verdict.
        options.search = solver::SearchMode::Exhaustive;
        options.maxStates = std::numeric_limits<std::size_t>::max();  // every state, listed
        solver::TestOutcome engine = solver::runTest(program, *events, *model.model, options);
        result.engineSeconds = engine.seconds;
        if (engine.timedOut) {
            result.status = AgreementStatus::EngineTimedOut;
            return result;
        }
        result.details = outcomeDifferences(engine, brute.outcome);
        result.status =
            result.details.empty() ? AgreementStatus::Agreed : AgreementStatus::Disagreed;
    } catch (const cat::EvalError& e) {
        result.details.push_back(formatDiagnostic(e.diagnostic()));
    } catch (const std::exception& e) {
        result.details.push_back(e.what());
    }
    return result;
}

}  // namespace memx::bruteforce
