// Which model runs a test when the command line names none: rc11 for herd's C11 dialect,
// lkmm for the kernel's; --model and --cat override.
#include <gtest/gtest.h>

#include <string>

#include "litmus/parser.hpp"
#include "solver/model_choice.hpp"
#include "tests/rc11/rc11_test_support.hpp"

namespace memx::rc11_test {
namespace {

using solver::Dialect;

Dialect dialectOf(const std::string& text) {
    DiagnosticSink sink;
    auto program = litmus::parseLitmus(text, "test.litmus", sink);
    for (const auto& d : sink.diagnostics()) {
        ADD_FAILURE() << formatDiagnostic(d);
    }
    return program ? solver::testDialect(*program) : Dialect::Kernel;
}

const char* kC11Test = R"(C c11
{}
P0(atomic_int *x) { atomic_store_explicit(x, 1, memory_order_relaxed); }
P1(atomic_int *x) { int r0 = atomic_load_explicit(x, memory_order_relaxed); }
exists (1:r0=1)
)";

const char* kKernelTest = R"(C kernel
{}
P0(int *x) { WRITE_ONCE(*x, 1); }
P1(int *x) { int r0 = READ_ONCE(*x); }
exists (1:r0=1)
)";

TEST(ModelChoice, AtomicParameterTypesMakeAC11Test) {
    EXPECT_EQ(dialectOf(kC11Test), Dialect::C11);
    EXPECT_EQ(dialectOf("C t\n{}\nP0(atomic_long *x, int *y) { *y = 1; }\nexists (y=1)\n"),
              Dialect::C11);
}

TEST(ModelChoice, C11FunctionsOrMemoryOrdersMakeAC11Test) {
    EXPECT_EQ(dialectOf("C t\n{}\nP0(int *x) { atomic_store(x, 1); }\nexists (x=1)\n"),
              Dialect::C11);
    EXPECT_EQ(dialectOf("C t\n{}\nP0(int *x) { int r0 = 0; if (r0 == 0) {\n"
                        "  atomic_thread_fence(memory_order_seq_cst); } }\nexists (0:r0=0)\n"),
              Dialect::C11);
}

TEST(ModelChoice, KernelTestsStayKernelTests) {
    EXPECT_EQ(dialectOf(kKernelTest), Dialect::Kernel);
    // The kernel's own atomic types and atomic_*() operations are not C11.
    EXPECT_EQ(dialectOf("C t\n{}\nP0(atomic_t *v) { atomic_inc(v); int r0 = atomic_read(v); }\n"
                        "exists (0:r0=1)\n"),
              Dialect::Kernel);
    // Plain accesses alone: the kernel's model, memx's default.
    EXPECT_EQ(dialectOf("C t\n{}\nP0(int *x) { *x = 1; }\nexists (x=1)\n"), Dialect::Kernel);
}

TEST(ModelChoice, BuiltinModelForEachDialect) {
    EXPECT_STREQ(solver::builtinModelFor(Dialect::C11), "rc11");
    EXPECT_STREQ(solver::builtinModelFor(Dialect::Kernel), "lkmm");
}

TEST(ModelChoice, WithoutAModelEachTestGetsItsDialectsModel) {
    auto c11 = runText("", kC11Test);
    EXPECT_EQ(c11.model, "rc11");
    auto kernel = runText("", kKernelTest);
    EXPECT_EQ(kernel.model, "lkmm");
    // The race rule shows which model ran: under rc11 a plain/atomic race is undefined.
    auto racy = runText("", R"(C c11-race
{}
P0(int *x) { *x = 1; }
P1(atomic_int *y, int *x) { int r0 = *x; }
exists (1:r0=1)
)");
    EXPECT_EQ(racy.model, "rc11");
    EXPECT_TRUE(racy.outcome.undefined);
}

TEST(ModelChoice, ANamedModelOverridesTheDialect) {
    auto underLkmm = runText("lkmm", kC11Test);
    EXPECT_EQ(underLkmm.model, "lkmm");
    auto underRc11 = runText("rc11", kKernelTest);
    EXPECT_EQ(underRc11.model, "rc11");
    DiagnosticSink sink;
    solver::ModelSelection named;
    named.builtin = "sc";
    auto sc = solver::loadModelSelection(named, sink);
    ASSERT_TRUE(sc);
    EXPECT_EQ(sc->name, "sc");
    EXPECT_EQ(sc->c11Model, nullptr);
}

TEST(ModelChoice, ACatFileOverridesTheDialect) {
    DiagnosticSink sink;
    solver::ModelSelection automatic;
    auto loaded = solver::loadModelSelection(automatic, sink);
    ASSERT_TRUE(loaded);
    ASSERT_NE(loaded->c11Model, nullptr);
    solver::ModelSelection byFile;
    byFile.catFile = loaded->c11Model->get().catFile;
    auto fromFile = solver::loadModelSelection(byFile, sink);
    ASSERT_TRUE(fromFile);
    EXPECT_EQ(fromFile->c11Model, nullptr);
    EXPECT_EQ(fromFile->name, loaded->c11Model->get().catFile.string());
}

}  // namespace
}  // namespace memx::rc11_test
