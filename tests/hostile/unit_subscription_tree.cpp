// The subscription table as a radix tree, seen from inside: topics that
// share bytes split and rejoin nodes correctly, and a tree as deep as a
// hostile subscriber nests its topics is built, searched and freed by
// loops, on a stack far too small for one call per level.
#include "small_stack.hpp"
#include "socket/prefix_table.hpp"

#include <string>
#include <vector>

namespace {

using table = zmx::prefix_table<int>;

std::vector<int> matches(table& t, const std::string& data) {
    std::vector<int> values;
    t.for_each_prefix_of(data, [&values](int v) { values.push_back(v); });
    return values;
}

TEST(SubscriptionTree, TopicsThatShareBytesSplitAndRejoin) {
    table t;
    t.at("abc") = 1;
    t.at("abd") = 2;  // splits "abc" after "ab"
    t.at("ab") = 3;   // lands on the split
    t.at("a") = 4;    // splits again
    EXPECT_EQ(matches(t, "abcz"), (std::vector<int>{4, 3, 1}));
    EXPECT_EQ(matches(t, "abd"), (std::vector<int>{4, 3, 2}));
    EXPECT_EQ(matches(t, "ab"), (std::vector<int>{4, 3}));
    EXPECT_EQ(t.find("abe"), nullptr);
    EXPECT_EQ(t.find("abcd"), nullptr);

    t.erase("ab");  // still a branch point: stays, without a value
    EXPECT_EQ(matches(t, "abcz"), (std::vector<int>{4, 1}));
    t.erase("abc");  // "ab" now leads to "abd" only: they fold into one
    EXPECT_EQ(matches(t, "abd"), (std::vector<int>{4, 2}));
    EXPECT_EQ(*t.find("abd"), 2);
    t.erase("a");
    t.erase("abd");
    EXPECT_TRUE(t.empty());
    t.at("abc") = 5;  // the emptied tree takes topics again
    EXPECT_EQ(matches(t, "abc"), (std::vector<int>{5}));
}

TEST(SubscriptionTree, ForEachVisitsTopicsInByteOrder) {
    table t;
    for (const char* topic : {"b", "\xff", "ab", "", "a", "aa"})
        t.at(topic) = 0;
    std::vector<std::string> order;
    t.for_each([&order](const std::string& topic, int) { order.push_back(topic); });
    EXPECT_EQ(order, (std::vector<std::string>{"", "a", "aa", "ab", "b", "\xff"}));
}

constexpr size_t small_stack = 32 * 1024;
// Levels: enough that destroying the tree recursively overflows small_stack.
constexpr int depth = 5000;

TEST(SubscriptionTree, ADeepTreeIsBuiltSearchedAndFreedWithoutRecursion) {
    ht::run_on_small_stack(small_stack, [] {
        zmx::prefix_table<int> table;
        std::string topic;
        for (int level = 0; level < depth; ++level) {
            topic += static_cast<char>('a' + level % 26);
            table.at(topic) = level;
        }
        int matched = 0;
        table.for_each_prefix_of(topic, [&matched](int) { ++matched; });
        EXPECT_EQ(matched, depth);
        int visited = 0;
        table.for_each([&visited](const std::string&, int) { ++visited; });
        EXPECT_EQ(visited, depth);
        // Emptied from the top: each erase folds a level into the next.
        std::string prefix;
        for (int level = 0; level < depth / 2; ++level) {
            prefix += static_cast<char>('a' + level % 26);
            table.erase(prefix);
        }
        EXPECT_EQ(*table.find(topic), depth - 1);
        EXPECT_EQ(table.find(prefix), nullptr);
    });  // the table with its remaining levels is freed here
}

}  // namespace
