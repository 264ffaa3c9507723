#include "cli/check/test_execution.hpp"

#include <fmt/format.h>
#include <chrono>
#include <exception>

#include <nlohmann/json.hpp>

#include "model/cat/model.hpp"
#include "solver/herd_report.hpp"
#include "solver/memory_limit.hpp"
#include "solver/z3_session.hpp"

namespace memx::check {

namespace {

std::string firstError(const DiagnosticSink& sink) {
    for (const Diagnostic& d : sink.diagnostics()) {
        if (d.severity == Severity::Error) {
            return oneLineDiagnostic(d);
        }
    }
    return sink.diagnostics().empty() ? "the test could not be run"
                                      : oneLineDiagnostic(sink.diagnostics().front());
}

void judge(TestResult& result, const solver::TestRun& run,
           const std::optional<Expectation>& expectation, const ExecutionSettings& settings) {
    Verdict verdict{solver::observationOf(run.outcome),
                    run.outcome.positive,
                    run.outcome.negative,
                    run.outcome.flags,
                    run.outcome.flagsExact,
                    {},
                    run.outcome.waits > 0};
    for (const auto& [flag, completeness] : run.outcome.unprovenFlags) {
        verdict.unprovenFlags.insert(flag);
    }
    result.flags.assign(run.outcome.flags.begin(), run.outcome.flags.end());
    if (!expectation) {
        result.got = describe(verdict, Expectation{});
        result.status = settings.strict ? TestStatus::Fail : TestStatus::NoExpectation;
        result.message = "no expectation (no Result: comment, no --expect row)";
        return;
    }
    result.expected = describe(*expectation);
    result.got = describe(verdict, *expectation);
    if (!meets(verdict, *expectation)) {
        bool forgiven = settings.forgive && forgivenByKernelJudge(verdict, *expectation);
        result.status = forgiven ? TestStatus::Forgiven : TestStatus::Fail;
        result.message = "expected " + result.expected + ", got " + result.got;
        if (forgiven) {
            result.message += " (a modelled data race: judgelitmus.sh forgives the observation)";
        }
    } else if (auto flag = unprovenAbsence(verdict, *expectation)) {
        // A pass must not rest on a flag nobody showed absent (a verdict-only run).
        result.status = TestStatus::Fail;
        result.message = "expected " + result.expected + ", got " + result.got + ", but the " +
                         "verdict-only search did not prove " + *flag + " absent";
    } else {
        result.status = TestStatus::Pass;
    }
}

}  // namespace

TestResult resultFromChild(const DiscoveredTest& test, const ChildOutcome& outcome,
                           double timeout) {
    TestResult result;
    result.path = test.path;
    result.relativePath = test.relativePath;
    result.seconds = outcome.seconds;
    switch (outcome.kind) {
        case ChildOutcome::Kind::Reported:
            try {
                return resultFromJson(nlohmann::json::parse(outcome.payload));
            } catch (const std::exception& e) {
                result.message =
                    std::string("the test's process sent an unreadable record: ") + e.what();
            }
            break;
        case ChildOutcome::Kind::Killed:
            result.status = TestStatus::Timeout;
            result.message =
                fmt::format("killed after {:.1f} s (limit {:g} s)", outcome.seconds, timeout);
            break;
        case ChildOutcome::Kind::Crashed:
            result.message = "the test's process crashed: " + outcome.reason;
            break;
    }
    return result;
}

std::string oneLineDiagnostic(const Diagnostic& d) {
    std::string text = d.file;
    if (d.range.begin.line > 0) {
        text += ":" + std::to_string(d.range.begin.line);
        if (d.range.begin.column > 0) {
            text += ":" + std::to_string(d.range.begin.column);
        }
    }
    return text.empty() ? d.message : text + ": " + d.message;
}

TestResult executeTest(const DiscoveredTest& test, const solver::LoadedModel& model,
                       const std::optional<Expectation>& tableExpectation,
                       const ExecutionSettings& settings) {
    auto start = std::chrono::steady_clock::now();
    TestResult result;
    result.path = test.path;
    result.relativePath = test.relativePath;
    DiagnosticSink sink;
    std::optional<solver::TestRun> run;
    try {
        run = solver::runLitmusFile(test.path, model, settings.run, sink);
    } catch (const cat::EvalError& e) {
        sink.report(e.diagnostic());
    } catch (const solver::SolverError& e) {
        sink.error(test.path, {}, std::string("solver: ") + e.what());
    } catch (const std::exception& e) {
        if (solver::isMemoryLimit(e)) {
            result.seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            result.status = TestStatus::MemoryLimit;
            result.message = solver::memoryLimitMessage();
            return result;
        }
        sink.error(test.path, {}, std::string("internal error: ") + e.what());
    }
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!run) {
        result.status = TestStatus::Error;
        result.message = firstError(sink);
        return result;
    }
    result.model = run->model;
    if (run->outcome.timedOut) {
        result.status = TestStatus::Timeout;
        double limit = settings.run.timeoutSeconds.value_or(0);
        result.message = fmt::format("time limit of {:g} s reached", limit);
        result.herdBlock = solver::formatTimeoutReport(run->program, run->outcome, limit);
        return result;
    }
    result.herdBlock = solver::formatHerdReport(run->program, run->outcome, run->hash);
    std::optional<Expectation> expectation = tableExpectation;
    if (!expectation && run->program.expected) {
        expectation = fromResultComment(*run->program.expected);
    }
    judge(result, *run, expectation, settings);
    return result;
}

}  // namespace memx::check
