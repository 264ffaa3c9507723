// The parser's reading of herd's C litmus dialect: header, init block, thread code and
// the AST conventions documented in ast.hpp.
#include <gtest/gtest.h>

#include "litmus/parser.hpp"
#include "litmus/printer.hpp"
#include "parse_helpers.hpp"

namespace memx::litmus {
namespace {

using testing::firstError;
using testing::parseOk;
using testing::withBody;

// The diagnostics of a test that parses (its warnings).
std::vector<Diagnostic> warningsOf(const std::string& text) {
    DiagnosticSink sink;
    EXPECT_TRUE(parseLitmus(text, "test.litmus", sink).has_value());
    return sink.diagnostics();
}

const Expr& exprOf(const StmtPtr& s) {
    if (const auto* a = std::get_if<AssignStmt>(&s->node)) {
        return *a->value;
    }
    if (const auto* d = std::get_if<DeclStmt>(&s->node)) {
        return *d->init;
    }
    return *std::get<ExprStmt>(s->node).expr;
}

TEST(Parser, MessagePassingHasTheDocumentedShape) {
    Program p = parseOk(R"(C MP
"a doc string"
(* Result: Sometimes DATARACE *)
{ x=0; y=0; }
P0(int *x, int *y) { WRITE_ONCE(*x, 1); smp_store_release(y, 1); }
P1(int *x, int *y) { int r0; int r1; r0 = smp_load_acquire(y); r1 = READ_ONCE(*x); }
exists (1:r0=1 /\ 1:r1=0)
)");
    EXPECT_EQ(p.name, "MP");
    EXPECT_EQ(p.docString, "a doc string");
    ASSERT_TRUE(p.expected);
    EXPECT_EQ(p.expected->observation, "Sometimes");
    EXPECT_TRUE(p.expected->dataRace);
    EXPECT_FALSE(p.expected->deadlock);
    ASSERT_EQ(p.threads.size(), 2u);
    EXPECT_EQ(p.threads[1].id, 1);
    ASSERT_EQ(p.threads[1].params.size(), 2u);
    EXPECT_EQ(p.threads[1].params[0].type, (Type{"int", 1, {}, false, false}));

    // r1 = READ_ONCE(*x) is Call{"READ_ONCE", [Unary{Deref, Ident x}]}.
    const auto& read = std::get<Call>(exprOf(p.threads[1].body[3]).node);
    EXPECT_EQ(read.callee, "READ_ONCE");
    ASSERT_EQ(read.args.size(), 1u);
    const auto& deref = std::get<Unary>(read.args[0]->node);
    EXPECT_EQ(deref.op, UnaryOp::Deref);
    EXPECT_EQ(std::get<Ident>(deref.operand->node).name, "x");

    const auto& assign = std::get<AssignStmt>(p.threads[1].body[2]->node);
    EXPECT_EQ(std::get<Ident>(assign.target->node).name, "r0");
    EXPECT_EQ(p.condition.quantifier, Quantifier::Exists);
    EXPECT_TRUE(std::holds_alternative<PropAnd>(p.condition.prop->node));
}

TEST(Parser, InitBlockForms) {
    Program p = parseOk(R"(C init
{
  x=1; y=&z; int *p=&x; int *q=y; 0:r1=0; int 1:r2=z; [w]=3;
  spinlock_t s; atomic_t v = ATOMIC_INIT(2); atomic_int a[2] = {0, -1}; u=-5;
}
P0(int *x) { int r1; r1 = READ_ONCE(*x); }
P1(int *x) { int r2; }
exists (0:r1=1)
)");
    ASSERT_EQ(p.init.size(), 11u);
    EXPECT_EQ(p.init[0].name, "x");
    EXPECT_FALSE(p.init[0].type);
    EXPECT_EQ(p.init[0].value->value, 1);
    // `y=&z` and a bare name both mean the address of z.
    EXPECT_EQ(p.init[1].value->kind, InitValue::Kind::Address);
    EXPECT_EQ(p.init[1].value->symbol, "z");
    EXPECT_EQ(p.init[2].type, (Type{"int", 1, {}, false, false}));
    EXPECT_EQ(p.init[2].value->symbol, "x");
    EXPECT_EQ(p.init[3].value->symbol, "y");
    EXPECT_EQ(p.init[4].thread, 0);
    EXPECT_EQ(p.init[4].name, "r1");
    EXPECT_EQ(p.init[5].thread, 1);
    EXPECT_EQ(p.init[5].type->base, "int");
    EXPECT_EQ(p.init[6].name, "w");
    EXPECT_EQ(p.init[6].value->value, 3);
    EXPECT_EQ(p.init[7].type->base, "spinlock_t");
    EXPECT_FALSE(p.init[7].value);
    EXPECT_EQ(p.init[8].type->base, "atomic_t");
    EXPECT_EQ(p.init[8].value->value, 2);
    EXPECT_EQ(p.init[9].type->arrayLength, 2u);
    ASSERT_EQ(p.init[9].value->elements.size(), 2u);
    EXPECT_EQ(p.init[9].value->elements[1].value, -1);
    EXPECT_EQ(p.init[10].value->value, -5);
}

TEST(Parser, CommentsNestInLitmusTextButNotInCode) {
    Program p = parseOk(R"(C comments
(* outer (* inner *) still a comment { not the init *)
// a line comment
{ x=0; (* a comment in the init block *) }
P0(int *x) {
  int r0; /* C comment */ // and another
  r0 = READ_ONCE(*x);
  WRITE_ONCE(*x,(*x));
}
(* between sections *)
exists (0:r0=0) (* trailing *)
)");
    ASSERT_EQ(p.threads[0].body.size(), 3u);
    const auto& write = std::get<Call>(exprOf(p.threads[0].body[2]).node);
    EXPECT_EQ(std::get<Unary>(write.args[1]->node).op, UnaryOp::Deref);
}

TEST(Parser, ResultCommentFlags) {
    Program p = parseOk("C t\n// Result: Never DEADLOCK TORN\n{}\nP0(int *x) {}\nexists (x=0)\n");
    ASSERT_TRUE(p.expected);
    EXPECT_EQ(p.expected->observation, "Never");
    EXPECT_TRUE(p.expected->deadlock);
    EXPECT_TRUE(p.expected->torn);
    EXPECT_FALSE(p.expected->dataRace);
    EXPECT_FALSE(parseOk("C t\n{}\nP0(int *x) {}\nexists (x=0)\n").expected);
}

// The kernel's RM-broken says only `Result: DEADLOCK`: no execution at all, i.e. Never 0 0.
TEST(Parser, ResultCommentBareDeadlockMeansNever) {
    Program p = parseOk("C t\n(* Result: DEADLOCK *)\n{}\nP0(int *x) {}\nexists (x=0)\n");
    ASSERT_TRUE(p.expected);
    EXPECT_EQ(p.expected->observation, "Never");
    EXPECT_TRUE(p.expected->deadlock);
    Program q = parseOk("C t\n// Result: DATARACE Sometimes\n{}\nP0(int *x) {}\nexists (x=0)\n");
    ASSERT_TRUE(q.expected);
    EXPECT_EQ(q.expected->observation, "Sometimes");
    EXPECT_TRUE(q.expected->dataRace);
}

TEST(Parser, ExpressionPrecedenceAndLiterals) {
    Program p =
        parseOk(withBody("int r0 = 1 + 2 * 3; int r1 = -1; int r2 = -(1);"
                         "int r3 = r0 == 1 && r1 != 2 || !r2;"
                         "int r4 = (intptr_t)x; int r5 = r0 ? 0x10 : ~r1;"
                         "int r6 = r0 << 2 & 7; int r7 = true; int r8 = false;"));
    const auto& body = p.threads[0].body;
    const auto& sum = std::get<Binary>(exprOf(body[0]).node);
    EXPECT_EQ(sum.op, BinaryOp::Add);
    EXPECT_EQ(std::get<Binary>(sum.rhs->node).op, BinaryOp::Mul);
    EXPECT_EQ(std::get<IntLit>(exprOf(body[1]).node).value, -1);
    EXPECT_EQ(std::get<Unary>(exprOf(body[2]).node).op, UnaryOp::Neg);
    EXPECT_EQ(std::get<Binary>(exprOf(body[3]).node).op, BinaryOp::LogOr);
    EXPECT_EQ(std::get<Cast>(exprOf(body[4]).node).type.base, "intptr_t");
    const auto& ternary = std::get<Ternary>(exprOf(body[5]).node);
    EXPECT_EQ(std::get<IntLit>(ternary.then->node).value, 16);
    // `<<` binds tighter than `&`.
    EXPECT_EQ(std::get<Binary>(exprOf(body[6]).node).op, BinaryOp::BitAnd);
    // herd7's C has no `true`/`false`: they stay names (never-assigned registers, 0).
    EXPECT_EQ(std::get<Ident>(exprOf(body[7]).node).name, "true");
    EXPECT_EQ(std::get<Ident>(exprOf(body[8]).node).name, "false");
}

TEST(Parser, TrueInThreadCodeWarnsThatHerdReadsItAsZero) {
    auto w = warningsOf("C t\n{ }\nP0() { int r0 = 0; if (true) { r0 = 1; } }\nforall 0:r0=1\n");
    ASSERT_EQ(w.size(), 1u);
    EXPECT_EQ(w[0].severity, Severity::Warning);
    EXPECT_NE(w[0].message.find("herd7 reads it as a register never assigned, 0"),
              std::string::npos)
        << w[0].message;
}

TEST(Parser, StatementForms) {
    Program p = parseOk(withBody(R"(
  int r0, *r1 = x, r2[4];
  r0 = READ_ONCE(*x);
  if (r0 == 1) { WRITE_ONCE(*y, 1); } else if (r0) WRITE_ONCE(*y, 2); else ;
  while (r0 < 3) r0++;
  r0 += 2;
  *x = r0;
  r2[1] = 0;
  ;
)"));
    const auto& body = p.threads[0].body;
    ASSERT_EQ(body.size(), 9u);
    EXPECT_EQ(std::get<DeclStmt>(body[1]->node).type.pointerDepth, 1);
    EXPECT_EQ(std::get<DeclStmt>(body[2]->node).type.arrayLength, 4u);
    const auto& branch = std::get<IfStmt>(body[4]->node);
    EXPECT_TRUE(std::holds_alternative<BlockStmt>(branch.then->node));
    const auto& inner = std::get<IfStmt>(branch.otherwise->node);
    EXPECT_TRUE(std::get<BlockStmt>(inner.otherwise->node).body.empty());
    const auto& loop = std::get<WhileStmt>(body[5]->node);
    const auto& inc = std::get<AssignStmt>(loop.body->node);
    EXPECT_EQ(std::get<Binary>(inc.value->node).op, BinaryOp::Add);
    EXPECT_EQ(std::get<Binary>(std::get<AssignStmt>(body[6]->node).value->node).op, BinaryOp::Add);
    EXPECT_EQ(std::get<Unary>(std::get<AssignStmt>(body[7]->node).target->node).op, UnaryOp::Deref);
    EXPECT_TRUE(std::holds_alternative<Index>(std::get<AssignStmt>(body[8]->node).target->node));
}

TEST(Parser, RegistersMayBeAssignedWithoutDeclaration) {
    // As in corpus/lkmm/alias/pointers10.litmus: herd accepts `p = READ_ONCE(*x0);`.
    Program p = parseOk(withBody("p = READ_ONCE(*x); WRITE_ONCE(*y, p);", "0:p=1"));
    EXPECT_EQ(p.threads[0].body.size(), 2u);
}

TEST(Parser, C11PrimitivesAndMemoryOrders) {
    Program p = parseOk(R"(C c11
{ [x]=0; }
void P0(atomic_int* x, atomic_int* y) {
  int r0 = atomic_load_explicit(x, memory_order_acquire);
  atomic_store_explicit(y, 1, memory_order_release);
  atomic_thread_fence(memory_order_seq_cst);
  int e = 0;
  int ok = atomic_compare_exchange_strong_explicit(x, &e, 1, memory_order_acq_rel,
                                                   memory_order_relaxed);
  int r1 = atomic_fetch_add_explicit(y, 1, memory_order_relaxed);
  int r2 = atomic_load(x);
}
exists (0:r0=1)
)");
    EXPECT_EQ(p.threads[0].body.size(), 7u);
    EXPECT_EQ(p.threads[0].params[0].type.base, "atomic_int");
}

TEST(Parser, KernelPrimitiveFamilies) {
    Program p = parseOk(R"(C kernel
{ atomic_t v = ATOMIC_INIT(0); spinlock_t s; }
P0(atomic_t *v, spinlock_t *s, int *x, struct srcu_struct *ss) {
  int r0; int r1; int r2; int r3; int idx;
  r0 = atomic_add_return_relaxed(1, v);
  r1 = atomic_cmpxchg_acquire(v, 1, 2);
  r2 = xchg_release(x, 3);
  smp_mb__after_atomic();
  spin_lock(s);
  r3 = spin_is_locked(s);
  spin_unlock(s);
  idx = srcu_read_lock(ss);
  srcu_read_unlock(ss, idx);
  synchronize_srcu(ss);
  r0 = atomic_add_unless(v, 1, 0);
  memcpy(x, x, 4);
}
exists (0:r0=1)
)");
    EXPECT_EQ(p.threads[0].params[3].type.base, "struct srcu_struct");
}

TEST(Parser, ConditionForms) {
    Program p = parseOk(R"(C cond
{ x=0; }
P0(int *x) { int r0; int r1; r0 = READ_ONCE(*x); r1 = r0; }
locations [x; 0:r1;]
filter (0:r0=0 \/ ~0:r1=1)
~exists (x!=1 \/ 0:r0=1 /\ 0:r1=0:r0 -> 0:r0=x /\ true \/ not false)
)");
    EXPECT_EQ(p.locations.size(), 2u);
    EXPECT_EQ(p.locations[1].thread, 0);
    ASSERT_TRUE(p.filter);
    EXPECT_EQ(p.condition.quantifier, Quantifier::NotExists);
    // `\/` is loosest: the whole is (x!=1) \/ (...) \/ (not false).
    const auto& top = std::get<PropOr>(p.condition.prop->node);
    EXPECT_TRUE(std::holds_alternative<PropNot>(top.rhs->node));
    const auto& left = std::get<PropOr>(top.lhs->node);
    const auto& ne = std::get<PropAtom>(left.lhs->node);
    EXPECT_TRUE(ne.negated);
    // `/\` is looser than `->`: 0:r0=1 /\ ((0:r1=0:r0) -> (0:r0=x)) /\ true.
    const auto& conj = std::get<PropAnd>(left.rhs->node);
    const auto& inner = std::get<PropAnd>(conj.lhs->node);
    const auto& implies = std::get<PropImplies>(inner.rhs->node);
    const auto& regreg = std::get<PropAtom>(implies.lhs->node);
    EXPECT_EQ(regreg.rhs.kind, CondValue::Kind::Location);
    EXPECT_EQ(regreg.rhs.location.name, "r0");
    const auto& address = std::get<PropAtom>(implies.rhs->node);
    EXPECT_EQ(address.rhs.kind, CondValue::Kind::Address);
    EXPECT_EQ(address.rhs.symbol, "x");
}

TEST(Parser, QuantifierSpellings) {
    auto quantifierOf = [](const std::string& cond) {
        return parseOk("C q\n{}\nP0(int *x) {}\n" + cond + "\n").condition.quantifier;
    };
    EXPECT_EQ(quantifierOf("exists (x=0)"), Quantifier::Exists);
    EXPECT_EQ(quantifierOf("forall (x=0 \\/ x=1);"), Quantifier::Forall);
    EXPECT_EQ(quantifierOf("~exists (x=0)"), Quantifier::NotExists);
    EXPECT_EQ(quantifierOf("~ exists (x=0)"), Quantifier::NotExists);
    EXPECT_EQ(quantifierOf("final (x=0)"), Quantifier::Exists);
    EXPECT_EQ(quantifierOf("forall x=0;"), Quantifier::Forall);
}

TEST(Parser, HeaderVariants) {
    Program p = parseOk(
        "C C-LB+o-r+a-o[x]\n  \"doc on the next line\"\nSome free text\n"
        "Hash=abc\n{}\nP0(int *x) {}\nexists (x=0)\n");
    EXPECT_EQ(p.name, "C-LB+o-r+a-o[x]");
    EXPECT_EQ(p.docString, "doc on the next line");
}

TEST(Parser, ReportsSyntaxErrorsWithPositions) {
    DiagnosticSink sink;
    std::string text = "C t\n{}\nP0(int *x)\n{\n\tWRITE_ONCE(*x 1);\n}\nexists (x=1)\n";
    EXPECT_FALSE(parseLitmus(text, "t.litmus", sink));
    ASSERT_EQ(sink.diagnostics().size(), 1u);
    const Diagnostic& d = sink.diagnostics()[0];
    EXPECT_EQ(d.file, "t.litmus");
    EXPECT_EQ(d.range.begin.line, 5u);
    EXPECT_EQ(d.range.begin.column, 16u);
    EXPECT_EQ(d.message, "expected ')' to close the argument list, found '1'");
}

TEST(Parser, RejectsUnknownPrimitivesAndWrongArity) {
    EXPECT_EQ(firstError(withBody("WRITE_TWICE(*x, 1);")),
              "unknown primitive 'WRITE_TWICE'; did you mean 'WRITE_ONCE'?");
    EXPECT_EQ(firstError(withBody("int r0 = READ_ONCE(*x, 1);")),
              "'READ_ONCE' takes 1 argument, but 2 were given");
    EXPECT_EQ(firstError(withBody("smp_mb(x);")), "'smp_mb' takes 0 arguments, but 1 was given");
}

TEST(Parser, RejectsNamesThatDoNotResolve) {
    EXPECT_EQ(firstError(withBody("WRITE_ONCE(*x, r9);")),
              "'r9' is used in P0 but is neither a parameter nor a register declared or "
              "assigned there");
    EXPECT_EQ(firstError(withBody("int r0;", "1:r0=0")),
              "the condition names thread 1, but the test has no thread P1");
    EXPECT_EQ(firstError(withBody("int r0;", "0:r5=0")),
              "the condition names register 'r5' of P0, which P0 never declares nor assigns");
    EXPECT_EQ(firstError(withBody("int r0;", "q=0")),
              "the condition names location 'q', which is neither in the initial state nor a "
              "thread parameter");
}

TEST(Parser, DeepNestingIsADiagnosticNotACrash) {
    for (std::string open : {"(", "- ", "!", "*"}) {
        std::string deep;
        for (int i = 0; i < 100000; ++i) {
            deep += open;
        }
        std::string message = firstError(withBody("int r0 = " + deep + "1;"));
        EXPECT_NE(message.find("nesting is too deep"), std::string::npos) << open << message;
    }
    std::string chain = "int r0 = 1";
    for (int i = 0; i < 100000; ++i) {
        chain += " + 1";
    }
    EXPECT_NE(firstError(withBody(chain + ";")).find("nesting is too deep"), std::string::npos);
    std::string blocks(100000, '{');
    EXPECT_NE(firstError(withBody(blocks)).find("nesting is too deep"), std::string::npos);
    std::string props;
    for (int i = 0; i < 100000; ++i) {
        props += "~";
    }
    EXPECT_NE(firstError(withBody("", props + "x=0")).find("nesting is too deep"),
              std::string::npos);
    std::string comments;
    for (int i = 0; i < 100000; ++i) {
        comments += "(*";
    }
    EXPECT_EQ(firstError("C t\n" + comments), "unterminated comment '(*'");
}

// herd7 reads `len1=len2` as "len1 holds the address of len2"; where len1 cannot hold a
// pointer that is almost surely a mistake, so memx keeps herd7's meaning and warns.
TEST(Parser, ComparingTwoLocationsWarnsThatTheAddressIsCompared) {
    auto w = warningsOf(
        "C t\n{ int len1 = 0; int len2 = 0; }\nP0(int *len1) { WRITE_ONCE(*len1, "
        "1); }\nexists (len1=len2)\n");
    ASSERT_EQ(w.size(), 1u);
    EXPECT_EQ(w[0].severity, Severity::Warning);
    EXPECT_EQ(w[0].range.begin.line, 4u);
    EXPECT_EQ(w[0].range.begin.column, 9u);
    EXPECT_NE(w[0].message.find("compares the value of 'len1' with the address of location 'len2'"),
              std::string::npos)
        << w[0].message;
}

TEST(Parser, ComparingAPointerLocationOrARegisterWithAnAddressDoesNotWarn) {
    EXPECT_TRUE(warningsOf("C t\n{ int *p = &x; }\nP0(int **p, int *y) { WRITE_ONCE(*p, y); "
                           "}\nexists (p=y)\n")
                    .empty());
    EXPECT_TRUE(warningsOf("C t\n{ }\nP0(int *x) { int r0 = 1; }\nexists (0:r0=x)\n").empty());
    EXPECT_TRUE(warningsOf("C t\n{ }\nP0(int *x, int *y) { WRITE_ONCE(*x, 1); }\n"
                           "exists (x=[y])\n")
                    .empty());
}

}  // namespace
}  // namespace memx::litmus

namespace memx::litmus {
namespace {

using testing::firstError;
using testing::parseOk;

// herd's state grammar beyond exists/forall (lib/stateParser.mly's `observed`, `with`, typed
// `locations` entries), which herd7 accepts and memx used to refuse.
TEST(ParserHerdForms, ObservedIsAnExistsOverGroupsOfAtoms) {
    Program p = parseOk(
        "C o\n{}\nP0(int *x) { int r0 = READ_ONCE(*x); }\n"
        "observed 0:r0=1; x=1; and 0:r0=0;\n");
    EXPECT_EQ(p.condition.quantifier, Quantifier::Exists);
    const auto& any = std::get<PropOr>(p.condition.prop->node);
    EXPECT_TRUE(std::holds_alternative<PropAnd>(any.lhs->node));
    EXPECT_TRUE(std::holds_alternative<PropAtom>(any.rhs->node));
    EXPECT_EQ(printProgram(p).substr(printProgram(p).find("exists")),
              "exists (0:r0=1 /\\ x=1 \\/ 0:r0=0)\n");
}

TEST(ParserHerdForms, WithClausesAfterTheConditionAreKept) {
    Program p = parseOk("C w\n{}\nP0(int *x) {}\nexists (x=0)\nwith lkmm: exists; sc: ~exists\n");
    ASSERT_EQ(p.conditionKinds.size(), 2u);
    EXPECT_EQ(p.conditionKinds[1], (std::pair<std::string, std::string>{"sc", "~exists"}));
    EXPECT_EQ(parseOk(printProgram(p)), p);
    EXPECT_NE(firstError("C w\n{}\nP0(int *x) {}\nexists (x=0)\nwith lkmm: sometimes\n")
                  .find("'exists', '~exists' or 'forall'"),
              std::string::npos);
}

TEST(ParserHerdForms, TypedLocationsEntries) {
    Program p = parseOk(
        "C t\n{}\nP0(int *x) { int r0 = 1; }\n"
        "locations [x int; 0:r0 int*; x *]\nexists (x=0)\n");
    ASSERT_EQ(p.locations.size(), 3u);
    EXPECT_EQ(p.locations[0].declaredType, "int");
    EXPECT_EQ(p.locations[1].declaredType, "int*");
    EXPECT_EQ(p.locations[2].declaredType, "*");
    EXPECT_EQ(parseOk(printProgram(p)), p);
}

TEST(ParserHerdForms, ALocationsEntryMayNameARegisterTheThreadNeverDeclares) {
    const std::string text = "C u\n{}\nP0(int *x) {}\nlocations [0:r9]\nexists (x=0)\n";
    DiagnosticSink sink;
    auto p = parseLitmus(text, "u.litmus", sink);
    ASSERT_TRUE(p.has_value());
    ASSERT_EQ(sink.diagnostics().size(), 1u);
    EXPECT_EQ(sink.diagnostics()[0].severity, Severity::Warning);
    EXPECT_NE(sink.diagnostics()[0].message.find("herd7 lists it as 0"), std::string::npos);
    // In the condition it is still a mistake.
    EXPECT_NE(firstError("C u\n{}\nP0(int *x) {}\nexists (0:r9=0)\n").find("never declares"),
              std::string::npos);
}

TEST(ParserHerdForms, LoopsAndJumpsParse) {
    Program p = parseOk(testing::withBody(
        "int i; for (i = 0; i < 2; i++) { if (i) break; continue; } do { i--; } while (i > 0);"));
    const auto& body = p.threads[0].body;
    ASSERT_EQ(body.size(), 4u);  // int i; i = 0; for; do
    const auto& loop = std::get<WhileStmt>(body[2]->node);
    EXPECT_EQ(loop.kind, LoopKind::For);
    ASSERT_TRUE(loop.step);
    EXPECT_EQ(std::get<WhileStmt>(body[3]->node).kind, LoopKind::DoWhile);
    EXPECT_NE(firstError(testing::withBody("for (;;) WRITE_ONCE(*x, 1)")).find("missing ';'"),
              std::string::npos);
}

}  // namespace
}  // namespace memx::litmus
