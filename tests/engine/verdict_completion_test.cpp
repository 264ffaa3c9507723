// A verdict-only run of a byte-granular test (issue 4, result 4): the states it lists are
// exact and bounded (RunOptions::maxStates, with the omitted ones counted), the built-in
// models' flags are found or proven absent, and when the time limit stops these searches the
// verdict stays and the report says what is unproven.
#include <gtest/gtest.h>

#include <fmt/format.h>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

#include "litmus/parser.hpp"
#include "model/events/event_builder.hpp"
#include "solver/builtin_flags.hpp"
#include "solver/execution_graph_builder.hpp"
#include "solver/herd_report.hpp"
#include "solver/json_report.hpp"
#include "solver/observed_locations.hpp"
#include "solver/test_pipeline.hpp"
#include "solver/verdict_completion.hpp"

namespace memx::solver {
namespace {

// bench/usercopy's test: copy_from_user() of n bytes racing with user space rewriting them.
std::string copyFromUser(int n, const std::string& locations = "") {
    std::string ones;
    for (int i = 0; i < n; ++i) {
        ones += i == 0 ? "1" : ",1";
    }
    return fmt::format(R"(C copy_from_user-{0}
{{
u8 ubuf[{0}];
u8 kbuf[{0}];
u8 fresh[{0}] = {{{1}}};
}}
P0(u8 *kbuf, u8 *ubuf)
{{
	copy_from_user(kbuf, ubuf, {0});
}}
external P1(u8 *ubuf, u8 *fresh)
{{
	memcpy(ubuf, fresh, {0});
}}
{2}
exists (kbuf[0]=1 /\ kbuf[{3}]=0)
)",
                       n, ones, locations, n - 1);
}

// A plain memcpy of 8 bytes racing with a plain store of user space (an ordinary thread).
const char* kMemcpyRacingWithUserStore = R"(C memcpy+user-store
{ u8 ubuf[8]; u8 kbuf[8]; }
P0(u8 *kbuf, u8 *ubuf) { memcpy(kbuf, ubuf, 8); }
P1(u8 *ubuf) { ubuf[3] = 1; }
exists (kbuf[3]=1)
)";

// A volatile copy against user space: LKMM counts volatile as marked (no race), RC11 as
// non-atomic (a race, printed as herd's *undef*).
const char* kVolatileCopy = R"(C volatile_memcpy+external
{ u8 ubuf[8]; u8 kbuf[8]; u8 fresh[8] = {1,1,1,1,1,1,1,1}; }
P0(u8 *kbuf, u8 *ubuf) { volatile_memcpy(kbuf, ubuf, 8); }
external P1(u8 *ubuf, u8 *fresh) { memcpy(ubuf, fresh, 8); }
exists (kbuf[0]=1 /\ kbuf[7]=0)
)";

// Message passing through per-byte release/acquire copies: P1's plain read of data may meet
// P0's plain write (so the race search has pairs to look at), but release/acquire orders
// them in every execution where P1 reads data at all.
const std::string kMessagePassingPerByte =
    "usercopy/MP+store-per-byte-release+load-per-byte-acquire.litmus";

