// The kernel's model (linux-kernel.cat + .bell, variant lkmmv2) and herd's rc11.cat, read from
// ../shared at run time, load cleanly and give herd's verdicts on classic executions.
#include <gtest/gtest.h>

#include <filesystem>

#include "graph_builder.hpp"
#include "lkmm_graphs.hpp"
#include "model/cat/model.hpp"
#include "model_files.hpp"

namespace memx::cat {
namespace {

namespace fs = std::filesystem;
using testing::firstMessage;
using testing::GraphBuilder;

fs::path upstream() {
    return fs::path(MEMX_SHARED_DIR) / "lkmm-upstream";
}

std::shared_ptr<const Model> loadUpstream(const std::string& cat,
                                          std::vector<std::string> variants) {
    DiagnosticSink sink;
    LoadOptions opts;
    opts.includeDirs = {upstream() / "herd-lib"};
    opts.variants = std::move(variants);
    auto m = loadModel(upstream() / cat, std::nullopt, opts, sink);
    EXPECT_TRUE(sink.diagnostics().empty()) << firstMessage(sink);
    return m;
}

class UpstreamModelTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (!fs::exists(upstream() / "linux-kernel.cat"))
            GTEST_SKIP() << "shared model files not found at " << upstream()
                         << " (set MEMX_SHARED_DIR)";
    }
};

struct Summary {
    int executions = 0;
    int allowed = 0;
    std::vector<std::string> failedAxioms;  // first failing axiom of each rejected execution
    std::vector<std::string> flags;         // flags of allowed executions
};

Summary summarise(const Model& m, const model::ExecutionGraph& g) {
    Summary s;
    evaluate(m, g, {}, [&](const ExecutionVerdict& v) {
        ++s.executions;
        if (v.allowed) {
            ++s.allowed;
            for (const auto& f : v.flags)
                s.flags.push_back(f);
            return;
        }
        for (const auto& c : v.checks)
            if (c.mode == CheckMode::Axiom && !c.holds) {
                s.failedAxioms.push_back(c.name);
                break;
            }
    });
    return s;
}

TEST_F(UpstreamModelTest, LinuxKernelModelLoadsWithItsBell) {
    auto m = loadUpstream("linux-kernel.cat", {"lkmmv2"});
    ASSERT_TRUE(m);
    EXPECT_EQ(modelTitle(*m), "Linux-kernel memory consistency model");
    const auto& iface = modelInterface(*m);
    ASSERT_TRUE(iface.enums.count("Barriers"));
    EXPECT_EQ(iface.enums.at("Accesses").front(), "ONCE");
    EXPECT_EQ(iface.instructions.at("F"), std::vector<std::string>{"Barriers"});
}

TEST_F(UpstreamModelTest, Rc11LoadsWithoutDiagnostics) {
    auto m = loadUpstream("herd-lib/rc11.cat", {});
    ASSERT_TRUE(m);
    EXPECT_EQ(modelTitle(*m), "RC11");
}

TEST_F(UpstreamModelTest, ReleaseAcquireMessagePassingForbidsOnlyTheStaleRead) {
    auto m = loadUpstream("linux-kernel.cat", {"lkmmv2"});
    ASSERT_TRUE(m);
    for (int r0 = 0; r0 < 2; ++r0)
        for (int r1 = 0; r1 < 2; ++r1) {
            Summary s = summarise(*m, testing::messagePassingReleaseAcquire(r0, r1));
            EXPECT_EQ(s.executions, 1) << r0 << r1;  // one co per location (IW, then FW)
            if (r0 == 1 && r1 == 0) {
                EXPECT_EQ(s.allowed, 0);
                EXPECT_EQ(s.failedAxioms, std::vector<std::string>{"happens-before"});
            } else {
                EXPECT_EQ(s.allowed, 1) << "r0=" << r0 << " r1=" << r1;
                EXPECT_TRUE(s.flags.empty());
            }
        }
}

TEST_F(UpstreamModelTest, StoreBufferingWithMbIsRejectedByPropagation) {
    auto m = loadUpstream("linux-kernel.cat", {"lkmmv2"});
    ASSERT_TRUE(m);
    Summary weak = summarise(*m, testing::storeBufferingMb(0, 0));
    EXPECT_EQ(weak.allowed, 0);
    EXPECT_EQ(weak.failedAxioms, std::vector<std::string>{"propagation"});
    Summary fine = summarise(*m, testing::storeBufferingMb(0, 1));
    EXPECT_EQ(fine.allowed, 1);
}

TEST_F(UpstreamModelTest, PlainAccessesRaceAndRaiseDataRace) {
    auto m = loadUpstream("linux-kernel.cat", {"lkmmv2"});
    ASSERT_TRUE(m);
    for (int r0 = 0; r0 < 2; ++r0) {
        Summary s = summarise(*m, testing::plainRace(r0));
        EXPECT_EQ(s.allowed, 1);
        EXPECT_EQ(s.flags, std::vector<std::string>{"data-race"});
    }
    // Marked accesses do not race.
    GraphBuilder b;
    auto ix = b.init("x");
    auto wx = b.write(0, "x", 1, {"ONCE"});
    auto rx = b.read(1, "x", 0, {"ONCE"});
    b.rf(ix, rx);
    b.finalWrite(wx);
    Summary marked = summarise(*m, b.build());
    EXPECT_EQ(marked.allowed, 1);
    EXPECT_TRUE(marked.flags.empty());
}

TEST_F(UpstreamModelTest, WithoutLkmmv2TheModelFlagsItsVariant) {
    auto m = loadUpstream("linux-kernel.cat", {});
    ASSERT_TRUE(m);
    Summary s = summarise(*m, testing::messagePassingReleaseAcquire(0, 0));
    EXPECT_EQ(s.flags, std::vector<std::string>{"this-model-requires-variant-higher-than-lkmmv1"});
}

