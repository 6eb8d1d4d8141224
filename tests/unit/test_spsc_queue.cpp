// The lock-free SPSC queue: visibility only on flush, rollback of unflushed
// items, chunk boundaries, chunks that grow from a small first one, and a
// producer and consumer on two threads.
#include "base/spsc_queue.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace {

using queue = zmx::spsc_queue<int, 4>;  // tiny chunks to cross boundaries often
using growing_queue = zmx::spsc_queue<int, 64, 1>;  // chunks of 1, 2, 4, ... 64 items

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

TEST(SpscQueue, GrowingChunksKeepOrderAndRollBackAcrossTheirBoundaries) {
    growing_queue q;
    std::vector<int> seen;
    int next = 0;
    for (int round = 0; round < 50; ++round) {
        // Unflushed items across several chunk sizes, then taken back.
        for (int i = 0; i < round * 3; ++i)
            q.push_slot() = -1;
        q.rollback([](int& item) { EXPECT_EQ(item, -1); });
        for (int i = 0; i < round * 5; ++i)
            q.push_slot() = next++;
        q.flush();
        while (int* item = q.front()) {
            seen.push_back(*item);
            q.pop();
        }
    }
    ASSERT_EQ(seen.size(), static_cast<size_t>(next));
    for (int i = 0; i < next; ++i)
        ASSERT_EQ(seen[static_cast<size_t>(i)], i);
}

template <typename Queue>
void two_threads_see_every_item_in_order() {
    Queue q;
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

TEST(SpscQueue, TwoThreadsSeeEveryItemInOrder) { two_threads_see_every_item_in_order<queue>(); }

TEST(SpscQueue, TwoThreadsSeeEveryItemInOrderWhileChunksGrow) { two_threads_see_every_item_in_order<growing_queue>(); }

} // namespace
