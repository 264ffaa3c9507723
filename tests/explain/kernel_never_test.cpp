// Every "Result: Never" test of ../shared/corpus/kernel (the kernel's own litmus tests) is
// explained under the built-in LKMM: each execution that would produce the condition's outcome
// is rejected by a named axiom, and the cycle (or pair) given for it is checked against the
// cat evaluator's own relations: every edge is a pair of the relation it is named after, every
// chain joins up, and the cycle closes; under the built-in model and under the kernel's own
// model files. Skips when ../shared is missing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "explain_support.hpp"
#include "solver/explanation.hpp"
#include "solver/prepared_test.hpp"
#include "solver/test_pipeline.hpp"

namespace memx::explain_test {
namespace {

namespace fs = std::filesystem;

// Tests whose forbidden outcome no candidate reaches at all, so no axiom is involved: herd's
// final-write rule (a write overwritten later in its own thread is never final, as memx's
// solver also builds in) already excludes x=1 after WRITE_ONCE(x, 1); WRITE_ONCE(x, 2).
const std::set<std::string> kUnreachable{"CoWW+poonceonce"};

bool expectsNever(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str().find("Result: Never") != std::string::npos;
}

// Explains every Never test of the kernel's corpus under `selection` and checks each cycle.
void checkEveryNeverTest(const solver::ModelSelection& selection) {
    fs::path corpus = fs::path(MEMX_SHARED_DIR) / "corpus" / "kernel";
    if (!fs::exists(corpus)) {
        GTEST_SKIP() << corpus << " is missing (the shared corpus sits beside the clone)";
    }
    DiagnosticSink modelSink;
    auto model = solver::loadModelSelection(selection, modelSink);
    ASSERT_TRUE(model) << "cannot load the model";
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
        if (entry.path().extension() == ".litmus" && expectsNever(entry.path())) {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    ASSERT_GE(files.size(), 25u) << "fewer Never tests than the kernel ships";
    std::size_t withCycle = 0;
    for (const auto& file : files) {
        SCOPED_TRACE(file.string());
        DiagnosticSink sink;
        auto test = solver::prepareLitmusFile(file.string(), *model, sink);
        ASSERT_TRUE(test);
        auto why = solver::explainTest(test->program, test->events, *model->model);
        EXPECT_FALSE(why.conditionAllowed);
        EXPECT_FALSE(why.timedOut);
        if (kUnreachable.count(file.stem().string())) {
            EXPECT_EQ(why.forbiddenTotal, 0u);
            continue;
        }
        ASSERT_FALSE(why.forbidden.empty());
        for (const auto& x : why.forbidden) {
            ASSERT_TRUE(x.violation);
            const auto& v = *x.violation;
            EXPECT_FALSE(v.axiom.empty());
            ASSERT_TRUE(v.derived) << v.axiom;
            ASSERT_FALSE(v.cycle.empty());
            auto from = v.cycle.front().from;
            auto to = v.kind == cat::CheckKind::Empty ? v.cycle.back().to : from;
            EXPECT_EQ(v.cycle.back().to, to) << "the cycle does not close";
            EXPECT_EQ(derivationProblems(*model->model, x.execution, v.cycle, from, to),
                      std::vector<std::string>{})
                << v.axiom;
            // The base edges form the same closed chain.
            auto base = solver::baseEdges(v.cycle);
            EXPECT_EQ(base.front().from, from);
            EXPECT_EQ(base.back().to, to);
            ++withCycle;
        }
    }
    EXPECT_GE(withCycle, files.size() - kUnreachable.size());
}

TEST(KernelNeverTests, EachForbiddenOutcomeHasANamedAxiomAndARealCycle) {
    solver::ModelSelection builtin;
    builtin.builtin = "lkmm";
    checkEveryNeverTest(builtin);
}

// The kernel's own model files (herd's library functions, other names): the same promise.
TEST(KernelNeverTests, TheSameUnderTheUpstreamModelFiles) {
    fs::path upstream = fs::path(MEMX_SHARED_DIR) / "lkmm-upstream";
    if (!fs::exists(upstream / "linux-kernel.cfg")) {
        GTEST_SKIP() << upstream << " is missing (the shared folder sits beside the clone)";
    }
    solver::ModelSelection selection;
    selection.config = upstream / "linux-kernel.cfg";
    selection.includeDirs = {upstream / "herd-lib"};
    checkEveryNeverTest(selection);
}

}  // namespace
}  // namespace memx::explain_test
