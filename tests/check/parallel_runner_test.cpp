// The forking runner: payloads arrive, crashes and runaway children are recorded, jobs overlap.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <map>
#include <stdexcept>

#include "cli/check/parallel_runner.hpp"

namespace memx::check {
namespace {

using Kind = ChildOutcome::Kind;

std::map<std::size_t, ChildOutcome> runAll(std::size_t count, RunnerOptions options,
                                           const std::function<std::string(std::size_t)>& work) {
    std::map<std::size_t, ChildOutcome> outcomes;
    runInChildren(count, options, work, [&](std::size_t i, const ChildOutcome& outcome) {
        EXPECT_FALSE(outcomes.contains(i)) << "job " << i << " finished twice";
        outcomes[i] = outcome;
    });
    return outcomes;
}

TEST(CheckRunner, EveryChildReportsItsPayload) {
    auto outcomes = runAll(9, {3, 0}, [](std::size_t i) { return "job " + std::to_string(i); });
    ASSERT_EQ(outcomes.size(), 9u);
    for (std::size_t i = 0; i < 9; ++i) {
        EXPECT_EQ(outcomes[i].kind, Kind::Reported);
        EXPECT_EQ(outcomes[i].payload, "job " + std::to_string(i));
    }
}

TEST(CheckRunner, LargePayloadArrivesWhole) {
    std::string big(1 << 20, 'x');
    auto outcomes = runAll(2, {2, 0}, [&](std::size_t) { return big; });
    EXPECT_EQ(outcomes[0].payload.size(), big.size());
    EXPECT_EQ(outcomes[1].payload, big);
}

TEST(CheckRunner, CrashesAndExceptionsAreRecordedAndTheOthersStillRun) {
    auto outcomes = runAll(4, {2, 0}, [](std::size_t i) -> std::string {
        if (i == 1) {
            // Under ASan/UBSan the sanitizer's own SIGSEGV handler would turn the
            // crash into "exit status 1"; the default action gives the real signal.
            std::signal(SIGSEGV, SIG_DFL);
            std::raise(SIGSEGV);
        }
        if (i == 2) {
            throw std::runtime_error("boom");
        }
        return "ok";
    });
    EXPECT_EQ(outcomes[0].kind, Kind::Reported);
    EXPECT_EQ(outcomes[1].kind, Kind::Crashed);
    EXPECT_NE(outcomes[1].reason.find("signal 11"), std::string::npos) << outcomes[1].reason;
    EXPECT_EQ(outcomes[2].kind, Kind::Crashed);
    EXPECT_NE(outcomes[2].reason.find("boom"), std::string::npos) << outcomes[2].reason;
    EXPECT_EQ(outcomes[3].kind, Kind::Reported);
}

TEST(CheckRunner, ChildPastTheHardLimitIsKilled) {
    auto start = std::chrono::steady_clock::now();
    auto outcomes = runAll(2, {2, 0.3}, [](std::size_t i) -> std::string {
        if (i == 0) {
            ::sleep(30);
        }
        return "quick";
    });
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(outcomes[0].kind, Kind::Killed);
    EXPECT_GE(outcomes[0].seconds, 0.3);
    EXPECT_EQ(outcomes[1].kind, Kind::Reported);
    EXPECT_LT(seconds, 5.0);
}

TEST(CheckRunner, JobsOverlap) {
    auto start = std::chrono::steady_clock::now();
    auto outcomes = runAll(4, {4, 0}, [](std::size_t) {
        ::usleep(400000);
        return std::string("slept");
    });
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(outcomes.size(), 4u);
    EXPECT_LT(seconds, 1.2) << "four 0.4 s jobs with -j 4 should take about 0.4 s";
}

TEST(CheckRunner, NoMoreThanJobsChildrenAtOnce) {
    auto start = std::chrono::steady_clock::now();
    runAll(4, {1, 0}, [](std::size_t) {
        ::usleep(150000);
        return std::string("slept");
    });
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_GE(seconds, 0.6) << "with -j 1 the four jobs run one after another";
}

}  // namespace
}  // namespace memx::check
