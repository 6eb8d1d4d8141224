// The I/O thread: one mailbox carries both posted tasks and pipe commands,
// in order; it owns the objects it serves from adopt() until they retire,
// and its destructor lets them finish first. Every wait is on a future with
// a safety timeout, never a sleep.
#include "io/io_thread.hpp"
#include "io/pipe.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>
#include <vector>

namespace {

using zmx::command;
using zmx::io_object;
using zmx::io_thread;
using namespace std::chrono_literals;

constexpr auto safety = 5s;

void wait_for_turn(io_thread& t) {
    std::promise<void> done;
    t.post([&] { done.set_value(); });
    ASSERT_EQ(done.get_future().wait_for(safety), std::future_status::ready);
}

TEST(IoThread, PostedTasksRunOnTheThreadInOrder) {
    io_thread t;
    std::vector<int> order;
    std::thread::id ran_on;
    for (int i = 0; i < 100; ++i)
        t.post([&order, i] { order.push_back(i); });
    t.post([&] { ran_on = std::this_thread::get_id(); });
    wait_for_turn(t);
    EXPECT_NE(ran_on, std::this_thread::get_id());
    std::vector<int> expected(100);
    for (int i = 0; i < 100; ++i)
        expected[i] = i;
    EXPECT_EQ(order, expected);
}

// Records what the thread does with it; retires when cancelled.
struct probe final : io_object {
    explicit probe(io_thread& t, std::promise<void>& destroyed) : io_object(t), destroyed_(destroyed) {}
    ~probe() override { destroyed_.set_value(); }
    void start() override { started_on = std::this_thread::get_id(); }
    void cancel() override {
        ++cancels;
        thread_.retire(this);
    }
    std::thread::id started_on;
    int cancels = 0;
    std::promise<void>& destroyed_;
};

TEST(IoThread, StartsAnAdoptedObjectAndCancelsItById) {
    io_thread t;
    std::promise<void> destroyed;
    auto owned = std::make_unique<probe>(t, destroyed);
    probe* p = owned.get();
    const io_object::id id = p->object_id();
    t.adopt(std::move(owned));
    wait_for_turn(t);
    EXPECT_NE(p->started_on, std::this_thread::get_id());
    ASSERT_EQ(t.cancel(id).wait_for(safety), std::future_status::ready);
    EXPECT_EQ(destroyed.get_future().wait_for(safety), std::future_status::ready);
    // Gone: a second cancel finds nothing and still completes.
    EXPECT_EQ(t.cancel(id).wait_for(safety), std::future_status::ready);
}

TEST(IoThread, ObjectIdsAreUnique) {
    io_thread t;
    std::promise<void> a_gone, b_gone;
    probe a(t, a_gone), b(t, b_gone);
    EXPECT_NE(a.object_id(), b.object_id());
}

// A pipe end owned on the I/O thread hears its pipe's commands there.
struct listening_owner final : zmx::pipe_owner {
    void pipe_delimited(zmx::pipe*) override {}
    void pipe_command(command& c) override { heard.set_value(c.what); }
    std::promise<command::kind> heard;
};

TEST(IoThread, DeliversPipeCommandsToThePipesOwner) {
    io_thread t;
    auto pair = zmx::pipe_pair::create();
    listening_owner owner;
    t.post([&] {
        zmx::pipe& end = pair->end(1);
        end.attach(&owner);
        end.set_mailbox(t.mailbox());
        EXPECT_FALSE(end.check_read());  // asleep: a write must wake it
    });
    wait_for_turn(t);
    zmx::msg m;
    m.init();
    ASSERT_TRUE(pair->end(0).write(m));
    auto heard = owner.heard.get_future();
    ASSERT_EQ(heard.wait_for(safety), std::future_status::ready);
    EXPECT_EQ(heard.get(), command::kind::activate_read);
    t.post([&] { pair->end(1).attach(nullptr); });
    wait_for_turn(t);
}

// Takes a while to finish once the context terminates.
struct slow_finisher final : io_object, zmx::io_handler {
    slow_finisher(io_thread& t, bool& finished) : io_object(t), finished_(finished) {}
    void start() override {}
    void cancel() override {}
    void context_terminating() override { thread_.loop().add_timer(20, this, 1); }
    void on_timer(int) override {
        finished_ = true;
        thread_.retire(this);
    }
    bool& finished_;
};

TEST(IoThread, DestructionWaitsForEveryObjectToFinish) {
    bool finished = false;
    {
        io_thread t;
        t.adopt(std::make_unique<slow_finisher>(t, finished));
    }
    EXPECT_TRUE(finished);
}

} // namespace
