// The small utilities of zmq.h: atomic counters, with the results libzmq
// 4.3.4 gives.
#include "zmq_test.hpp"

#include <cstdint>

namespace {

TEST(AtomicCounter, IncReturnsTheOldValue) {
    void* counter = zmq_atomic_counter_new();
    EXPECT_EQ(zmq_atomic_counter_inc(counter), 0);
    EXPECT_EQ(zmq_atomic_counter_inc(counter), 1);
    EXPECT_EQ(zmq_atomic_counter_value(counter), 2);
    zmq_atomic_counter_destroy(&counter);
    EXPECT_EQ(counter, nullptr);
}

// Not the new value: 1 while the counter is not zero, 0 when it reaches zero
// (and 1 again below zero), as zmq_atomic_counter_dec(3) says.
TEST(AtomicCounter, DecSaysWhetherTheCounterIsStillNonZero) {
    void* counter = zmq_atomic_counter_new();
    zmq_atomic_counter_set(counter, 3);
    EXPECT_EQ(zmq_atomic_counter_dec(counter), 1);
    EXPECT_EQ(zmq_atomic_counter_dec(counter), 1);
    EXPECT_EQ(zmq_atomic_counter_dec(counter), 0);
    EXPECT_EQ(zmq_atomic_counter_value(counter), 0);
    EXPECT_EQ(zmq_atomic_counter_dec(counter), 1);
    EXPECT_EQ(zmq_atomic_counter_value(counter), -1);
    zmq_atomic_counter_destroy(&counter);
}

} // namespace
