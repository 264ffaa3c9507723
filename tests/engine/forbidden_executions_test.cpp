// RunOptions::keepForbidden: runTest also keeps the executions the model rejects, each with the
// axioms that rejected it, apart from the allowed ones and within a bound, and nothing herd
// reports (counts, states, flags, JSON) changes.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "solver/explanation.hpp"
#include "solver/herd_report.hpp"
#include "solver/json_report.hpp"
#include "solver/prepared_test.hpp"
#include "solver/test_pipeline.hpp"

namespace memx::solver {
namespace {

// One write and three reads of it in program order: of the eight ways to read 0 or 1, the four
// where a read sees 0 after an earlier one saw 1 break coherence, so four are rejected.
const char* kCoherentReads = R"(C CoRRR
{}
P0(int *x) { WRITE_ONCE(*x, 1); }
P1(int *x) { int r0; int r1; int r2; r0 = READ_ONCE(*x); r1 = READ_ONCE(*x); r2 = READ_ONCE(*x); }
exists (1:r0=1 /\ 1:r2=0)
)";

std::string readLibraryTest(const std::string& relative) {
    std::ifstream in(std::string(MEMX_SOURCE_DIR) + "/litmus/library/" + relative);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

class ForbiddenExecutionsTest : public ::testing::Test {
protected:
    void SetUp() override {
        ModelSelection selection;
        selection.builtin = "lkmm";
        DiagnosticSink sink;
        auto loaded = loadModelSelection(selection, sink);
        ASSERT_TRUE(loaded) << "cannot load the built-in lkmm";
        lkmm_ = std::move(*loaded);
    }

    TestRun run(const std::string& text, RunOptions options) {
        DiagnosticSink sink;
        auto result = runLitmusText(text, "test.litmus", lkmm_, options, sink);
        for (const auto& d : sink.diagnostics()) {
            ADD_FAILURE() << formatDiagnostic(d);
        }
        return result ? *result : TestRun{};
    }

    static RunOptions keeping(bool forbidden, std::size_t bound = 1000) {
        RunOptions options;
        options.keepExecutions = true;
        options.keepForbidden = forbidden;
        options.maxForbidden = bound;
        options.search = SearchMode::Exhaustive;
        return options;
    }

    LoadedModel lkmm_;
};

TEST_F(ForbiddenExecutionsTest, MessagePassingKeepsTheForbiddenOutcomeWithItsAxiom) {
    const std::string text = readLibraryTest("lkmm/MP+wmb+rmb.litmus");
    ASSERT_FALSE(text.empty());
    TestRun r = run(text, keeping(true));
    const TestOutcome& o = r.outcome;
    // herd7: Never 0 3; the fourth candidate (flag seen, data not) is the rejected one.
    EXPECT_EQ(o.positive, 0u);
    EXPECT_EQ(o.negative, 3u);
    EXPECT_EQ(o.executions.size(), 3u);
    ASSERT_EQ(o.forbiddenExecutions.size(), 1u);
    EXPECT_EQ(o.forbiddenOmitted, 0u);
    EXPECT_EQ(o.evaluated, o.executions.size() + o.forbiddenExecutions.size());
    const ForbiddenExecution& f = o.forbiddenExecutions.front();
    EXPECT_EQ(f.state.text(), "1:r0=1; 1:r1=0;");
    EXPECT_TRUE(f.conditionHolds);
    EXPECT_EQ(o.states.count(f.state), 0u);      // a rejected state is not one of herd's States
    ASSERT_EQ(f.failedAxioms.size(), 1u);        // evaluation stops at the first failing axiom
    EXPECT_TRUE(f.graph.relations.count("co"));  // the co it was rejected with, for figures

    // The same axiom as the explanation API names, found by its own walk of the executions.
    DiagnosticSink sink;
    auto prepared = prepareLitmusText(text, "test.litmus", lkmm_, sink);
    ASSERT_TRUE(prepared);
    TestExplanation why = explainTest(prepared->program, prepared->events, *lkmm_.model);
    ASSERT_EQ(why.forbidden.size(), 1u);
    ASSERT_TRUE(why.forbidden.front().violation);
    EXPECT_EQ(f.failedAxioms.front(), why.forbidden.front().violation->axiom);
    EXPECT_EQ(f.failedAxioms.front(), "happens-before");
}

TEST_F(ForbiddenExecutionsTest, HerdsReportAndJsonDoNotChange) {
    const std::string text = readLibraryTest("lkmm/MP+wmb+rmb.litmus");
    ASSERT_FALSE(text.empty());
    TestRun without = run(text, keeping(false));
    TestRun with = run(text, keeping(true));
    EXPECT_TRUE(without.outcome.forbiddenExecutions.empty());
    EXPECT_EQ(without.outcome.forbiddenOmitted, 0u);
    EXPECT_FALSE(with.outcome.forbiddenExecutions.empty());
    EXPECT_EQ(with.outcome.positive, without.outcome.positive);
    EXPECT_EQ(with.outcome.negative, without.outcome.negative);
    EXPECT_EQ(with.outcome.states, without.outcome.states);
    EXPECT_EQ(with.outcome.flags, without.outcome.flags);
    ASSERT_EQ(with.outcome.executions.size(), without.outcome.executions.size());
    for (std::size_t i = 0; i < with.outcome.executions.size(); ++i) {
        EXPECT_EQ(with.outcome.executions[i].state, without.outcome.executions[i].state);
    }
    auto json = [](const TestRun& r) {
        nlohmann::json j = outcomeToJson(r.program, r.outcome, r.hash);
        j.erase("seconds");  // the one field that may differ between two runs
        return j;
    };
    EXPECT_EQ(json(with), json(without));
    auto herd = [](const TestRun& r) {
        std::string text = formatHerdReport(r.program, r.outcome, r.hash);
        return text.substr(0, text.find("\nTime "));
    };
    EXPECT_EQ(herd(with), herd(without));
}

TEST_F(ForbiddenExecutionsTest, EveryRejectedExecutionIsKeptOrCountedWithinTheBound) {
    TestRun all = run(kCoherentReads, keeping(true));
    const TestOutcome& o = all.outcome;
    EXPECT_EQ(o.forbiddenOmitted, 0u);
    EXPECT_EQ(o.executions.size(), 4u);
    ASSERT_EQ(o.forbiddenExecutions.size(), 4u);
    EXPECT_EQ(o.evaluated, o.executions.size() + o.forbiddenExecutions.size());
    for (const ForbiddenExecution& f : o.forbiddenExecutions) {
        ASSERT_EQ(f.failedAxioms.size(), 1u);
        // The built-in lkmm rejects a read-read inversion either before choosing co (ConsCo,
        // herd's uniproc check) or at its coherence axiom, depending on the reads' sources.
        EXPECT_TRUE(f.failedAxioms.front() == "ConsCo" || f.failedAxioms.front() == "coherence")
            << f.failedAxioms.front();
    }
    TestRun bounded = run(kCoherentReads, keeping(true, 2));
    EXPECT_EQ(bounded.outcome.forbiddenExecutions.size(), 2u);
    EXPECT_EQ(bounded.outcome.forbiddenOmitted, 2u);
    // The bound keeps the first ones in enumeration order.
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(bounded.outcome.forbiddenExecutions[i].state, o.forbiddenExecutions[i].state);
        EXPECT_EQ(bounded.outcome.forbiddenExecutions[i].graph.relations.at("rf"),
                  o.forbiddenExecutions[i].graph.relations.at("rf"));
    }
    TestRun none = run(kCoherentReads, keeping(true, 0));
    EXPECT_TRUE(none.outcome.forbiddenExecutions.empty());
    EXPECT_EQ(none.outcome.forbiddenOmitted, 4u);
    EXPECT_EQ(none.outcome.positive, o.positive);
    EXPECT_EQ(none.outcome.negative, o.negative);
}

}  // namespace
}  // namespace memx::solver