std::string libraryText(const std::string& relative) {
    std::ifstream in(std::string(MEMX_SOURCE_DIR) + "/litmus/library/" + relative);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// These tests are about the verdict-only searches, which byte classes make unnecessary for
// their copies of alike bytes: the models build every byte, as `--byte-classes off` does.
LoadedModel builtin(const std::string& name) {
    ModelSelection selection;
    selection.builtin = name;
    selection.byteClasses = false;
    DiagnosticSink sink;
    auto loaded = loadModelSelection(selection, sink);
    if (!loaded) {
        throw std::runtime_error("cannot load built-in model " + name);
    }
    return std::move(*loaded);
}

TestRun run(const std::string& model, const std::string& text, RunOptions options = {}) {
    DiagnosticSink sink;
    auto result = runLitmusText(text, "test.litmus", builtin(model), options, sink);
    for (const auto& d : sink.diagnostics()) {
        ADD_FAILURE() << formatDiagnostic(d);
    }
    if (!result) {
        throw std::runtime_error("the test did not run");
    }
    return std::move(*result);
}

std::string report(const TestRun& r) {
    return formatHerdReport(r.program, r.outcome, r.hash);
}

std::set<std::string> stateTexts(const TestOutcome& o) {
    std::set<std::string> texts;
    for (const FinalState& s : o.states) {
        texts.insert(s.text());
    }
    return texts;
}

TEST(VerdictCompletion, CopyFromUserOf64BytesGetsEveryStateAndProvenFlags) {
    auto r = run("lkmm", copyFromUser(64));
    ASSERT_FALSE(r.outcome.timedOut);
    ASSERT_FALSE(r.outcome.exhaustive);  // far beyond the candidate budget
    EXPECT_EQ(observationOf(r.outcome), "Sometimes");
    // Each end of the buffer sees the old or the new byte, independently: all 4 combinations
    // (the two witness searches alone met 2).
    EXPECT_EQ(stateTexts(r.outcome),
              (std::set<std::string>{"kbuf[0]=0; kbuf[63]=0;", "kbuf[0]=0; kbuf[63]=1;",
                                     "kbuf[0]=1; kbuf[63]=0;", "kbuf[0]=1; kbuf[63]=1;"}));
    EXPECT_EQ(r.outcome.statesCompleteness, Completeness::Exact);
    EXPECT_EQ(r.outcome.statesOmitted, 0u);
    // The user bytes are read marked: no data race, proven; the copy may tear.
    EXPECT_EQ(r.outcome.flags, (std::set<std::string>{"torn-read"}));
    EXPECT_TRUE(r.outcome.flagsExact);
    EXPECT_TRUE(r.outcome.unprovenFlags.empty());
    EXPECT_NE(report(r).find("Verdict-only search: observation, states and flags exact; witness "
                             "counts are those of the executions checked\n"),
              std::string::npos)
        << report(r);
}

TEST(VerdictCompletion, PlainMemcpyRacingWithAUserStoreRaisesDataRace) {
    RunOptions verdict;
    verdict.search = SearchMode::Verdict;
    auto r = run("lkmm", kMemcpyRacingWithUserStore, verdict);
    ASSERT_FALSE(r.outcome.exhaustive);
    EXPECT_TRUE(r.outcome.flags.contains("data-race"));
    EXPECT_TRUE(r.outcome.flagsExact);
    EXPECT_EQ(r.outcome.statesCompleteness, Completeness::Exact);
    EXPECT_EQ(stateTexts(r.outcome), (std::set<std::string>{"kbuf[3]=0;", "kbuf[3]=1;"}));
}

TEST(VerdictCompletion, Rc11FindsTheVolatileRaceThatLkmmProvesAbsent) {
    RunOptions verdict;
    verdict.search = SearchMode::Verdict;
    auto lkmm = run("lkmm", kVolatileCopy, verdict);
    EXPECT_FALSE(lkmm.outcome.flags.contains("data-race"));
    EXPECT_TRUE(lkmm.outcome.flags.contains("torn-read"));
    EXPECT_TRUE(lkmm.outcome.flagsExact);
    auto rc11 = run("rc11", kVolatileCopy, verdict);
    EXPECT_TRUE(rc11.outcome.flags.contains("*undef*"));
    EXPECT_TRUE(rc11.outcome.flags.contains("torn-read"));
    EXPECT_TRUE(rc11.outcome.flagsExact);
    EXPECT_EQ(rc11.outcome.statesCompleteness, Completeness::Exact);
    EXPECT_EQ(rc11.outcome.states.size(), 4u);
}

// Word-sized verdict-only runs search neither states nor flags, but a flag no candidate can
// raise is proven absent all the same.
TEST(VerdictCompletion, WordSizedRunsProveOnlyWhatNeedsNoSearch) {
    RunOptions verdict;
    verdict.search = SearchMode::Verdict;
    const char* marked = R"(C MP+marked
{}
P0(int *x, int *y) { WRITE_ONCE(*x, 1); WRITE_ONCE(*y, 1); }
P1(int *x, int *y) { int r0 = READ_ONCE(*y); int r1 = READ_ONCE(*x); }
exists (1:r0=1 /\ 1:r1=0)
)";
    auto quiet = run("lkmm", marked, verdict);
    ASSERT_FALSE(quiet.outcome.exhaustive);
    EXPECT_TRUE(quiet.outcome.flagsExact);  // no plain access: no race can exist
    EXPECT_EQ(quiet.outcome.statesCompleteness, Completeness::NotSearched);
    const char* plain = R"(C MP+plain-data
{}
P0(int *x, int *y) { *x = 1; smp_store_release(y, 1); }
P1(int *x, int *y) { int r1 = -1; int r0 = smp_load_acquire(y); if (r0) r1 = *x; }
exists (1:r0=1 /\ 1:r1=0)
)";
    auto ordered = run("lkmm", plain, verdict);
    ASSERT_FALSE(ordered.outcome.exhaustive);
    EXPECT_FALSE(ordered.outcome.flags.contains("data-race"));
    EXPECT_FALSE(ordered.outcome.flagsExact);  // the plain pair could race: not searched
    EXPECT_EQ(ordered.outcome.unprovenFlags.at("data-race"), Completeness::NotSearched);
}

