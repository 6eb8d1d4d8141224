// Both wake-up mechanisms behind the signaler interface, and the mailbox on
// top of them: a wake-up is never lost, whichever thread posts and however
// the owner waits.
#include "base/signaler.hpp"
#include "io/mailbox.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <thread>
#include <vector>

namespace {

using zmx::condvar_signaler;
using zmx::eventfd_signaler;
using zmx::signaler;

template <typename T>
class Signaler : public ::testing::Test {
protected:
    T sig;
};

using Kinds = ::testing::Types<eventfd_signaler, condvar_signaler>;
TYPED_TEST_SUITE(Signaler, Kinds);

TYPED_TEST(Signaler, WaitTimesOutWithoutAWake) { EXPECT_EQ(this->sig.wait(0), 0); }

TYPED_TEST(Signaler, AWakeIsKeptUntilReset) {
    this->sig.wake();
    this->sig.wake();
    EXPECT_EQ(this->sig.wait(0), 1);
    EXPECT_EQ(this->sig.wait(0), 1);
    this->sig.reset();
    EXPECT_EQ(this->sig.wait(0), 0);
}

TYPED_TEST(Signaler, AWakeFromAnotherThreadEndsAnEndlessWait) {
    std::thread waker([this] { this->sig.wake(); });
    EXPECT_EQ(this->sig.wait(-1), 1);
    waker.join();
}

TEST(SignalerFd, OnlyTheEventfdOneIsPollable) {
    eventfd_signaler with_fd;
    condvar_signaler without_fd;
    EXPECT_GE(with_fd.fd(), 0);
    EXPECT_EQ(without_fd.fd(), -1);
}

template <typename T>
class Mailbox : public ::testing::Test {
protected:
    zmx::mailbox<int> box{std::make_unique<T>()};
};

TYPED_TEST_SUITE(Mailbox, Kinds);

TYPED_TEST(Mailbox, TakesEverythingPostedInOrder) {
    for (int i = 0; i < 3; ++i) {
        int command = i;
        ASSERT_TRUE(this->box.post(command));
    }
    EXPECT_TRUE(this->box.pending());
    std::vector<int> taken;
    this->box.take(taken);
    EXPECT_EQ(taken, (std::vector<int>{0, 1, 2}));
    EXPECT_FALSE(this->box.pending());
    EXPECT_EQ(this->box.sig().wait(0), 0);
}

TYPED_TEST(Mailbox, AClosedMailboxRefusesPosts) {
    int first = 1;
    this->box.post(first);
    EXPECT_EQ(this->box.close(), std::vector<int>{1});
    int later = 2;
    EXPECT_FALSE(this->box.post(later));
}

// A consumer that sleeps whenever its mailbox is empty must see every one
// of many posts from two threads: no wake-up may be lost.
TYPED_TEST(Mailbox, NoWakeUpIsLostUnderConcurrentPosts) {
    constexpr int per_thread = 20000;
    auto producer = [this](int base) {
        for (int i = 0; i < per_thread; ++i) {
            int command = base + i;
            this->box.post(command);
        }
    };
    std::thread a(producer, 0), b(producer, per_thread);
    std::vector<int> batch;
    int received = 0;
    while (received < 2 * per_thread) {
        if (!this->box.pending()) {
            ASSERT_EQ(this->box.sig().wait(5000), 1) << "lost wake-up after " << received;
        }
        this->box.take(batch);
        received += static_cast<int>(batch.size());
        batch.clear();
    }
    a.join();
    b.join();
    EXPECT_EQ(received, 2 * per_thread);
}

// A classic socket's mailbox wakes its descriptor only for a registered
// sleeper (zmx's own waits), or always once ZMQ_FD was handed out.
class SleeperMailbox : public ::testing::Test {
protected:
    zmx::mailbox<int> box{std::make_unique<eventfd_signaler>(), zmx::wake_policy::registered_sleepers};

    void post(int command) { ASSERT_TRUE(box.post(command)); }
    bool descriptor_woken() { return box.sig().wait(0) == 1; }
};

TEST_F(SleeperMailbox, APostWithNobodyAsleepLeavesTheDescriptorQuiet) {
    post(1);
    EXPECT_TRUE(box.pending());
    EXPECT_FALSE(descriptor_woken());
}

TEST_F(SleeperMailbox, ASleeperArrivingAfterAPostIsToldNotToBlock) {
    post(1);
    EXPECT_TRUE(box.begin_sleep());
    box.end_sleep();
    std::vector<int> taken;
    box.take(taken);
    EXPECT_FALSE(box.begin_sleep());
    box.end_sleep();
}

TEST_F(SleeperMailbox, APostWakesARegisteredSleeperAndTheTakeQuietsIt) {
    ASSERT_FALSE(box.begin_sleep());
    post(1);
    box.end_sleep();
    EXPECT_TRUE(descriptor_woken());
    std::vector<int> taken;
    box.take(taken);
    EXPECT_FALSE(descriptor_woken());
    post(2);  // nobody asleep any more
    EXPECT_FALSE(descriptor_woken());
}

TEST_F(SleeperMailbox, HandingOutTheDescriptorWakesItForWhatIsPendingAndWhatFollows) {
    post(1);
    box.wake_on_every_command();
    EXPECT_TRUE(descriptor_woken());
    std::vector<int> taken;
    box.take(taken);
    EXPECT_FALSE(descriptor_woken());
    post(2);
    EXPECT_TRUE(descriptor_woken());
}

TEST_F(SleeperMailbox, TheOwnersWaitTimesOutAndIsWokenFromAnotherThread) {
    EXPECT_EQ(box.wait(0), 0);
    std::thread poster([this] { post(7); });
    EXPECT_EQ(box.wait(5000), 1);
    poster.join();
    EXPECT_TRUE(box.pending());
}

// The owner alternates between busy looks (no sleeper: posts skip the
// descriptor) and blocking waits, while two threads post: every post is
// seen, none leaves the owner asleep.
TEST_F(SleeperMailbox, NoWakeUpIsLostBetweenBusyLooksAndWaits) {
    constexpr int per_thread = 20000;
    auto producer = [this](int base) {
        for (int i = 0; i < per_thread; ++i) {
            int command = base + i;
            box.post(command);
            if (i % 64 == 0)
                std::this_thread::yield();
        }
    };
    std::thread a(producer, 0), b(producer, per_thread);
    std::vector<int> batch;
    int received = 0;
    for (int round = 0; received < 2 * per_thread; ++round) {
        if (round % 2 == 0 && !box.pending()) {
            ASSERT_EQ(box.wait(5000), 1) << "lost wake-up after " << received;
        }
        box.take(batch);
        received += static_cast<int>(batch.size());
        batch.clear();
    }
    a.join();
    b.join();
    EXPECT_EQ(received, 2 * per_thread);
}

} // namespace
