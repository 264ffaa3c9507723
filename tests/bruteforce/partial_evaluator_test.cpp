// The brute-force checker's own arithmetic: C's 64-bit operators with SMT-LIB's total
// semantics, and the absorbing rules that fix a result while some reads are still unknown.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "tests/bruteforce/partial_evaluator.hpp"
#include "tests/engine/hand_built_events.hpp"

namespace memx::bruteforce {
namespace {

using model::SymOp;
using testing::HandBuiltEvents;

constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

TEST(BitVectorArithmetic, DivisionTruncatesTowardZero) {
    EXPECT_EQ(signedDivide(7, 2), 3);
    EXPECT_EQ(signedDivide(-7, 2), -3);
    EXPECT_EQ(signedDivide(7, -2), -3);
    EXPECT_EQ(signedRemainder(-7, 2), -1);
    EXPECT_EQ(signedRemainder(7, -2), 1);
}

TEST(BitVectorArithmetic, DivisionByZeroAndOverflowAreTotal) {
    EXPECT_EQ(signedDivide(5, 0), -1);  // bvudiv by 0 is all ones
    EXPECT_EQ(signedDivide(-5, 0), 1);
    EXPECT_EQ(signedRemainder(5, 0), 5);
    EXPECT_EQ(signedRemainder(-5, 0), -5);
    EXPECT_EQ(signedDivide(kMin, -1), kMin);
    EXPECT_EQ(signedRemainder(kMin, -1), 0);
}

TEST(BitVectorArithmetic, ShiftsBeyondTheWidth) {
    EXPECT_EQ(shiftLeft(1, 3), 8);
    EXPECT_EQ(shiftLeft(1, 64), 0);
    EXPECT_EQ(shiftLeft(1, -1), 0);  // the amount is unsigned
    EXPECT_EQ(shiftRightArithmetic(-16, 2), -4);
    EXPECT_EQ(shiftRightArithmetic(-16, 99), -1);
    EXPECT_EQ(shiftRightArithmetic(16, 99), 0);
}

class PartialEvaluatorTest : public ::testing::Test {
protected:
    PartialEvaluatorTest() {
        auto x = b.location("x");
        r = b.read(0, 0, x);
        v = b.valueOf(r);
    }
    HandBuiltEvents b;
    std::uint32_t r = 0;
    model::SymId v = 0;
};

TEST_F(PartialEvaluatorTest, UnknownReadMakesItsUsersUnknown) {
    auto sum = b.op(SymOp::Add, {v, b.constant(1)});
    PartialEvaluator eval(b.es);
    EXPECT_FALSE(eval.value(sum));
    eval.setReadValue(r, 4);
    EXPECT_EQ(eval.value(sum), 5);
    eval.setReadValue(r, std::nullopt);
    EXPECT_FALSE(eval.value(sum));
}

TEST_F(PartialEvaluatorTest, AbsorbingRulesFixResultsOfUnknownReads) {
    auto zero = b.constant(0);
    auto xorSelf = b.op(SymOp::BitXor, {v, v});
    auto subSelf = b.op(SymOp::Sub, {v, v});
    auto eqSelf = b.op(SymOp::Eq, {v, v});
    auto timesZero = b.op(SymOp::Mul, {v, zero});
    auto andZero = b.op(SymOp::BitAnd, {zero, v});
    auto orAllOnes = b.op(SymOp::BitOr, {v, b.constant(-1)});
    auto shortAnd = b.op(SymOp::LogAnd, {zero, v});
    auto shortOr = b.op(SymOp::LogOr, {v, b.constant(7)});
    auto decidedIte = b.op(SymOp::Ite, {b.constant(1), b.constant(3), v});
    auto sameBranches = b.op(SymOp::Ite, {v, b.constant(3), b.constant(3)});
    auto plusZero = b.op(SymOp::Add, {v, zero});  // no rule: x+0 is x, still unknown
    PartialEvaluator eval(b.es);
    EXPECT_EQ(eval.value(xorSelf), 0);
    EXPECT_EQ(eval.value(subSelf), 0);
    EXPECT_EQ(eval.value(eqSelf), 1);
    EXPECT_EQ(eval.value(timesZero), 0);
    EXPECT_EQ(eval.value(andZero), 0);
    EXPECT_EQ(eval.value(orAllOnes), -1);
    EXPECT_EQ(eval.value(shortAnd), 0);
    EXPECT_EQ(eval.value(shortOr), 1);
    EXPECT_EQ(eval.value(decidedIte), 3);
    EXPECT_EQ(eval.value(sameBranches), 3);
    EXPECT_FALSE(eval.value(plusZero));
}

TEST_F(PartialEvaluatorTest, HerdsAlgebraKeepsOnlyHerdsRulesOnUnknownReads) {
    // An unknown read stands for herd's open variable: `x * 0` is an equation herd leaves
    // unsolved, while `x ^ x`, `x == x`, `x != x` are herd's own results, and a guard's short
    // circuit is memx's path, not an operator of herd's.
    auto zero = b.constant(0);
    auto timesZero = b.op(SymOp::Mul, {v, zero});
    auto andZero = b.op(SymOp::BitAnd, {zero, v});
    auto subSelf = b.op(SymOp::Sub, {v, v});
    auto leSelf = b.op(SymOp::Le, {v, v});
    auto sameBranches = b.op(SymOp::Ite, {v, b.constant(3), b.constant(3)});
    auto xorSelf = b.op(SymOp::BitXor, {v, v});
    auto eqSelf = b.op(SymOp::Eq, {v, v});
    auto neSelf = b.op(SymOp::Ne, {v, v});
    auto shortAnd = b.op(SymOp::LogAnd, {zero, v});
    PartialEvaluator eval(b.es);
    EXPECT_EQ(eval.value(timesZero), 0);
    eval.setHerdAlgebra(true);
    for (auto unsolved : {timesZero, andZero, subSelf, leSelf, sameBranches}) {
        EXPECT_FALSE(eval.value(unsolved)) << unsolved;
    }
    EXPECT_EQ(eval.value(xorSelf), 0);
    EXPECT_EQ(eval.value(eqSelf), 1);
    EXPECT_EQ(eval.value(neSelf), 0);
    EXPECT_EQ(eval.value(shortAnd), 0);
    eval.setReadValue(r, 3);
    EXPECT_EQ(eval.value(timesZero), 0);  // known operands: plain arithmetic
    eval.setReadValue(r, std::nullopt);
    eval.setHerdAlgebra(false);
    EXPECT_EQ(eval.value(andZero), 0);
}

TEST_F(PartialEvaluatorTest, ComparisonsAreSignedAndYieldZeroOrOne) {
    auto lt = b.op(SymOp::Lt, {b.constant(-1), b.constant(1)});
    auto notFive = b.op(SymOp::Not, {b.constant(5)});
    auto ge = b.op(SymOp::Ge, {v, b.constant(2)});
    PartialEvaluator eval(b.es);
    EXPECT_EQ(eval.value(lt), 1);
    EXPECT_EQ(eval.value(notFive), 0);
    eval.setReadValue(r, 2);
    EXPECT_EQ(eval.value(ge), 1);
}

TEST_F(PartialEvaluatorTest, ChoicesAreInputs) {
    auto c = b.choice(1);
    PartialEvaluator eval(b.es);
    EXPECT_FALSE(eval.value(c));
    eval.setChoice(0, true);
    EXPECT_EQ(eval.value(c), 1);
    eval.setChoice(0, false);
    EXPECT_EQ(eval.value(c), 0);
}

}  // namespace
}  // namespace memx::bruteforce