TEST(VerdictCompletion, MaxStatesStopsTheStateSearchAndSaysMoreExist) {
    RunOptions two;
    two.maxStates = 2;
    auto r = run("lkmm", copyFromUser(16), two);
    ASSERT_FALSE(r.outcome.exhaustive);
    EXPECT_EQ(r.outcome.states.size(), 2u);
    EXPECT_EQ(r.outcome.statesCompleteness, Completeness::Capped);
    EXPECT_EQ(r.outcome.statesOmitted, 1u);  // the one found beyond the bound
    EXPECT_EQ(observationOf(r.outcome), "Sometimes");
    const std::string text = report(r);
    EXPECT_NE(text.find("States 2\n"), std::string::npos) << text;
    EXPECT_NE(text.find("States omitted: at least 1 "), std::string::npos) << text;
    EXPECT_NE(text.find("state search stopped at --max-states"), std::string::npos) << text;
}

TEST(VerdictCompletion, MaxStatesInAnExhaustiveRunCountsTheOmittedStatesExactly) {
    RunOptions two;
    two.maxStates = 2;
    two.search = SearchMode::Exhaustive;
    auto r = run("lkmm", copyFromUser(4), two);
    ASSERT_TRUE(r.outcome.exhaustive);
    EXPECT_EQ(stateTexts(r.outcome),
              (std::set<std::string>{"kbuf[0]=0; kbuf[3]=0;", "kbuf[0]=0; kbuf[3]=1;"}));
    EXPECT_EQ(r.outcome.statesOmitted, 2u);
    EXPECT_EQ(r.outcome.statesCompleteness, Completeness::Exact);
    EXPECT_NE(report(r).find("States omitted: 2 of 4\n"), std::string::npos) << report(r);
    // Without a bound (the default for word-sized tests) every state is listed.
    RunOptions all = two;
    all.maxStates = std::numeric_limits<std::size_t>::max();
    EXPECT_EQ(run("lkmm", copyFromUser(4), all).outcome.states.size(), 4u);
}

TEST(VerdictCompletion, ByteGranularTestsListAtMost64StatesByDefault) {
    RunOptions exhaustive;
    exhaustive.search = SearchMode::Exhaustive;
    // kbuf[0..6] and kbuf[7]: 2^8 states.
    auto r = run("lkmm",
                 copyFromUser(8,
                              "locations [kbuf[1]; kbuf[2]; kbuf[3]; kbuf[4]; kbuf[5]; "
                              "kbuf[6]]"),
                 exhaustive);
    EXPECT_EQ(r.outcome.states.size(), 64u);
    EXPECT_EQ(r.outcome.statesOmitted, 256u - 64u);
}

TEST(VerdictCompletion, TheTimeLimitDuringTheStateSearchKeepsTheVerdict) {
    RunOptions limited;
    limited.maxStates = std::numeric_limits<std::size_t>::max();
    limited.timeoutSeconds = 2;
    // 2^12 states at about 20 ms each: the verdict takes well under a second, the state
    // search over a minute.
    auto r = run("lkmm",
                 copyFromUser(16,
                              "locations [kbuf[1]; kbuf[2]; kbuf[3]; kbuf[4]; kbuf[5]; "
                              "kbuf[6]; kbuf[7]; kbuf[8]; kbuf[9]; kbuf[10]]"),
                 limited);
    ASSERT_FALSE(r.outcome.timedOut);
    EXPECT_EQ(observationOf(r.outcome), "Sometimes");
    EXPECT_EQ(r.outcome.statesCompleteness, Completeness::Stopped);
    EXPECT_LT(r.outcome.states.size(), 4096u);
    const std::string text = report(r);
    EXPECT_NE(text.find("states not proven complete (time limit)"), std::string::npos) << text;
    EXPECT_EQ(text.find("Timeout"), std::string::npos) << text;
}

