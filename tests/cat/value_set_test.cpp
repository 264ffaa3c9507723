// cat's set of values: built one element at a time as herd's library does, read sorted and
// duplicate-free, taken apart by `match` one element at a time.
#include <gtest/gtest.h>

#include <vector>

#include "model/cat/value.hpp"

namespace memx::cat {
namespace {

std::vector<model::EventIndex> events(const ValueSet& s) {
    std::vector<model::EventIndex> out;
    for (const auto& v : s.items())
        out.push_back(v.as<EventValue>()->event);
    return out;
}

Value event(model::EventIndex e) {
    return Value{EventValue{e}};
}

TEST(ValueSetTest, AddingInAnyOrderGivesOneSortedDuplicateFreeSet) {
    ValueSet a = ValueSet().plus(event(3)).plus(event(1)).plus(event(3)).plus(event(2));
    ValueSet b = ValueSet({event(2), event(1), event(2), event(3)});
    EXPECT_EQ(events(a), (std::vector<model::EventIndex>{1, 2, 3}));
    EXPECT_EQ(compareValues(Value{a}, Value{b}), 0);
    EXPECT_FALSE(a.empty());
    EXPECT_TRUE(ValueSet().empty());
    EXPECT_TRUE(ValueSet(std::vector<Value>{}).empty());
}

TEST(ValueSetTest, AddingToASetLeavesTheOriginalAsItWas) {
    ValueSet base = ValueSet({event(5), event(7)});
    ValueSet more = base.plus(event(6));
    ValueSet other = base.plus(event(9));
    EXPECT_EQ(events(base), (std::vector<model::EventIndex>{5, 7}));
    EXPECT_EQ(events(more), (std::vector<model::EventIndex>{5, 6, 7}));
    EXPECT_EQ(events(other), (std::vector<model::EventIndex>{5, 7, 9}));
    // Additions on top of a set that was already read merge with its sorted form.
    EXPECT_EQ(events(more.plus(event(4)).plus(event(6))),
              (std::vector<model::EventIndex>{4, 5, 6, 7}));
}

TEST(ValueSetTest, RestDropsTheFirstElementAndSharesTheRest) {
    ValueSet s = ValueSet().plus(event(2)).plus(event(0)).plus(event(1));
    ValueSet r = s.rest();
    EXPECT_EQ(events(r), (std::vector<model::EventIndex>{1, 2}));
    EXPECT_EQ(events(r.rest()), (std::vector<model::EventIndex>{2}));
    EXPECT_TRUE(r.rest().rest().empty());
    EXPECT_TRUE(ValueSet().rest().empty());
    EXPECT_EQ(events(r.plus(event(0))), (std::vector<model::EventIndex>{0, 1, 2}));
    EXPECT_NE(compareValues(Value{s}, Value{r}), 0);
}

TEST(ValueSetTest, AHundredThousandAdditionsAreReadAndReleasedWithoutRecursion) {
    // One chain node per addition: reading sorts once, releasing unlinks iteratively (a
    // recursive release of this chain would overflow the stack).
    ValueSet s;
    for (model::EventIndex e = 0; e < 100000; ++e)
        s = s.plus(event(99999 - e));
    ASSERT_EQ(s.items().size(), 100000U);
    EXPECT_EQ(s.items().front().as<EventValue>()->event, 0U);
    ValueSet unread;
    for (model::EventIndex e = 0; e < 100000; ++e)
        unread = unread.plus(event(e));
    unread = ValueSet();
    EXPECT_TRUE(unread.empty());
}

}  // namespace
}  // namespace memx::cat
