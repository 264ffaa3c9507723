// Loops as herd7 unrolls them (-unroll, cut executions, the Loop marker) and memx's own loops
// (for, do-while, break, continue), read by the real parser.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "event_test_support.hpp"
#include "litmus/parser.hpp"
#include "litmus/printer.hpp"
#include "model/events/primitives.hpp"

namespace memx::testing {
namespace {

litmus::Program parse(const std::string& text) {
    return parseText(text, "loop.litmus");
}

model::EventStructure buildWith(const litmus::Program& program, int unroll,
                                model::LoopReading loops = model::LoopReading::Herd) {
    DiagnosticSink sink;
    model::EventOptions options;
    options.unroll = unroll;
    options.loops = loops;
    auto es = model::buildEvents(program, model::lkmmPrimitives(), "loop.litmus", sink, options);
    for (const auto& d : sink.diagnostics()) {
        ADD_FAILURE() << formatDiagnostic(d);
    }
    return es ? *es : model::EventStructure{};
}

std::string withBody(const std::string& body) {
    return "C loop\n{}\nP0(int *x, int *y) {\n  int r0;\n  int i;\n" + body +
           "}\nexists (0:r0=1)\n";
}

const char* kSpin =
    "C spin\n{}\n"
    "P0(int *x, int *y) { WRITE_ONCE(*x, 1); WRITE_ONCE(*y, 1); }\n"
    "P1(int *x, int *y) {\n"
    "  int r0; int r1;\n"
    "  r0 = READ_ONCE(*y);\n"
    "  while (r0 == 0) { r0 = READ_ONCE(*y); }\n"
    "  r1 = READ_ONCE(*x);\n"
    "}\n"
    "exists (1:r1=0)\n";

TEST(LoopEvents, WhileRunsItsBodyUnrollTimesThenCuts) {
    for (int unroll : {0, 2, 4}) {
        auto es = buildWith(parse(kSpin), unroll);
        auto ev = threadEvents(es, 1);
        // The read before the loop, one per body, and the read of x after it.
        ASSERT_EQ(ev.size(), static_cast<std::size_t>(unroll + 2)) << unroll;
        ASSERT_EQ(es.loopCuts.size(), 1u);
        const model::SymId cut = es.loopCuts[0].guard;
        std::map<std::uint32_t, std::int64_t> zeros;
        for (std::size_t i = 0; i + 1 < ev.size(); ++i) {
            zeros[indexOf(es, ev[i])] = 0;
        }
        EXPECT_EQ(evaluate(es, cut, zeros), 1) << "every read of y saw 0: one more body";
        auto lastSeesFlag = zeros;
        lastSeesFlag[indexOf(es, ev[ev.size() - 2])] = 1;
        EXPECT_EQ(evaluate(es, cut, lastSeesFlag), 0);
        bool forbidden = false;
        for (const auto& [guard, fact] : es.assumptions) {
            forbidden = forbidden || (guard == cut && fact == 0);
        }
        EXPECT_TRUE(forbidden) << "the cut executions are dropped";
        // r1's read happens whatever the loop did, and depends on none of its reads.
        EXPECT_EQ(evaluate(es, ev.back()->guard), 1);
        for (std::size_t i = 0; i + 1 < ev.size(); ++i) {
            EXPECT_FALSE(hasEdge(es.ctrl, indexOf(es, ev[i]), indexOf(es, ev.back())));
        }
    }
}

TEST(LoopEvents, AByteGranularWaitsLastReadsAreTheBytesOfItsBodysRead) {
    // kSpin with two-byte locations, which make it byte-granular: one event per byte.
    std::string spin = kSpin;
    spin.replace(spin.find("{}"), 2, "{ u16 x = 0; u16 y = 0; }");
    for (std::size_t at; (at = spin.find("int *")) != std::string::npos;) {
        spin.replace(at, 5, "u16 *");
    }
    auto es = buildWith(parse(spin), 2, model::LoopReading::Await);
    ASSERT_TRUE(es.byteGranular());
    ASSERT_EQ(es.waits.size(), 1u);
    // P1's events: y's two bytes before the loop, y's two bytes in its one body, x's two bytes.
    auto ev = threadEvents(es, 1);
    ASSERT_EQ(ev.size(), 6u);
    std::vector<std::uint32_t> body{indexOf(es, ev[2]), indexOf(es, ev[3])};
    std::vector<std::uint32_t> lastReads = es.waits[0].lastReads;
    std::sort(lastReads.begin(), lastReads.end());
    std::sort(body.begin(), body.end());
    EXPECT_EQ(lastReads, body);
    for (std::uint32_t e : lastReads) {
        EXPECT_EQ(es.events[e].kind, model::EventKind::Read);
        EXPECT_EQ(es.events[e].size, 1u);
    }
}

TEST(LoopEvents, ControlDependenciesReachTheBody) {
    auto es = buildWith(parse(kSpin), 2);
    auto ev = threadEvents(es, 1);
    EXPECT_TRUE(hasEdge(es.ctrl, indexOf(es, ev[0]), indexOf(es, ev[1])));
    EXPECT_TRUE(hasEdge(es.ctrl, indexOf(es, ev[0]), indexOf(es, ev[2])));
    EXPECT_TRUE(hasEdge(es.ctrl, indexOf(es, ev[1]), indexOf(es, ev[2])));
}

TEST(LoopEvents, AConstantBoundCutsEverythingOrNothingAsHerd) {
    const std::string body = "  i = 0;\n  while (i < 3) { WRITE_ONCE(*x, i + 1); i = i + 1; }\n";
    auto cut = buildWith(parse(withBody(body)), 2);
    EXPECT_EQ(threadEvents(cut, 0).size(), 2u);
    ASSERT_EQ(cut.loopCuts.size(), 1u);
    EXPECT_EQ(evaluate(cut, cut.loopCuts[0].guard), 1) << "every execution needs a third body";
    auto whole = buildWith(parse(withBody(body)), 4);
    auto ev = threadEvents(whole, 0);
    ASSERT_EQ(ev.size(), 3u);
    EXPECT_TRUE(whole.loopCuts.empty()) << "the loop ends in time: no Loop marker";
    for (int k = 0; k < 3; ++k) {
        EXPECT_EQ(evaluate(whole, ev[k]->value), k + 1);
        EXPECT_EQ(evaluate(whole, ev[k]->guard), 1);
    }
}

TEST(LoopEvents, ForWithAConstantTripCountIsUnrolledExactly) {
    auto es = buildWith(parse(withBody("  for (i = 0; i < 8; i++) WRITE_ONCE(*x, i);\n")), 2);
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 8u);
    EXPECT_TRUE(es.loopCuts.empty());
    for (int k = 0; k < 8; ++k) {
        EXPECT_EQ(evaluate(es, ev[k]->value), k);
    }
    EXPECT_EQ(evaluate(es, es.finalRegisters.at(0).at("i")), 8);
}

TEST(LoopEvents, ForOnAReadValueIsCutLikeWhile) {
    auto es = buildWith(
        parse(withBody("  for (r0 = READ_ONCE(*x); r0 == 0; r0 = READ_ONCE(*x)) {}\n")), 2);
    EXPECT_EQ(threadEvents(es, 0).size(), 3u);
    EXPECT_EQ(es.loopCuts.size(), 1u);
}

TEST(LoopEvents, DoWhileRunsTheBodyBeforeTheFirstTest) {
    auto es = buildWith(parse(withBody("  do { r0 = READ_ONCE(*x); } while (r0 == 0);\n")), 2);
    // `do B while (c)` is `B; while (c) B`: one body free, then two before the cut.
    EXPECT_EQ(threadEvents(es, 0).size(), 3u);
    EXPECT_EQ(es.loopCuts.size(), 1u);
    auto once =
        buildWith(parse(withBody("  i = 5;\n  do { WRITE_ONCE(*x, i); } while (i < 3);\n")), 2);
    EXPECT_EQ(threadEvents(once, 0).size(), 1u);
    EXPECT_TRUE(once.loopCuts.empty());
}

TEST(LoopEvents, BreakAndContinueSkipTheRestOfTheBody) {
    auto es = buildWith(parse(withBody("  for (i = 0; i < 6; i++) {\n"
                                       "    if (i == 1) continue;\n"
                                       "    if (i == 4) break;\n"
                                       "    WRITE_ONCE(*x, i);\n"
                                       "  }\n")),
                        2);
    std::vector<std::int64_t> written;
    for (const model::SymEvent* e : threadEvents(es, 0)) {
        if (evaluate(es, e->guard) != 0) {
            written.push_back(evaluate(es, e->value));
        }
    }
    EXPECT_EQ(written, (std::vector<std::int64_t>{0, 2, 3}));
    EXPECT_EQ(evaluate(es, es.finalRegisters.at(0).at("i")), 4) << "i as the break left it";
}

TEST(LoopEvents, ABreakOnAReadValueLeavesWithThatValue) {
    auto es = buildWith(parse(withBody("  for (i = 0; i < 3; i++) {\n"
                                       "    r0 = READ_ONCE(*y);\n"
                                       "    if (r0 != 0) break;\n"
                                       "  }\n"
                                       "  WRITE_ONCE(*x, i);\n")),
                        2);
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 4u);  // three reads of y, then the write
    const auto r = [&](int k) { return indexOf(es, ev[k]); };
    EXPECT_EQ(evaluate(es, ev[3]->value, {{r(0), 0}, {r(1), 7}}), 1) << "left in the second body";
    EXPECT_EQ(evaluate(es, ev[2]->guard, {{r(0), 0}, {r(1), 7}}), 0) << "no third read";
    EXPECT_EQ(evaluate(es, ev[3]->value, {{r(0), 0}, {r(1), 0}, {r(2), 0}}), 3);
    EXPECT_EQ(evaluate(es, es.finalRegisters.at(0).at("r0"), {{r(0), 0}, {r(1), 7}}), 7);
    EXPECT_TRUE(es.loopCuts.empty()) << "three bodies at most, decided by constants";
}

TEST(LoopEvents, PrintedLoopsReadBackTheSame) {
    auto program =
        parse(withBody("  for (i = 0; i < 2; i++) { if (i) continue; break; }\n"
                       "  do { r0 = READ_ONCE(*x); } while (r0 == 0);\n"
                       "  while (r0 < 3) r0++;\n"));
    std::string printed = litmus::printProgram(program);
    EXPECT_EQ(parse(printed), program) << printed;
}

}  // namespace
}  // namespace memx::testing
