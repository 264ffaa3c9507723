// Errors become diagnostics with the offending node's file:line:column.
#include <gtest/gtest.h>

#include "event_test_support.hpp"

namespace memx::testing {
namespace {

using namespace ast;

// Builds P0(int *x) { <stmt> } and returns the single diagnostic's text.
std::string diagnose(litmus::StmtPtr stmt, bool* built = nullptr) {
    litmus::Program p;
    p.threads.push_back(thread(0, {"x"}, {std::move(stmt)}));
    DiagnosticSink sink;
    auto es = model::buildEvents(p, model::lkmmPrimitives(), "bad.litmus", sink);
    if (built != nullptr) {
        *built = es.has_value();
    }
    EXPECT_FALSE(es.has_value());
    EXPECT_EQ(sink.diagnostics().size(), 1u);
    return sink.diagnostics().empty() ? "" : formatDiagnostic(sink.diagnostics()[0]);
}

TEST(Diagnostics, UnknownPrimitiveWithPosition) {
    std::string d = diagnose(expr(call("READ_TWICE", {deref(id("x"))}, 4, 3)));
    EXPECT_NE(d.find("bad.litmus:4:3"), std::string::npos) << d;
    EXPECT_NE(d.find("unknown primitive 'READ_TWICE'"), std::string::npos) << d;
}

TEST(Diagnostics, WrongArity) {
    std::string d = diagnose(expr(call("WRITE_ONCE", {deref(id("x"))}, 7, 9)));
    EXPECT_NE(d.find("bad.litmus:7:9"), std::string::npos) << d;
    EXPECT_NE(d.find("WRITE_ONCE takes 2 arguments, not 1"), std::string::npos) << d;
}

TEST(Diagnostics, StatementPrimitiveUsedAsValue) {
    std::string d = diagnose(decl("r0", call("smp_mb", {}, 2, 11)));
    EXPECT_NE(d.find("bad.litmus:2:11"), std::string::npos) << d;
    EXPECT_NE(d.find("smp_mb does not return a value"), std::string::npos) << d;
}

TEST(Diagnostics, UndeclaredLocationOrRegister) {
    std::string d = diagnose(expr(call("WRITE_ONCE", {deref(id("nowhere")), num(1)})));
    EXPECT_NE(d.find("'nowhere' is neither a register of P0 nor a declared location"),
              std::string::npos)
        << d;
}

TEST(Diagnostics, MarkedAccessNeedsADereference) {
    std::string d = diagnose(expr(call("READ_ONCE", {id("x")})));
    EXPECT_NE(d.find("must be a dereference"), std::string::npos) << d;
}

TEST(Diagnostics, BreakOutsideALoopIsLocated) {
    auto jump = std::make_shared<litmus::Stmt>();
    jump->node = litmus::JumpStmt{true};
    jump->loc.range.begin = {5, 2};
    std::string d = diagnose(jump);
    EXPECT_NE(d.find("bad.litmus:5:2"), std::string::npos) << d;
    EXPECT_NE(d.find("'break' outside a loop"), std::string::npos) << d;
}

}  // namespace
}  // namespace memx::testing
