// Statements of zmq_timers(3) and zmq_atomic_counter_destroy(3). A timer's
// own due time is the event these tests wait for: they sleep for what
// zmq_timers_timeout says is left, never for a guess.
#include "zmq_test.hpp"

#include <chrono>
#include <thread>

namespace {

// A timer set destroyed on scope exit, and a handler that counts calls.
class Timers : public ::testing::Test {
protected:
    ~Timers() override {
        if (timers_)
            zmq_timers_destroy(&timers_);
    }

    static void count(int, void* arg) { ++*static_cast<int*>(arg); }

    // Sleeps until the next timer is due and runs the expired ones, until
    // a handler ran (the time left is given in whole milliseconds).
    void run_when_due() {
        const int before = calls_;
        while (calls_ == before) {
            const long left = zmq_timers_timeout(timers_);
            ASSERT_GE(left, 0);
            std::this_thread::sleep_for(std::chrono::milliseconds(left));
            ASSERT_EQ(zmq_timers_execute(timers_), 0);
        }
    }

    void* timers_ = zmq_timers_new();
    int calls_ = 0;
};

TEST_F(Timers, AddGivesDistinctIdsAndANullHandlerIsAFault) {
    ASSERT_NE(timers_, nullptr);
    const int first = zmq_timers_add(timers_, 1000, count, &calls_);
    const int second = zmq_timers_add(timers_, 1000, count, &calls_);
    EXPECT_GT(first, 0);
    EXPECT_GT(second, 0);
    EXPECT_NE(first, second);
    ZT_EXPECT_ERRNO(zmq_timers_add(timers_, 1000, nullptr, &calls_), EFAULT);
}

TEST_F(Timers, TimeoutIsMinusOneWithoutTimersElseTheTimeLeft) {
    EXPECT_EQ(zmq_timers_timeout(timers_), -1);
    zmq_timers_add(timers_, 5000, count, &calls_);
    const long left = zmq_timers_timeout(timers_);
    EXPECT_GT(left, 4000);
    EXPECT_LE(left, 5000);
}

TEST_F(Timers, ExecuteRunsOnlyExpiredTimersAndATimerRepeatsUntilCancelled) {
    const int id = zmq_timers_add(timers_, 20, count, &calls_);
    ASSERT_EQ(zmq_timers_execute(timers_), 0);
    EXPECT_EQ(calls_, 0);  // not due yet
    run_when_due();
    EXPECT_EQ(calls_, 1);
    run_when_due();
    EXPECT_EQ(calls_, 2);
    ASSERT_EQ(zmq_timers_cancel(timers_, id), 0);
    EXPECT_EQ(zmq_timers_timeout(timers_), -1);
}

TEST_F(Timers, CancelOfAnUnknownOrCancelledTimerIsInvalid) {
    const int id = zmq_timers_add(timers_, 1000, count, &calls_);
    ZT_EXPECT_ERRNO(zmq_timers_cancel(timers_, id + 100), EINVAL);
    ASSERT_EQ(zmq_timers_cancel(timers_, id), 0);
    ZT_EXPECT_ERRNO(zmq_timers_cancel(timers_, id), EINVAL);
}

TEST_F(Timers, SetIntervalMovesTheExpiryAndRefusesAnUnknownTimer) {
    const int id = zmq_timers_add(timers_, 60000, count, &calls_);
    ASSERT_EQ(zmq_timers_set_interval(timers_, id, 20), 0);
    EXPECT_LE(zmq_timers_timeout(timers_), 20);
    run_when_due();
    EXPECT_EQ(calls_, 1);
    ZT_EXPECT_ERRNO(zmq_timers_set_interval(timers_, id + 100, 20), EINVAL);
}

TEST_F(Timers, ResetRestartsTheInterval) {
    const int id = zmq_timers_add(timers_, 5000, count, &calls_);
    ASSERT_EQ(zmq_timers_set_interval(timers_, id, 5000), 0);
    ASSERT_EQ(zmq_timers_reset(timers_, id), 0);
    EXPECT_GT(zmq_timers_timeout(timers_), 4000);
    ZT_EXPECT_ERRNO(zmq_timers_reset(timers_, id + 100), EINVAL);
}

TEST_F(Timers, DestroySetsThePointerToNullAndAFreedSetIsAFault) {
    ASSERT_EQ(zmq_timers_destroy(&timers_), 0);
    EXPECT_EQ(timers_, nullptr);
    ZT_EXPECT_ERRNO(zmq_timers_destroy(&timers_), EFAULT);
    ZT_EXPECT_ERRNO(zmq_timers_execute(nullptr), EFAULT);
}

TEST(AtomicCounterDestroy, FreesTheCounterAndSetsThePointerToNull) {
    void* counter = zmq_atomic_counter_new();
    ASSERT_NE(counter, nullptr);
    zmq_atomic_counter_destroy(&counter);
    EXPECT_EQ(counter, nullptr);
}

} // namespace
