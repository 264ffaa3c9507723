// Events of small litmus texts read by the real parser, so positions and the parser's AST
// shapes (ATOMIC_INIT, spinlock_t, casts, nested ifs) are covered end to end.
#include <gtest/gtest.h>

#include "event_test_support.hpp"
#include "litmus/parser.hpp"

namespace memx::testing {
namespace {

litmus::Program parse(const char* text) {
    DiagnosticSink sink;
    auto p = litmus::parseLitmus(text, "mine.litmus", sink);
    for (const auto& d : sink.diagnostics()) {
        ADD_FAILURE() << formatDiagnostic(d, text);
    }
    return p ? *p : litmus::Program{};
}

TEST(ParsedPrograms, TrylockGuardsTheCriticalSection) {
    auto program = parse(
        "C trylock\n"
        "{ atomic_t v = ATOMIC_INIT(2); spinlock_t s; }\n"
        "P0(atomic_t *v, spinlock_t *s) {\n"
        "  int r0 = 0;\n"
        "  if (spin_trylock(s)) {\n"
        "    r0 = atomic_dec_and_test(v);\n"
        "    spin_unlock(s);\n"
        "  }\n"
        "}\n"
        "exists (0:r0=1)\n");
    auto es = build(program);
    ASSERT_EQ(es.locations.locations.size(), 2u);
    EXPECT_EQ(evaluate(es, es.locations.locations[0].initialValue), 2);
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 6u);
    const char* sets[] = {"LK,LKR", "LK,LKW", "LF", "MB,R,RMW", "MB,RMW,W", "UL"};
    for (std::size_t i = 0; i < ev.size(); ++i) {
        EXPECT_EQ(setsOf(*ev[i]), sets[i]) << i;
    }
    const auto rmwRead = indexOf(es, ev[3]);
    for (int c = 0; c <= 1; ++c) {
        EXPECT_EQ(evaluate(es, ev[3]->guard, {}, {{0, c}}), c) << "critical section runs iff";
        EXPECT_EQ(evaluate(es, ev[5]->guard, {}, {{0, c}}), c);
        EXPECT_EQ(evaluate(es, ev[2]->guard, {}, {{0, c}}), 1 - c);
    }
    const auto r0 = es.finalRegisters.at(0).at("r0");
    EXPECT_EQ(evaluate(es, r0, {{rmwRead, 1}}, {{0, 1}}), 1);
    EXPECT_EQ(evaluate(es, r0, {{rmwRead, 2}}, {{0, 1}}), 0);
    EXPECT_EQ(evaluate(es, r0, {{rmwRead, 1}}, {{0, 0}}), 0);
    EXPECT_TRUE(es.ctrl.empty()) << "a trylock result carries no dependency";
}

TEST(ParsedPrograms, PointerChasingThroughCastsAndInitAddresses) {
    auto program = parse(
        "C chase\n"
        "{ x1=y1; }\n"
        "P0(intptr_t *x1) {\n"
        "  intptr_t r1 = (intptr_t)rcu_dereference(*(intptr_t **)x1);\n"
        "  smp_store_release((intptr_t *)r1, 5);\n"
        "}\n"
        "exists (0:r1=y1)\n");
    auto es = build(program);
    ASSERT_EQ(es.locations.locations.size(), 2u);
    EXPECT_EQ(es.locations.locations[1].name, "y1");
    auto ev = threadEvents(es, 0);
    ASSERT_EQ(ev.size(), 2u);
    EXPECT_EQ(setsOf(*ev[0]), "ONCE,R");
    EXPECT_EQ(setsOf(*ev[1]), "RELEASE,W");
    EXPECT_TRUE(hasEdge(es.addr, indexOf(es, ev[0]), indexOf(es, ev[1])));
    const auto y1 = model::LocationTable::addressOf(1);
    EXPECT_EQ(evaluate(es, ev[1]->address, {{indexOf(es, ev[0]), y1}}), y1);
}

TEST(ParsedPrograms, BuilderDiagnosticsCarryTheParsersPositions) {
    const char* text =
        "C nodereference\n"
        "{}\n"
        "P0(int *x) {\n"
        "  int r0 = READ_ONCE(x);\n"
        "}\n"
        "exists (0:r0=0)\n";
    auto program = parse(text);
    DiagnosticSink sink;
    auto es = model::buildEvents(program, model::lkmmPrimitives(), "mine.litmus", sink);
    EXPECT_FALSE(es.has_value());
    ASSERT_EQ(sink.diagnostics().size(), 1u);
    std::string d = formatDiagnostic(sink.diagnostics()[0], text);
    EXPECT_NE(d.find("mine.litmus:4:22"), std::string::npos) << d;
    EXPECT_NE(d.find("must be a dereference"), std::string::npos) << d;
}

}  // namespace
}  // namespace memx::testing
