// Final states in herd's order and format, and the condition evaluated on them.
#include <gtest/gtest.h>

#include <set>

#include "solver/final_state.hpp"
#include "tests/engine/hand_built_events.hpp"

namespace memx::solver {
namespace {

using testing::HandBuiltEvents;

litmus::LocationRef reg(int thread, const std::string& name) {
    litmus::LocationRef r;
    r.thread = thread;
    r.name = name;
    return r;
}

litmus::LocationRef global(const std::string& name) {
    litmus::LocationRef r;
    r.name = name;
    return r;
}

litmus::PropPtr atom(litmus::LocationRef lhs, std::int64_t value, bool negated = false) {
    litmus::PropAtom a;
    a.lhs = std::move(lhs);
    a.rhs.value = value;
    a.negated = negated;
    return std::make_shared<litmus::Prop>(litmus::Prop{a, {}});
}

litmus::PropPtr both(litmus::PropPtr a, litmus::PropPtr b) {
    return std::make_shared<litmus::Prop>(litmus::Prop{litmus::PropAnd{a, b}, {}});
}

TEST(FinalState, KeysOrderRegistersFirstThenByStringAsHerd) {
    std::vector<StateKey> keys = {{-1, "x"}, {1, "r0"}, {0, "r2"}, {0, "r10"}, {-1, "a"}};
    std::sort(keys.begin(), keys.end());
    std::vector<std::string> texts;
    for (const auto& k : keys) {
        texts.push_back(k.text());
    }
    EXPECT_EQ(texts, (std::vector<std::string>{"0:r10", "0:r2", "1:r0", "a", "x"}));
}

TEST(FinalState, ValuesOrderIntegersNumericallyThenSymbols) {
    StateValue minus{-1, ""}, two{2, ""}, ten{10, ""}, sym{0x100000, "x"};
    EXPECT_TRUE(minus < two);
    EXPECT_TRUE(two < ten);
    EXPECT_TRUE(ten < sym);
    EXPECT_FALSE(sym < ten);
}

TEST(FinalState, DisplayedLocationsComeFromConditionAndLocationsSorted) {
    litmus::Program p;
    p.condition.prop = both(atom(global("y"), 1), atom(reg(1, "r0"), 0));
    p.locations.push_back(global("x"));
    p.locations.push_back(reg(1, "r0"));
    std::vector<std::string> names;
    for (const auto& ref : displayedLocations(p)) {
        names.push_back(keyOf(ref).text());
    }
    EXPECT_EQ(names, (std::vector<std::string>{"1:r0", "x", "y"}));
}

TEST(FinalState, ReaderTakesRegistersAndFinalWritesAndNamesPointers) {
    HandBuiltEvents b;
    b.location("x");
    b.location("y");
    b.es.events[1].value = b.constant(9);  // y's initial write stores 9
    litmus::Program p;
    litmus::InitEntry regInit;
    regInit.thread = 2;
    regInit.name = "r5";
    regInit.value = litmus::InitValue{litmus::InitValue::Kind::Int, 7, {}, {}, {}};
    p.init.push_back(regInit);
    Candidate c;
    c.values = {0, 9};
    c.finalWrite = {std::nullopt, 1u};
    c.registers[0]["r0"] = b.address(0);
    c.registers[0]["r1"] = 3;
    FinalStateReader reader(p, b.es, c);
    auto s = reader.state({reg(0, "r0"), reg(0, "r1"), reg(2, "r5"), global("x"), global("y")});
    EXPECT_EQ(s.text(), "0:r0=x; 0:r1=3; 2:r5=7; x=0; y=9;");
    EXPECT_TRUE(reader.holds(*both(atom(reg(0, "r1"), 3), atom(global("y"), 9))));
    EXPECT_FALSE(reader.holds(*atom(global("y"), 9, true)));
}

TEST(FinalState, StatesSortLexicographicallyOnValues) {
    FinalState a{{{{0, "r0"}, {0, ""}}, {{-1, "x"}, {2, ""}}}};
    FinalState b{{{{0, "r0"}, {1, ""}}, {{-1, "x"}, {1, ""}}}};
    FinalState c{{{{0, "r0"}, {0, ""}}, {{-1, "x"}, {10, ""}}}};
    std::set<FinalState> s = {b, c, a};
    std::vector<std::string> order;
    for (const auto& st : s) {
        order.push_back(st.text());
    }
    EXPECT_EQ(order, (std::vector<std::string>{"0:r0=0; x=2;", "0:r0=0; x=10;", "0:r0=1; x=1;"}));
}

}  // namespace
}  // namespace memx::solver