// Every user-copy library test, under both built-in models: a verdict-only run lists the same
// states (the first 64 of them where there are more) and raises the same flags as the
// exhaustive run.
TEST(VerdictCompletion, VerdictRunsOfTheUsercopyLibraryAgreeWithExhaustiveRuns) {
    const auto folder = std::filesystem::path(MEMX_SOURCE_DIR) / "litmus/library/usercopy";
    int compared = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() != ".litmus") {
            continue;
        }
        const std::string text = libraryText("usercopy/" + entry.path().filename().string());
        for (const std::string model : {"lkmm", "rc11"}) {
            SCOPED_TRACE(entry.path().filename().string() + " under " + model);
            RunOptions exhaustive;
            exhaustive.maxStates = std::numeric_limits<std::size_t>::max();
            exhaustive.search = SearchMode::Exhaustive;
            auto full = run(model, text, exhaustive);
            RunOptions verdictOnly;  // the default bound: 64 states
            verdictOnly.search = SearchMode::Verdict;
            auto verdict = run(model, text, verdictOnly);
            ASSERT_TRUE(full.outcome.exhaustive);
            ASSERT_FALSE(verdict.outcome.exhaustive);
            EXPECT_TRUE(verdict.outcome.flagsExact);
            EXPECT_EQ(verdict.outcome.flags, full.outcome.flags);
            EXPECT_EQ(observationOf(verdict.outcome), observationOf(full.outcome));
            const auto all = stateTexts(full.outcome);
            const auto listed = stateTexts(verdict.outcome);
            if (all.size() <= 64) {
                EXPECT_EQ(verdict.outcome.statesCompleteness, Completeness::Exact);
                EXPECT_EQ(listed, all);
            } else {
                EXPECT_EQ(verdict.outcome.statesCompleteness, Completeness::Capped);
                EXPECT_EQ(listed.size(), 64u);
                EXPECT_GE(verdict.outcome.statesOmitted, 1u);
                EXPECT_TRUE(std::includes(all.begin(), all.end(), listed.begin(), listed.end()));
            }
            ++compared;
        }
    }
    EXPECT_GE(compared, 48);  // 24 tests or more, two models each
}

// The flag searches on their own, from an outcome that has seen nothing: a judge that checks
// each candidate against the model as the runner does.
class FlagSearch : public ::testing::Test {
protected:
    void prepare(const std::string& model, const std::string& text) {
        loaded_ = builtin(model);
        DiagnosticSink sink;
        program_ = litmus::parseLitmus(text, "test.litmus", sink);
        ASSERT_TRUE(program_);
        events_ =
            model::buildEvents(*program_, loaded_.primitives, "test.litmus", sink, loaded_.events);
        ASSERT_TRUE(events_);
        observed_ = observedLocations(*program_, *events_);
    }

    CompletionSearch search() {
        return {*program_, *events_, observed_, std::nullopt, nullptr, [this](const Candidate& c) {
                    BuiltGraph built = buildExecutionGraph(*events_, c);
                    bool allowed = false;
                    cat::evaluate(*loaded_.model, built.graph, {},
                                  [&](const cat::ExecutionVerdict& v) {
                                      if (!v.allowed) {
                                          return;
                                      }
                                      allowed = true;
                                      out_.flags.insert(v.flags.begin(), v.flags.end());
                                      if (!v.undefinedChecks.empty()) {
                                          out_.flags.insert("*undef*");
                                      }
                                  });
                    return allowed;
                }};
    }

    LoadedModel loaded_;
    std::optional<litmus::Program> program_;
    std::optional<model::EventStructure> events_;
    std::vector<bool> observed_;
    TestOutcome out_;
};

TEST_F(FlagSearch, FindsARaceNoCheckedExecutionShowed) {
    prepare("lkmm", kMemcpyRacingWithUserStore);
    completeFlags(search(), *loaded_.builtinFlags, out_);
    EXPECT_TRUE(out_.flags.contains("data-race"));
    EXPECT_TRUE(out_.flagsExact);
}

TEST_F(FlagSearch, ProvesARaceAbsentBySearchingEveryPairThatCouldRace) {
    prepare("lkmm", libraryText(kMessagePassingPerByte));
    completeFlags(search(), *loaded_.builtinFlags, out_);
    EXPECT_FALSE(out_.flags.contains("data-race"));
    EXPECT_TRUE(out_.flagsExact);
    EXPECT_GT(out_.candidates, 0u);  // the plain accesses to data could meet: it searched
}

TEST_F(FlagSearch, ProvesARaceAbsentWithoutASearchWhenNoPairCanRace) {
    prepare("lkmm", copyFromUser(64));
    out_.flags.insert("torn-read");  // as the verdict searches found it
    completeFlags(search(), *loaded_.builtinFlags, out_);
    EXPECT_EQ(out_.flags, (std::set<std::string>{"torn-read"}));
    EXPECT_TRUE(out_.flagsExact);
    EXPECT_EQ(out_.candidates, 0u);
}

