// The lock-free SPSC queue: visibility only on flush, rollback of unflushed
// items, chunk boundaries, and a producer and consumer on two threads.
#include "base/spsc_queue.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace {

using queue = zmx::spsc_queue<int, 4>;  // tiny chunks to cross boundaries often

TEST(SpscQueue, ItemsAreInvisibleUntilFlushed) {
    queue q;
    q.push_slot() = 1;
    EXPECT_EQ(q.front(), nullptr);
    q.flush();
    ASSERT_NE(q.front(), nullptr);
    EXPECT_EQ(*q.front(), 1);
}

TEST(SpscQueue, RollbackDropsOnlyUnflushedItemsAcrossChunks) {
    queue q;
    q.push_slot() = 1;
    q.flush();
    std::vector<int> dropped;
    for (int i = 2; i < 12; ++i)
        q.push_slot() = i;
    q.rollback([&](int& item) { dropped.push_back(item); });
    EXPECT_EQ(dropped, (std::vector<int>{2, 3, 4, 5, 6, 7, 8, 9, 10, 11}));
    q.push_slot() = 99;
    q.flush();
    std::vector<int> seen;
    while (int* item = q.front()) {
        seen.push_back(*item);
        q.pop();
    }
    EXPECT_EQ(seen, (std::vector<int>{1, 99}));
}

TEST(SpscQueue, TwoThreadsSeeEveryItemInOrder) {
    queue q;
    constexpr int count = 200000;
    std::thread producer([&] {
        for (int i = 0; i < count; ++i) {
            q.push_slot() = i;
            if (i % 3 == 0)
                q.flush();
        }
        q.flush();
    });
    int expected = 0;
    while (expected < count) {
        if (int* item = q.front()) {
            ASSERT_EQ(*item, expected);
            q.pop();
            ++expected;
        } else {
            std::this_thread::yield();
        }
    }
    producer.join();
    EXPECT_EQ(q.front(), nullptr);
}

} // namespace