TEST_F(UpstreamModelTest, LkmmCoherenceIsEnumeratedByCosOpt) {
    auto m = loadUpstream("linux-kernel.cat", {"lkmmv2"});
    ASSERT_TRUE(m);
    // Three writes to x from three threads, the last one final: 2 coherence orders.
    GraphBuilder b;
    b.init("x");
    b.write(0, "x", 1, {"ONCE"});
    b.write(1, "x", 2, {"ONCE"});
    auto w3 = b.write(2, "x", 3, {"ONCE"});
    b.finalWrite(w3);
    Summary s = summarise(*m, b.build());
    EXPECT_EQ(s.executions, 2);
    EXPECT_EQ(s.allowed, 2);
}

TEST_F(UpstreamModelTest, Rc11ForbidsScStoreBufferingAndFlagsNonAtomicRaces) {
    auto m = loadUpstream("herd-lib/rc11.cat", {});
    ASSERT_TRUE(m);
    auto sb = [](std::vector<std::string> tags, int r0, int r1) {
        GraphBuilder b;
        auto ix = b.init("x"), iy = b.init("y");
        auto wx = b.write(0, "x", 1, tags);
        auto ry = b.read(0, "y", r0, tags);
        auto wy = b.write(1, "y", 1, tags);
        auto rx = b.read(1, "x", r1, tags);
        b.rf(r0 ? wy : iy, ry);
        b.rf(r1 ? wx : ix, rx);
        b.finalWrite(wx);
        b.finalWrite(wy);
        return b.build();
    };
    Summary weak = summarise(*m, sb({"SC", "A"}, 0, 0));
    EXPECT_EQ(weak.allowed, 0);
    EXPECT_EQ(weak.failedAxioms, std::vector<std::string>{"SC"});
    Summary relaxed = summarise(*m, sb({"RLX", "A"}, 0, 0));
    EXPECT_EQ(relaxed.allowed, 1);
    int undefined = 0;
    evaluate(*m, sb({"NA"}, 0, 1), {}, [&](const ExecutionVerdict& v) {
        undefined += v.undefinedChecks == std::vector<std::string>{"Dr"} ? 1 : 0;
    });
    EXPECT_EQ(undefined, 1);
}

}  // namespace
}  // namespace memx::cat

namespace memx::cat {
namespace {

// herd-lib/cross.cat's `cross` picks one element from each set: {{a,b},{c}} gives a|c, b|c.
TEST_F(UpstreamModelTest, CrossOfHerdLibPicksOneElementPerSet) {
    testing::TempFolder dir;
    DiagnosticSink sink;
    LoadOptions opts;
    opts.includeDirs = {upstream() / "herd-lib"};
    auto m = loadModel(dir.write("m.cat",
                                 "include \"cross.cat\"\n"
                                 "let one r = r ++ 0\n"
                                 "let choices = map (fun e -> map one ((W * {e}) & loc)) R\n"
                                 "with pick from cross(choices)\n"),
                       std::nullopt, opts, sink);
    ASSERT_TRUE(m) << firstMessage(sink);
    GraphBuilder b;
    b.init("x");
    b.init("y");
    b.write(0, "x", 1);
    b.read(1, "x", 0);
    b.read(1, "y", 0);
    std::vector<std::size_t> sizes;
    evaluate(*m, b.build(), {}, [&](const ExecutionVerdict& v) {
        sizes.push_back(v.withBindings.at("pick").count());
    });
    // x's read has two possible writes, y's read one: two picks of two edges each.
    EXPECT_EQ(sizes, (std::vector<std::size_t>{2, 2}));
}

}  // namespace
}  // namespace memx::cat

namespace memx::cat {
namespace {

// Under variant cos-opt, herd-lib's cos.cat reads herd's natively computed `pco`; memx computes
// it too, so the coherence orders (and verdicts) match the plain enumeration.
TEST_F(UpstreamModelTest, Rc11CosOptVariantEnumeratesTheSameCoherenceOrders) {
    auto plain = loadUpstream("herd-lib/rc11.cat", {});
    auto opt = loadUpstream("herd-lib/rc11.cat", {"cos-opt"});
    ASSERT_TRUE(plain && opt);
    GraphBuilder b;
    auto ix = b.init("x");
    auto w1 = b.write(0, "x", 1, {"RLX", "A"});
    auto r = b.read(0, "x", 0, {"RLX", "A"});  // reads the initial value after its own write
    b.write(1, "x", 2, {"RLX", "A"});
    auto w3 = b.write(1, "x", 3, {"RLX", "A"});
    b.rf(ix, r);
    b.finalWrite(w3);
    (void)w1;
    Summary a = summarise(*plain, b.build());
    Summary c = summarise(*opt, b.build());
    EXPECT_EQ(a.allowed, 0);  // reading the initial write after one's own write is incoherent
    EXPECT_EQ(c.allowed, a.allowed);
    // Without the write-read-after-own-write, both give the same two orders of w1 and 2.
    GraphBuilder b2;
    b2.init("x");
    b2.write(0, "x", 1, {"RLX", "A"});
    b2.write(1, "x", 2, {"RLX", "A"});
    auto last = b2.write(1, "x", 3, {"RLX", "A"});
    b2.finalWrite(last);
    EXPECT_EQ(summarise(*plain, b2.build()).allowed, 2);
    EXPECT_EQ(summarise(*opt, b2.build()).allowed, 2);
}

}  // namespace
}  // namespace memx::cat
