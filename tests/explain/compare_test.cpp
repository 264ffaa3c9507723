// `memx compare` between the LKMM and RC11 on tests where they differ, through the library and
// through the command line: the differing final state, both verdicts, the execution that
// shows it and the rejecting axiom with its cycle.
#include <gtest/gtest.h>

#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "explain_support.hpp"
#include "solver/model_comparison.hpp"

namespace memx::explain_test {
namespace {

namespace fs = std::filesystem;

solver::ModelComparison compare(const std::string& file) {
    auto lkmm = load("lkmm", file);
    auto rc11 = load("rc11", file);
    if (!lkmm || !rc11) {
        ADD_FAILURE() << "cannot load " << file;
        return {};
    }
    return solver::compareModels(lkmm->test.program,
                                 {"lkmm", lkmm->model.model.get(), &lkmm->test.events},
                                 {"rc11", rc11->model.model.get(), &rc11->test.events});
}

// Runs `memx ARGS` as a user would; its exit status (-1 if it did not exit) and its stdout.
struct CommandOutput {
    int status = -1;
    std::string text;
};

CommandOutput memxOutput(const std::string& args) {
    auto out = fs::temp_directory_path() / ("memx-compare-test-" + std::to_string(::getpid()));
    std::string cmd =
        std::string("\"") + MEMX_BINARY + "\" " + args + " > \"" + out.string() + "\"";
    int rc = std::system(cmd.c_str());
    CommandOutput result;
    result.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    std::ifstream in(out);
    std::stringstream text;
    text << in.rdbuf();
    result.text = text.str();
    fs::remove(out);
    return result;
}

TEST(CompareLkmmRc11, LoadBufferingIsAllowedByLkmmAndForbiddenByRc11sNoThinAir) {
    auto c = compare(sourceDir() + "/tests/explain/data/LB+once.litmus");
    ASSERT_EQ(c.differences.size(), 1u);
    const auto& d = c.differences[0];
    EXPECT_EQ(d.state.text(), "0:r0=1; 1:r0=1;");
    EXPECT_TRUE(d.conditionHolds);
    EXPECT_EQ(c.models[d.allowedBy], "lkmm");
    EXPECT_TRUE(d.allowing.execution.verdict.allowed);
    ASSERT_TRUE(d.rejecting && d.rejecting->violation);
    EXPECT_EQ(d.rejecting->violation->axiom, "no-thin-air");
    std::multiset<std::string> edges;
    for (const auto& e : d.rejecting->violation->cycle) {
        edges.insert(e.relation);
    }
    EXPECT_EQ(edges, (std::multiset<std::string>{"po", "po", "rf", "rf"}));
}

TEST(CompareLkmmRc11, ReleaseAcquireMessagePassingIsForbiddenByRc11sCoherence) {
    auto c = compare(sourceDir() + "/litmus/library/c11/MP+c11-release-acquire.litmus");
    ASSERT_EQ(c.differences.size(), 1u);
    const auto& d = c.differences[0];
    EXPECT_EQ(d.state.text(), "1:r0=1; 1:r1=0;");
    EXPECT_EQ(c.models[d.allowedBy], "lkmm");
    ASSERT_TRUE(d.rejecting && d.rejecting->violation);
    const auto& v = *d.rejecting->violation;
    EXPECT_EQ(v.axiom, "coherence");
    ASSERT_TRUE(v.derived);
    auto from = v.cycle.front().from;
    EXPECT_EQ(derivationProblems(
                  *load("rc11", sourceDir() + "/litmus/library/c11/MP+c11-release-acquire.litmus")
                       ->model.model,
                  d.rejecting->execution, v.cycle, from, from),
              std::vector<std::string>{});
}

TEST(CompareCommand, PrintsTheDifferingOutcomeWithBothVerdictsAndExitsOne) {
    auto run = memxOutput("compare --model lkmm --model rc11 \"" + sourceDir() +
                          "/tests/explain/data/LB+once.litmus\"");
    EXPECT_EQ(run.status, 1) << "differences exit 1, as diff does";
    const std::string& s = run.text;
    EXPECT_NE(s.find("lkmm allows 4 final states, rc11 allows 3 final states."), std::string::npos)
        << s;
    EXPECT_NE(s.find("0:r0=1; 1:r0=1; (the condition holds): allowed by lkmm, forbidden by rc11"),
              std::string::npos)
        << s;
    EXPECT_NE(s.find("rejected by axiom no-thin-air (acyclic po | rf)"), std::string::npos) << s;
    EXPECT_NE(s.find("cycle: a -po-> b -rf-> c -po-> d -rf-> a"), std::string::npos) << s;
}

// A volatile copy is marked under LKMM and non-atomic under RC11: the final states agree, but
// only RC11 makes the program undefined. That is a difference (issue 17).
const std::string kVolatileCopy = "/litmus/library/usercopy/volatile_memcpy+external-writer.litmus";

TEST(CompareLkmmRc11, AVolatileCopyRacesOnlyUnderRc11AndThatIsADifference) {
    auto c = compare(sourceDir() + kVolatileCopy);
    EXPECT_TRUE(c.differences.empty());
    EXPECT_TRUE(c.differ());
    ASSERT_EQ(c.flagDifferences.size(), 1u);
    const auto& d = c.flagDifferences[0];
    EXPECT_EQ(d.flag, "*undef*");
    EXPECT_EQ(c.models[d.raisedBy], "rc11");
    EXPECT_FALSE(c.flags[0].count("data-race"));
    ASSERT_FALSE(d.raising.flags.empty());
    const auto& w = d.raising.flags.front();
    EXPECT_TRUE(w.undefined);
    EXPECT_EQ(w.flag, "data-race");
    EXPECT_NE(w.first, w.second);
}

TEST(CompareCommand, AFlagDifferenceIsPrintedAndExitsOne) {
    auto run =
        memxOutput("compare --model lkmm --model rc11 \"" + sourceDir() + kVolatileCopy + "\"");
    EXPECT_EQ(run.status, 1);
    const std::string& s = run.text;
    EXPECT_NE(s.find("Both models allow the same final states, but they raise different flags."),
              std::string::npos)
        << s;
    EXPECT_NE(s.find("Flag *undef*: raised by rc11, never by lkmm"), std::string::npos) << s;
    EXPECT_NE(s.find("missing ordering: no hb between them"), std::string::npos) << s;
}

TEST(CompareCommand, NeedsExactlyTwoModels) {
    std::string cmd = std::string("\"") + MEMX_BINARY + "\" compare --model lkmm \"" + sourceDir() +
                      "/tests/explain/data/LB+once.litmus\" > /dev/null 2>&1";
    int rc = std::system(cmd.c_str());
    ASSERT_TRUE(WIFEXITED(rc));
    EXPECT_EQ(WEXITSTATUS(rc), 2);
}

TEST(ExplainCommand, AC11TestIsExplainedUnderRc11WithoutAModelOption) {
    auto run = memxOutput("explain \"" + sourceDir() +
                          "/litmus/library/c11/MP+c11-release-acquire.litmus\"");
    EXPECT_EQ(run.status, 0);
    EXPECT_NE(run.text.find("under memx RC11"), std::string::npos) << run.text;
    EXPECT_NE(run.text.find("rejected by axiom coherence"), std::string::npos) << run.text;
}

}  // namespace
}  // namespace memx::explain_test
