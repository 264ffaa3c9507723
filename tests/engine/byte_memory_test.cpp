// Byte-granular tests end to end (docs/byte-memory.md): torn reads observable with plain
// accesses and not with READ_ONCE, single-copy atomicity, si and torn in the execution graphs,
// composed final values, per-byte races, and the --endian/--usercopy options.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "solver/test_pipeline.hpp"

namespace memx::solver {
namespace {

TestRun run(const std::string& text, model::EventOptions events = {}, bool keepExecutions = false) {
    ModelSelection selection;
    selection.builtin = "lkmm";
    selection.events = events;
    DiagnosticSink sink;
    auto loaded = loadModelSelection(selection, sink);
    if (!loaded) {
        ADD_FAILURE() << "cannot load the built-in lkmm";
        return {};
    }
    RunOptions options;
    options.keepExecutions = keepExecutions;
    auto result = runLitmusText(text, "bytes.litmus", *loaded, options, sink);
    for (const auto& d : sink.diagnostics()) {
        ADD_FAILURE() << formatDiagnostic(d, text);
    }
    return result ? *result : TestRun{};
}

// A 4-byte reader against a 4-byte WRITE_ONCE, with the reader's access in `load`.
std::string tornTest(const std::string& load) {
    return "C torn\n{ u32 x = 0; }\n"
           "P0(u32 *x) { u32 r0 = " +
           load +
           "; }\n"
           "P1(u32 *x) { WRITE_ONCE(*x, 0x01010101); }\n"
           "exists (0:r0=0x00010001)\n";
}

TEST(ByteMemory, APlainFourByteLoadCanTearAndRaces) {
    auto r = run(tornTest("*x"));
    EXPECT_GT(r.outcome.positive, 0u);
    EXPECT_EQ(r.outcome.states.size(), 16u);  // every mix of old and new bytes
    EXPECT_TRUE(r.outcome.flags.count("torn-read"));
    EXPECT_TRUE(r.outcome.flags.count("data-race"));
}

TEST(ByteMemory, ReadOnceIsSingleCopyAtomicAgainstWriteOnce) {
    auto r = run(tornTest("READ_ONCE(*x)"));
    EXPECT_EQ(r.outcome.positive, 0u);
    EXPECT_EQ(r.outcome.states.size(), 2u);  // all old or all new
    EXPECT_FALSE(r.outcome.flags.count("torn-read"));
    EXPECT_FALSE(r.outcome.flags.count("data-race"));
}

TEST(ByteMemory, AMisalignedReadOnceMayTear) {
    auto r =
        run("C misaligned\n{ u8 buf[8]; }\n"
            "P0(u8 *buf) { u32 r0 = READ_ONCE(*(u32 *)(buf + 2)); }\n"
            "P1(u8 *buf) { WRITE_ONCE(*(u32 *)(buf + 2), 0x01010101); }\n"
            "exists (0:r0=0x00000101)\n");
    EXPECT_GT(r.outcome.positive, 0u);
    EXPECT_TRUE(r.outcome.flags.count("torn-read"));
}

TEST(ByteMemory, GraphsCarrySiAndTorn) {
    auto r = run(tornTest("*x"), {}, true);
    ASSERT_FALSE(r.outcome.executions.empty());
    bool sawTorn = false, sawWhole = false;
    for (const auto& e : r.outcome.executions) {
        const auto& g = e.graph;
        ASSERT_TRUE(g.relations.count("si"));
        ASSERT_TRUE(g.sets.count("torn"));
        // Init (4 bytes), P0's read (4 bytes), P1's write (4 bytes).
        ASSERT_EQ(g.size(), 12u);
        const auto& si = g.relations.at("si");
        std::size_t pairs = 0;
        for (std::size_t a = 0; a < g.size(); ++a) {
            for (std::size_t b = 0; b < g.size(); ++b) {
                if (si.contains(static_cast<model::EventIndex>(a),
                                static_cast<model::EventIndex>(b))) {
                    ++pairs;
                    EXPECT_EQ(g.events[a].thread, g.events[b].thread);
                }
            }
        }
        EXPECT_EQ(pairs, 3u * 16u);  // three groups of four bytes
        const auto tornCount = g.sets.at("torn").elements().size();
        EXPECT_TRUE(tornCount == 0 || tornCount == 4);
        sawTorn = sawTorn || tornCount == 4;
        sawWhole = sawWhole || tornCount == 0;
    }
    EXPECT_TRUE(sawTorn);
    EXPECT_TRUE(sawWhole);
}

TEST(ByteMemory, NonByteTestsHaveNoSiNorTorn) {
    auto r =
        run("C plain\n{}\nP0(int *x) { WRITE_ONCE(*x, 1); }\n"
            "P1(int *x) { int r0 = READ_ONCE(*x); }\nexists (1:r0=1)\n",
            {}, true);
    ASSERT_FALSE(r.outcome.executions.empty());
    EXPECT_FALSE(r.outcome.executions[0].graph.relations.count("si"));
    EXPECT_FALSE(r.outcome.executions[0].graph.sets.count("torn"));
}

TEST(ByteMemory, FinalValuesAreComposedFromBytes) {
    const std::string text =
        "C compose\n{ u8 buf[4] = {1, 2, 3, 4}; u32 w = 0; }\n"
        "P0(u8 *buf, u32 *w) { memcpy(w, buf, 4); buf[1] = 9; }\n"
        "exists (w=0x04030201 /\\ buf[1]=9 /\\ buf[3]=4)\n";
    auto little = run(text);
    EXPECT_EQ(little.outcome.negative, 0u);
    EXPECT_GT(little.outcome.positive, 0u);
    model::EventOptions big;
    big.bigEndian = true;
    auto r = run(text, big);
    EXPECT_EQ(r.outcome.positive, 0u);  // big-endian: w is 0x01020304
    ASSERT_EQ(r.outcome.states.size(), 1u);
    EXPECT_NE(r.outcome.states.begin()->text().find("w=16909060"), std::string::npos)
        << r.outcome.states.begin()->text();
}

TEST(ByteMemory, RacesArePerByte) {
    auto disjoint =
        run("C disjoint\n{ u8 buf[2]; }\nP0(u8 *buf) { buf[0] = 1; }\n"
            "P1(u8 *buf) { buf[1] = 2; }\nexists (buf[0]=1 /\\ buf[1]=2)\n");
    EXPECT_FALSE(disjoint.outcome.flags.count("data-race"));
    auto overlapping =
        run("C overlapping\n{ u16 x; }\nP0(u16 *x) { *x = 0x0303; }\n"
            "P1(u8 *x) { *(x + 1) = 5; }\nexists (x=0x0503)\n");
    EXPECT_TRUE(overlapping.outcome.flags.count("data-race"));
    EXPECT_GT(overlapping.outcome.positive, 0u);
}

TEST(ByteMemory, UserCopyModes) {
    const std::string text =
        "C cfu\n{ u16 u; u16 k; }\nP0(u16 *k, u16 *u) { copy_from_user(k, u, 2); }\n"
        "external P1(u16 *u) { *u = 0x0101; }\nexists (k=0x0001)\n";
    auto assembly = run(text);
    EXPECT_GT(assembly.outcome.positive, 0u);
    EXPECT_FALSE(assembly.outcome.flags.count("data-race"));
    EXPECT_TRUE(assembly.outcome.flags.count("torn-read"));
    model::EventOptions plain;
    plain.userCopy = model::UserCopyMode::Plain;
    auto conservative = run(text, plain);
    EXPECT_TRUE(conservative.outcome.flags.count("data-race"));
}

TEST(ByteMemory, ACopyOfOneWritersByteIsNotTorn) {
    auto r =
        run("C onebyte\n{ u32 src; u32 dst; }\n"
            "P0(u32 *dst, u32 *src) { atomic_bytewise_memcpy(dst, src, 4); }\n"
            "P1(u8 *src) { WRITE_ONCE(*src, 1); }\nexists (dst=1)\n");
    EXPECT_GT(r.outcome.positive, 0u);
    EXPECT_FALSE(r.outcome.flags.count("torn-read"));
    EXPECT_FALSE(r.outcome.flags.count("data-race"));
}

TEST(ByteMemory, AnyCatModelSeesSiAndTornEvenWhenEmpty) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("memx-byte-memory-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto cat = dir / "bytes.cat";
    std::ofstream(cat) << "\"si and torn\"\n"
                          "flag ~empty (si \\ id) as multi-byte\n"
                          "flag ~empty torn as torn-read\n";
    ModelSelection selection;
    selection.catFile = cat;
    DiagnosticSink sink;
    auto loaded = loadModelSelection(selection, sink);
    ASSERT_TRUE(loaded) << (sink.diagnostics().empty() ? "" : sink.diagnostics()[0].message);
    auto runWith = [&](const std::string& text) {
        auto r = runLitmusText(text, "bytes.litmus", *loaded, {}, sink);
        EXPECT_TRUE(r);
        return r ? r->outcome.flags : std::set<std::string>{};
    };
    auto bytes = runWith(tornTest("*x"));
    EXPECT_TRUE(bytes.count("multi-byte"));
    EXPECT_TRUE(bytes.count("torn-read"));
    auto plain = runWith(
        "C plain\n{}\nP0(int *x) { WRITE_ONCE(*x, 1); }\n"
        "P1(int *x) { int r0 = READ_ONCE(*x); }\nexists (1:r0=1)\n");
    EXPECT_TRUE(plain.empty());
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace memx::solver
