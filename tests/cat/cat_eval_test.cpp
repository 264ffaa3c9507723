// The cat interpreter on small hand-built executions: an SC model on SB and MP, native
// coherence enumeration, `with ... from`, recursion, functions, procedures, variants.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <string>

#include "graph_builder.hpp"
#include "model/cat/model.hpp"
#include "model_files.hpp"

namespace memx::cat {
namespace {

using testing::firstMessage;
using testing::GraphBuilder;
using testing::TempFolder;

const char* kScModel =
    "\"SC for tests\"\n"
    "let com = rf | co | fr\n"
    "acyclic po | com as sc\n";

std::vector<ExecutionVerdict> runAll(const Model& m, const model::ExecutionGraph& g,
                                     EvaluateOptions opts = {}) {
    std::vector<ExecutionVerdict> out;
    evaluate(m, g, opts, [&](const ExecutionVerdict& v) { out.push_back(v); });
    return out;
}

std::shared_ptr<const Model> load(const TempFolder& dir, const std::string& text,
                                  LoadOptions opts = {}) {
    DiagnosticSink sink;
    auto m = loadModel(dir.write("m.cat", text), std::nullopt, opts, sink);
    EXPECT_NE(m, nullptr) << firstMessage(sink);
    return m;
}

// SB: P0 writes x then reads y; P1 writes y then reads x.
model::ExecutionGraph storeBuffering(bool p0SeesY, bool p1SeesX) {
    GraphBuilder b;
    auto ix = b.init("x"), iy = b.init("y");
    auto wx = b.write(0, "x", 1);
    auto ry = b.read(0, "y", p0SeesY ? 1 : 0);
    auto wy = b.write(1, "y", 1);
    auto rx = b.read(1, "x", p1SeesX ? 1 : 0);
    b.rf(p0SeesY ? wy : iy, ry);
    b.rf(p1SeesX ? wx : ix, rx);
    b.finalWrite(wx);
    b.finalWrite(wy);
    return b.build();
}

TEST(CatEvalTest, ScForbidsStoreBufferingWeakOutcome) {
    TempFolder dir;
    auto m = load(dir, kScModel);
    ASSERT_TRUE(m);
    auto weak = runAll(*m, storeBuffering(false, false));
    ASSERT_EQ(weak.size(), 1U);  // one coherence order per location
    EXPECT_FALSE(weak[0].allowed);
    ASSERT_EQ(weak[0].checks.size(), 1U);
    EXPECT_EQ(weak[0].checks[0].name, "sc");
    EXPECT_FALSE(weak[0].checks[0].holds);
    auto strong = runAll(*m, storeBuffering(false, true));
    ASSERT_EQ(strong.size(), 1U);
    EXPECT_TRUE(strong[0].allowed);
}

TEST(CatEvalTest, ScOnMessagePassing) {
    TempFolder dir;
    auto m = load(dir, kScModel);
    ASSERT_TRUE(m);
    for (int flagSeen = 0; flagSeen < 2; ++flagSeen)
        for (int dataSeen = 0; dataSeen < 2; ++dataSeen) {
            GraphBuilder b;
            auto ix = b.init("x"), iy = b.init("y");
            auto wx = b.write(0, "x", 1);
            auto wy = b.write(0, "y", 1);
            auto ry = b.read(1, "y", flagSeen);
            auto rx = b.read(1, "x", dataSeen);
            b.rf(flagSeen ? wy : iy, ry);
            b.rf(dataSeen ? wx : ix, rx);
            b.finalWrite(wx);
            b.finalWrite(wy);
            auto v = runAll(*m, b.build());
            ASSERT_EQ(v.size(), 1U);
            EXPECT_EQ(v[0].allowed, !(flagSeen == 1 && dataSeen == 0))
                << "flag=" << flagSeen << " data=" << dataSeen;
        }
}

TEST(CatEvalTest, NativeCoherenceEnumeratesEveryMiddleOrder) {
    TempFolder dir;
    auto m = load(dir, "let c = co\nempty 0\n", {});
    ASSERT_TRUE(m);
    GraphBuilder b;
    b.init("x");
    b.write(0, "x", 1);
    b.write(1, "x", 2);
    auto w3 = b.write(2, "x", 3);
    b.finalWrite(w3);
    EvaluateOptions opts;
    opts.extraRelations = {"c"};
    auto v = runAll(*m, b.build(), opts);
    ASSERT_EQ(v.size(), 2U);  // IW first, w3 last, the two others in either order
    EXPECT_NE(v[0].relations.at("c"), v[1].relations.at("c"));
    EXPECT_EQ(v[0].relations.at("c").count(), 6U);  // a transitive order on 4 writes
}

TEST(CatEvalTest, EachNativeCoherenceOrderIsJudgedOnItsOwn) {
    // Two po-ordered writes to x: the first order generated (1 before 2) fails the axiom, the
    // second passes; a verdict carried over from the first would reject both.
    TempFolder dir;
    auto m = load(dir, "acyclic po^-1 | co as against-po\n");
    ASSERT_TRUE(m);
    GraphBuilder b;
    b.init("x");
    b.write(0, "x", 1);
    b.write(0, "x", 2);
    auto v = runAll(*m, b.build());
    ASSERT_EQ(v.size(), 2U);
    EXPECT_FALSE(v[0].allowed);
    EXPECT_TRUE(v[1].allowed);
    EXPECT_EQ(v[1].checks.size(), 1U);
}

TEST(CatEvalTest, WithFromForksOneExecutionPerChoice) {
    TempFolder dir;
    auto m = load(dir,
                  "with pick from linearisations(W \\ IW, 0)\n"
                  "flag ~empty pick as picked\n");
    ASSERT_TRUE(m);
    GraphBuilder b;
    b.write(0, "x", 1);
    b.write(0, "y", 1);
    b.write(1, "z", 1);
    auto v = runAll(*m, b.build());
    EXPECT_EQ(v.size(), 6U);  // 3! orders
    for (const auto& e : v) {
        EXPECT_EQ(e.flags, std::vector<std::string>{"picked"});
        EXPECT_EQ(e.withBindings.at("pick").count(), 3U);
    }
}

TEST(CatEvalTest, LetRecComputesTheLeastFixpoint) {
    TempFolder dir;
    auto m = load(dir,
                  "let rec reach = po | (reach ; po)\n"
                  "let closure = po+\n"
                  "empty reach \\ closure as sound\n"
                  "empty closure \\ reach as complete\n");
    ASSERT_TRUE(m);
    GraphBuilder b;
    for (int i = 0; i < 5; ++i)
        b.write(0, "x", i);
    auto v = runAll(*m, b.build());
    ASSERT_EQ(v.size(), 1U);
    EXPECT_TRUE(v[0].allowed);
    EXPECT_EQ(v[0].checks.size(), 2U);
}

TEST(CatEvalTest, FunctionsMatchMapTryAndProcedures) {
    TempFolder dir;
    auto m = load(dir,
                  "let twice(r) = r ; r\n"
                  "let pairs = map (fun p -> p ++ 0) po\n"  // a set of one-edge relations
                  "let size = match pairs with || {} -> 'none || _ ++ _ -> 'some end\n"
                  "let fallback = try not-a-name with po\n"
                  "procedure included(a, b) = empty a \\ b end\n"
                  "call included(twice(po), po) as po-transitive\n"
                  "flag ~empty fallback as has-po\n"
                  "let is-some = match size with 'some -> po || _ -> 0 end\n"
                  "flag empty is-some as none\n");
    ASSERT_TRUE(m);
    GraphBuilder b;
    b.write(0, "x", 1);
    b.write(0, "x", 2);
    b.write(0, "x", 3);
    auto v = runAll(*m, b.build());
    ASSERT_EQ(v.size(), 1U);
    EXPECT_TRUE(v[0].allowed);
    EXPECT_EQ(v[0].checks[0].name, "po-transitive");
    EXPECT_EQ(v[0].flags, std::vector<std::string>{"has-po"});
}

TEST(CatEvalTest, VariantsSelectIfBranches) {
    TempFolder dir;
    const char* text =
        "let r = if \"strong\" then po else 0\n"
        "if \"strong\" flag ~empty r as strong else flag empty r as weak end\n";
    LoadOptions strong;
    strong.variants = {"strong"};
    auto ms = load(dir, text, strong);
    auto mw = load(dir, text);
    ASSERT_TRUE(ms && mw);
    GraphBuilder b;
    b.write(0, "x", 1);
    b.write(0, "x", 2);
    EXPECT_EQ(runAll(*ms, b.build())[0].flags, std::vector<std::string>{"strong"});
    EXPECT_EQ(runAll(*mw, b.build())[0].flags, std::vector<std::string>{"weak"});
}

TEST(CatEvalTest, TagSetsUseHerdsCapitalisedNames) {
    TempFolder dir;
    auto m = load(dir,
                  "enum Fences = 'rmb || 'rcu-lock || 'ONCE\n"
                  "flag ~empty Rmb as rmb\n"
                  "flag ~empty Rcu-lock as rcu\n"
                  "flag ~empty ONCE as once\n"
                  "flag ~empty fencerel(Rmb) as ordered\n");
    ASSERT_TRUE(m);
    EXPECT_EQ(modelInterface(*m).enums.at("Fences").size(), 3U);
    GraphBuilder b;
    b.read(0, "x", 0, {"ONCE"});
    b.fence(0, {"rmb"});
    b.read(0, "y", 0);
    auto v = runAll(*m, b.build());
    EXPECT_EQ(v[0].flags, (std::vector<std::string>{"rmb", "once", "ordered"}));
}

TEST(CatEvalTest, UndefinedUnlessRecordsWithoutRejecting) {
    TempFolder dir;
    auto m = load(dir, "undefined_unless empty po as no-po\nacyclic po as order\n");
    ASSERT_TRUE(m);
    GraphBuilder b;
    b.write(0, "x", 1);
    b.write(0, "x", 2);
    auto v = runAll(*m, b.build());
    EXPECT_TRUE(v[0].allowed);
    EXPECT_EQ(v[0].undefinedChecks, std::vector<std::string>{"no-po"});
}

// EvaluateOptions::checkpoint: one evaluation that never reaches an execution (a recursive
// function that counts down a million steps) still hears the checkpoint, and an exception
// thrown from it leaves evaluate without an execution reported.
struct Abandon {};

TEST(CatEvalTest, ACheckpointIsHeardInsideOneLongEvaluation) {
    TempFolder dir;
    // Each call removes one event from an 18-event set and recurses twice on the rest: about
    // 2^19 calls before the first (and only) verdict, far more than three checkpoints' worth.
    auto m = load(dir,
                  "let rec walk s = match s with || {} -> 0 || e ++ rest -> "
                  "walk rest | walk rest | 0 end\n"
                  "let big = walk M\n"
                  "empty big as nothing\n");
    ASSERT_TRUE(m);
    GraphBuilder b;
    for (int k = 0; k < 18; ++k)
        b.write(0, "x" + std::to_string(k), 1);
    int calls = 0;
    EvaluateOptions opts;
    opts.checkpoint = [&] {
        if (++calls == 3)
            throw Abandon{};
    };
    int executions = 0;
    EXPECT_THROW(evaluate(*m, b.build(), opts, [&](const ExecutionVerdict&) { ++executions; }),
                 Abandon);
    EXPECT_EQ(calls, 3);
    EXPECT_EQ(executions, 0);
}

TEST(CatEvalTest, ACheckpointIsHeardPerLinearisationAndPerWithChoice) {
    TempFolder dir;
    // 8 unordered writes have 8! = 40320 linearisations; each is a `with` choice too.
    auto m = load(dir, "with order from linearisations(W, 0)\nacyclic order as total\n");
    ASSERT_TRUE(m);
    GraphBuilder b;
    for (int k = 0; k < 8; ++k)
        b.write(k, "x" + std::to_string(k), 1);
    std::uint64_t calls = 0;
    EvaluateOptions opts;
    opts.checkpoint = [&] { ++calls; };
    std::uint64_t executions = 0;
    evaluate(*m, b.build(), opts, [&](const ExecutionVerdict&) { ++executions; });
    EXPECT_EQ(executions, 40320U);
    // At least once per order built and once per choice taken.
    EXPECT_GE(calls, 2 * executions);
}

// herd's library recurses once per element of a set; OCaml runs those tail calls in constant
// stack, memx's evaluator in C++ frames, on a deep stack of its own (deep_stack.hpp).
TEST(CatEvalTest, ARecursionOverFortyThousandElementsFitsTheEvaluationStack) {
    TempFolder dir;
    // 8 unordered writes have 8! = 40320 linearisations; `count` takes them apart one per call.
    auto m = load(dir,
                  "let rec count (s, acc) = match s with || {} -> acc "
                  "|| x ++ rest -> count (rest, x | acc) end\n"
                  "let all = count (linearisations (W, 0), 0)\n"
                  "flag ~empty all as some-order\n");
    ASSERT_TRUE(m);
    GraphBuilder b;
    for (int k = 0; k < 8; ++k)
        b.write(k, "x" + std::to_string(k), 1);
    auto v = runAll(*m, b.build());
    ASSERT_EQ(v.size(), 1U);
    EXPECT_EQ(v[0].flags, std::vector<std::string>{"some-order"});
}

// A closure made under `try` that reads a name with no value, called outside every `try`: a
// located error (the cat fuzzer's crash: the exception meant for a `try` ended the process).
TEST(CatEvalTest, AnOptionalNameReadOutsideEveryTryIsALocatedError) {
    TempFolder dir;
    DiagnosticSink sink;
    auto m = loadModel(dir.write("m.cat",
                                 "let f = try (fun x -> Nosuchset) with (fun x -> 0)\n"
                                 "let r = f 0\n"),
                       std::nullopt, {}, sink);
    EXPECT_FALSE(m);
    ASSERT_FALSE(sink.diagnostics().empty());
    EXPECT_NE(sink.diagnostics()[0].message.find("'Nosuchset' has no value"), std::string::npos)
        << sink.diagnostics()[0].message;
    EXPECT_EQ(sink.diagnostics()[0].range.begin.line, 1U);
}

TEST(CatEvalTest, EndlessRecursionIsALocatedErrorNotACrash) {
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer cannot unwind an exception thrown from deeper than 64 MB of stack
    // (google/sanitizers#189: it aborts in __asan_handle_no_return); this test throws from
    // the bottom of the 256 MB evaluation stack on purpose.
    GTEST_SKIP() << "an exception from a stack deeper than 64 MB is beyond AddressSanitizer";
#endif
    TempFolder dir;
    // Endless on any non-empty set (it puts back what it takes); the load's dry run on the
    // empty execution ends.
    auto m = load(dir,
                  "let rec forever s = match s with || {} -> 0 "
                  "|| e ++ rest -> forever (e ++ rest) end\n"
                  "let r = forever W\n");
    ASSERT_TRUE(m);
    GraphBuilder b;
    b.write(0, "x", 1);
    try {
        runAll(*m, b.build());
        FAIL() << "an endless recursion returned";
    } catch (const EvalError& e) {
        EXPECT_NE(e.diagnostic().message.find("nested too deeply"), std::string::npos)
            << e.diagnostic().message;
        EXPECT_EQ(e.diagnostic().range.begin.line, 1U);
    }
}

// memx check runs each test in a child made by fork(), which inherits the parent's deep-stack
// worker object but not its thread; the child must get a worker of its own, not wait forever.
TEST(CatEvalTest, EvaluationWorksInAForkedChildOfAnEvaluatingParent) {
    TempFolder dir;
    auto m = load(dir, kScModel);
    ASSERT_TRUE(m);
    ASSERT_EQ(runAll(*m, storeBuffering(false, true)).size(), 1U);  // the parent's worker
    pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        std::size_t n = 0;
        evaluate(*m, storeBuffering(false, false), {}, [&](const ExecutionVerdict&) { ++n; });
        ::_exit(n == 1 ? 0 : 1);
    }
    int status = 0;
    for (int waited = 0; waited < 200 && ::waitpid(child, &status, WNOHANG) == 0; ++waited)
        ::usleep(50 * 1000);
    if (::waitpid(child, &status, WNOHANG) == 0) {
        ::kill(child, SIGKILL);
        ::waitpid(child, &status, 0);
        FAIL() << "the forked child's evaluation did not finish in 10 s";
    }
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
}  // namespace memx::cat