TEST_F(FlagSearch, SaysWhichFlagTheTimeLimitLeftUnproven) {
    prepare("lkmm", kMemcpyRacingWithUserStore);
    CompletionSearch late = search();
    late.deadline = Clock::now() - std::chrono::seconds(1);
    completeFlags(late, *loaded_.builtinFlags, out_);
    EXPECT_FALSE(out_.flagsExact);
    ASSERT_TRUE(out_.unprovenFlags.contains("data-race"));
    EXPECT_EQ(out_.unprovenFlags.at("data-race"), Completeness::Stopped);
    // Found or proven without a search: not listed.
    EXPECT_FALSE(out_.unprovenFlags.contains("unmatched-unlock"));
    out_.exhaustive = false;
    EXPECT_NE(verdictOnlyNote(out_).find("flag data-race not proven absent (time limit)"),
              std::string::npos)
        << verdictOnlyNote(out_);
}

TEST_F(FlagSearch, StopsTheStateSearchWhenTheJudgeReachesTheTimeLimit) {
    prepare("lkmm", copyFromUser(8));
    CompletionSearch stopping = search();
    stopping.judge = [](const Candidate&) -> bool { throw TimeLimitReached{}; };
    completeStates(stopping, 64, out_);
    EXPECT_EQ(out_.statesCompleteness, Completeness::Stopped);
}

TEST(VerdictCompletion, AUserModelGetsExactStatesButItsFlagsStayThoseChecked) {
    ModelSelection selection;
    selection.catFile = std::string(MEMX_SOURCE_DIR) + "/model/models/lkmm.cat";
    DiagnosticSink sink;
    auto user = loadModelSelection(selection, sink);
    ASSERT_TRUE(user);
    EXPECT_EQ(user->builtinFlags, nullptr);
    auto r = runLitmusText(copyFromUser(16), "test.litmus", *user, {}, sink);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->outcome.statesCompleteness, Completeness::Exact);
    EXPECT_EQ(r->outcome.states.size(), 4u);
    EXPECT_FALSE(r->outcome.flagsExact);
    EXPECT_NE(report(*r).find("Verdict-only search: observation and states exact; witness "
                              "counts and flags are those of the executions checked\n"),
              std::string::npos)
        << report(*r);
}

TEST(VerdictCompletionReport, AUserModelKeepsTheOldWordingForFlags) {
    TestOutcome o;
    o.exhaustive = false;
    o.statesCompleteness = Completeness::NotSearched;
    o.flagsExact = false;
    EXPECT_EQ(verdictOnlyNote(o),
              "Verdict-only search: observation exact; states, witness counts and flags are "
              "those of the executions checked");
}

TEST(VerdictCompletionReport, JsonSaysWhatIsExact) {
    auto r = run("lkmm", copyFromUser(8));
    auto j = outcomeToJson(r.program, r.outcome, r.hash);
    EXPECT_EQ(j["statesExact"], true);
    EXPECT_EQ(j["statesOmitted"], 0);
    EXPECT_EQ(j["flagsExact"], true);
    EXPECT_TRUE(j["flagsUnproven"].empty());
}

// Each built-in model's flag list names exactly the flags its .cat files declare, so that no
// flag a model can raise goes unsearched (a new flag in a model needs its condition here).
TEST(BuiltinFlags, NameEveryFlagTheBuiltInModelsDeclare) {
    auto declared = [](const std::vector<std::string>& files) {
        std::set<std::string> names;
        for (const std::string& file : files) {
            std::ifstream in(std::string(MEMX_SOURCE_DIR) + "/model/models/" + file);
            std::string line;
            while (std::getline(in, line)) {
                auto as = line.find(" as ");
                bool check = line.starts_with("flag ") || line.starts_with("undefined_unless ");
                if (check && as != std::string::npos) {
                    std::istringstream rest(line.substr(as + 4));
                    std::string name;
                    rest >> name;
                    names.insert(name);
                }
            }
        }
        return names;
    };
    auto listed = [](const std::string& model) {
        std::set<std::string> names;
        for (const FlagCondition& f : *builtinFlagConditions(model)) {
            names.insert(f.name);
        }
        return names;
    };
    EXPECT_EQ(listed("lkmm"), declared({"lkmm.cat", "lkmm-classes.cat", "lkmm-locks.cat",
                                        "lkmm-races.cat", "lkmm-rcu.cat", "lkmm.bell"}));
    EXPECT_EQ(listed("rc11"), declared({"rc11.cat", "lkmm-locks.cat"}));
    EXPECT_EQ(listed("sc"), declared({"sc.cat", "lkmm-locks.cat"}));
    EXPECT_EQ(builtinFlagConditions("my-model.cat"), nullptr);
}

}  // namespace
}  // namespace memx::solver
