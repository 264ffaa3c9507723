// The printer writes canonical litmus text that parses back to an equal Program.
#include <gtest/gtest.h>

#include "litmus/printer.hpp"
#include "parse_helpers.hpp"

namespace memx::litmus {
namespace {

using testing::parseOk;
using testing::withBody;

ExprPtr lit(std::int64_t v) {
    return std::make_shared<const Expr>(Expr{IntLit{v}, {}});
}
ExprPtr id(const std::string& n) {
    return std::make_shared<const Expr>(Expr{Ident{n}, {}});
}
ExprPtr un(UnaryOp op, ExprPtr e) {
    return std::make_shared<const Expr>(Expr{Unary{op, std::move(e)}, {}});
}
ExprPtr bin(BinaryOp op, ExprPtr a, ExprPtr b) {
    return std::make_shared<const Expr>(Expr{Binary{op, std::move(a), std::move(b)}, {}});
}

TEST(Printer, ParenthesesOnlyWherePrecedenceNeedsThem) {
    EXPECT_EQ(printExpr(*bin(BinaryOp::Mul, bin(BinaryOp::Add, id("a"), id("b")), id("c"))),
              "(a + b) * c");
    EXPECT_EQ(printExpr(*bin(BinaryOp::Add, id("a"), bin(BinaryOp::Mul, id("b"), id("c")))),
              "a + b * c");
    EXPECT_EQ(printExpr(*bin(BinaryOp::Sub, id("a"), bin(BinaryOp::Sub, id("b"), id("c")))),
              "a - (b - c)");
    EXPECT_EQ(printExpr(*bin(BinaryOp::Sub, bin(BinaryOp::Sub, id("a"), id("b")), id("c"))),
              "a - b - c");
}

TEST(Printer, UnaryOperatorsDoNotFuseOrFold) {
    // `-(1)` must not print as `-1`, which would read back as a literal.
    EXPECT_EQ(printExpr(*un(UnaryOp::Neg, lit(1))), "-(1)");
    EXPECT_EQ(printExpr(*un(UnaryOp::Neg, un(UnaryOp::Neg, id("x")))), "- -x");
    EXPECT_EQ(printExpr(*un(UnaryOp::AddrOf, un(UnaryOp::AddrOf, id("x")))), "& &x");
    EXPECT_EQ(printExpr(*un(UnaryOp::Deref, un(UnaryOp::Deref, id("p")))), "**p");
    EXPECT_EQ(printExpr(*bin(BinaryOp::Sub, id("a"), lit(-1))), "a - -1");
}

TEST(Printer, CanonicalProgramText) {
    Program p = parseOk(R"(C MP  "doc"
(* Result: Sometimes DATARACE *)
{ x=0; int *p=&x; atomic_t v=ATOMIC_INIT(1); 0:r1=2; }
P0(int *x, int **p, atomic_t *v) { int r1; r1 = READ_ONCE(*x); if (r1) WRITE_ONCE(*x, 2); else { smp_mb(); } }
locations [x;]
exists (0:r1=1 /\ (x=2 \/ ~x=1))
)");
    EXPECT_EQ(printProgram(p), R"(C MP
"doc"

(* Result: Sometimes DATARACE *)

{
	x=0;
	int *p=&x;
	atomic_t v=ATOMIC_INIT(1);
	0:r1=2;
}

P0(int *x, int **p, atomic_t *v)
{
	int r1;
	r1 = READ_ONCE(*x);
	if (r1)
		WRITE_ONCE(*x, 2);
	else {
		smp_mb();
	}
}

locations [x;]
exists (0:r1=1 /\ (x=2 \/ ~x=1))
)");
}

TEST(Printer, RoundTripOfTrickyConstructs) {
    std::string text = R"(C tricky
{ x=0; }
P0(int *x, int *y)
{
  int r0 = - -1; int r1 = -(1); int *r2 = &*x; int r3 = r0 ? r1 ? 1 : 2 : 3;
  int r4 = (r0 ? 1 : 2) + 1; int r5 = (int)-r0; volatile int r6 = !(r0 && r1) | ~r1 ^ 2;
  if (r0) if (r1) r0 = 1; else r0 = 2;
  while (r0) { r0 = r0 - 1; }
  r5 = r2[r0 + 1];
}
~exists (0:r0=1 -> 0:r1=0 -> 0:r3=1) \/ (x=1 -> y=[x])
)";
    Program p = parseOk(text);
    std::string printed = printProgram(p);
    Program again = parseOk(printed);
    EXPECT_TRUE(again == p) << printed;
    EXPECT_EQ(printProgram(again), printed);
}

TEST(Printer, EqualityIgnoresSourceRangesButNotContent) {
    Program a = parseOk(withBody("int r0 = READ_ONCE(*x);"));
    Program b = parseOk(withBody("\n\n   int   r0=READ_ONCE( *x ) ;"));
    Program c = parseOk(withBody("int r0 = READ_ONCE(*y);"));
    EXPECT_TRUE(a == b);
    EXPECT_FALSE(a == c);
}

}  // namespace
}  // namespace memx::litmus
