// Subscription matching by prefix, without recursion over topic length.
#include "socket/prefix_table.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using table = zmx::prefix_table<int>;

int matches(table& t, const std::string& data) {
    int n = 0;
    t.for_each_prefix_of(data, [&n](int&) { ++n; });
    return n;
}

TEST(PrefixTable, MatchesEveryTopicThatIsAPrefix) {
    table t;
    t.at("") = 1;
    t.at("a") = 1;
    t.at("ab") = 1;
    t.at("b") = 1;
    EXPECT_EQ(matches(t, "abc"), 3);
    EXPECT_EQ(matches(t, "a"), 2);
    EXPECT_EQ(matches(t, ""), 1);
    EXPECT_EQ(matches(t, "c"), 1);
}

TEST(PrefixTable, EraseForgetsTheTopicAndItsLength) {
    table t;
    t.at("ab") = 1;
    t.erase("ab");
    EXPECT_TRUE(t.empty());
    EXPECT_EQ(matches(t, "abc"), 0);
    t.erase("never there");
}

// The class of CVE-2021-20236: a 1 MB subscription and its removal cost no
// stack depth per byte.
TEST(PrefixTable, AMegabyteTopicIsAddedMatchedAndRemoved) {
    table t;
    const std::string huge(1 << 20, 'x');
    t.at(huge) = 1;
    EXPECT_EQ(matches(t, huge + "tail"), 1);
    EXPECT_EQ(matches(t, huge.substr(1)), 0);
    t.erase(huge);
    EXPECT_TRUE(t.empty());
}

} // namespace
