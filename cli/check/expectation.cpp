#include "cli/check/expectation.hpp"

namespace memx::check {

namespace {

constexpr const char* kTornFlag = "torn-read";
constexpr const char* kDataRaceFlag = "data-race";  // the built-in models' `as` name
constexpr const char* kLivenessFlag = "liveness";

std::string withTags(std::string text, bool dataRace, bool torn) {
    if (dataRace) {
        text += " DATARACE";
    }
    if (torn) {
        text += " TORN";
    }
    return text;
}

}  // namespace

Expectation fromResultComment(const litmus::ExpectedResult& result) {
    return {result.observation, result.dataRace, result.deadlock, result.torn, result.liveness};
}

std::string describe(const Expectation& expectation) {
    const std::string liveness = expectation.liveness ? " LIVENESS" : "";
    if (expectation.deadlock) {
        return "DEADLOCK" + liveness;
    }
    return withTags(expectation.observation, expectation.dataRace, expectation.torn) + liveness;
}

namespace {

// Whether the run's liveness flag is as expected: only a run that read waits can tell.
bool livenessAsExpected(const Verdict& verdict, const Expectation& expectation) {
    return !verdict.waitsRead || verdict.flags.contains(kLivenessFlag) == expectation.liveness;
}

}  // namespace

bool raisesDataRace(const std::set<std::string>& flags) {
    return flags.contains("data-race") || flags.contains("*undef*");
}

std::string describe(const Verdict& verdict, const Expectation& expectation) {
    const bool blocked =
        verdict.waitsRead ? verdict.flags.contains(kLivenessFlag) : expectation.liveness;
    const std::string liveness = blocked ? " LIVENESS" : "";
    if (expectation.deadlock) {
        return verdict.observation + " " + std::to_string(verdict.positive) + " " +
               std::to_string(verdict.negative) + liveness;
    }
    return withTags(verdict.observation, raisesDataRace(verdict.flags),
                    verdict.flags.contains(kTornFlag)) +
           liveness;
}

bool meets(const Verdict& verdict, const Expectation& expectation) {
    if (!livenessAsExpected(verdict, expectation)) {
        return false;
    }
    if (expectation.deadlock) {
        // judgelitmus.sh looks for "Never 0 0": no allowed execution at all.
        return verdict.observation == "Never" && verdict.positive == 0 && verdict.negative == 0;
    }
    return verdict.observation == expectation.observation &&
           raisesDataRace(verdict.flags) == expectation.dataRace &&
           verdict.flags.contains(kTornFlag) == expectation.torn;
}

bool forgivenByKernelJudge(const Verdict& verdict, const Expectation& expectation) {
    bool noExecution = verdict.positive == 0 && verdict.negative == 0;
    return !expectation.deadlock && !noExecution && expectation.dataRace &&
           livenessAsExpected(verdict, expectation) && raisesDataRace(verdict.flags) &&
           verdict.flags.contains(kTornFlag) == expectation.torn &&
           verdict.observation != expectation.observation;
}

std::optional<std::string> unprovenAbsence(const Verdict& verdict, const Expectation& expectation) {
    if (verdict.flagsExact || expectation.deadlock) {
        return std::nullopt;
    }
    auto proven = [&](const char* flag) {
        return !verdict.unprovenFlags.empty() && !verdict.unprovenFlags.contains(flag);
    };
    if (!expectation.dataRace && !raisesDataRace(verdict.flags) && !proven(kDataRaceFlag)) {
        return kDataRaceFlag;
    }
    if (!expectation.torn && !verdict.flags.contains(kTornFlag) && !proven(kTornFlag)) {
        return kTornFlag;
    }
    return std::nullopt;
}

}  // namespace memx::check
