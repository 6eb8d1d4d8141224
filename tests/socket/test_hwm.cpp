// High-water marks over inproc, with the exact counts libzmq 4.3.4 gives:
// an inproc pipe holds the writer's SNDHWM plus the reader's RCVHWM
// messages (no limit if either is 0), and a writer stopped by a full pipe
// is woken once the reader has read half of that capacity, rounded up.
#include "zmq_test.hpp"

#include <chrono>

namespace {

using frames = std::vector<std::string>;

struct pipe_capacity {
    int sndhwm; // -1: leave the default
    int rcvhwm;
    int expected;
};

// PUSH (SNDHWM) -> PULL (RCVHWM), the PULL bound first or connected to later;
// stops counting at `limit`.
int measure_push_pull_capacity(const pipe_capacity& c, bool bind_first, int limit = 1000000)
{
    zt::context ctx;
    zt::socket push(ctx, ZMQ_PUSH), pull(ctx, ZMQ_PULL);
    if (c.sndhwm >= 0)
        zt::set_int(push, ZMQ_SNDHWM, c.sndhwm);
    if (c.rcvhwm >= 0)
        zt::set_int(pull, ZMQ_RCVHWM, c.rcvhwm);
    if (bind_first) {
        zt::bind(pull, "inproc://hwm");
        zt::connect(push, "inproc://hwm");
    } else {
        zt::connect(push, "inproc://hwm");
        zt::bind(pull, "inproc://hwm");
    }
    const int sent = zt::send_until_full(push, limit);
    EXPECT_EQ(static_cast<int>(zt::recv_all_now(pull).size()), sent);
    return sent;
}

class HwmCapacity : public ::testing::TestWithParam<pipe_capacity> {};

TEST_P(HwmCapacity, BindThenConnect)
{
    EXPECT_EQ(measure_push_pull_capacity(GetParam(), true), GetParam().expected);
}

TEST_P(HwmCapacity, ConnectThenBind)
{
    EXPECT_EQ(measure_push_pull_capacity(GetParam(), false), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Inproc, HwmCapacity,
                         ::testing::Values(pipe_capacity{-1, -1, 2000}, // defaults 1000 + 1000
                                           pipe_capacity{1, 1, 2},
                                           pipe_capacity{2, 3, 5},
                                           pipe_capacity{10, 10, 20},
                                           pipe_capacity{100, 1, 101},
                                           pipe_capacity{1, 100, 101},
                                           pipe_capacity{3000, 3000, 6000}));

TEST(Hwm, DefaultsAreAThousand)
{
    zt::context ctx;
    zt::socket s(ctx, ZMQ_DEALER);
    EXPECT_EQ(zt::get_int(s, ZMQ_SNDHWM), 1000);
    EXPECT_EQ(zt::get_int(s, ZMQ_RCVHWM), 1000);
}

// 0 on either side lifts the limit: far more than any finite default fits.
TEST(Hwm, ZeroMeansNoLimit)
{
    constexpr int many = 50000;
    for (const pipe_capacity c : {pipe_capacity{0, 1, many}, pipe_capacity{1, 0, many},
                                  pipe_capacity{0, 0, many}}) {
        EXPECT_EQ(measure_push_pull_capacity(c, true, many), many)
            << "SNDHWM " << c.sndhwm << " RCVHWM " << c.rcvhwm;
        EXPECT_EQ(measure_push_pull_capacity(c, false, many), many)
            << "SNDHWM " << c.sndhwm << " RCVHWM " << c.rcvhwm << ", connected first";
    }
}

struct wake_up {
    int sndhwm;
    int rcvhwm;
    int reads_to_wake; // (sndhwm + rcvhwm + 1) / 2
};

class HwmWakeUp : public ::testing::TestWithParam<wake_up> {};

// After the pipe fills, the writer stays stopped until the reader has read
// reads_to_wake messages; then exactly that many more fit.
TEST_P(HwmWakeUp, WriterResumesAtTheLowWaterMark)
{
    const wake_up w = GetParam();
    const int capacity = w.sndhwm + w.rcvhwm;
    zt::context ctx;
    zt::socket push(ctx, ZMQ_PUSH), pull(ctx, ZMQ_PULL);
    zt::set_int(push, ZMQ_SNDHWM, w.sndhwm);
    zt::set_int(pull, ZMQ_RCVHWM, w.rcvhwm);
    zt::bind(pull, "inproc://hwm");
    zt::connect(push, "inproc://hwm");
    ASSERT_EQ(zt::send_until_full(push), capacity);

    for (int read = 1; read < w.reads_to_wake; ++read) {
        ASSERT_EQ(zt::recv_str(pull), "x");
        ASSERT_EQ(zt::get_int(push, ZMQ_EVENTS) & ZMQ_POLLOUT, 0) << "after " << read << " reads";
    }
    ASSERT_EQ(zt::recv_str(pull), "x");
    // ZMQ_EVENTS (like zmq_poll) takes in the reader's news at once; a bare
    // zmq_send(ZMQ_DONTWAIT) in libzmq may look at its commands only later.
    ASSERT_TRUE(zt::wait_writable(push));
    EXPECT_EQ(zt::send_until_full(push), w.reads_to_wake);
    EXPECT_EQ(static_cast<int>(zt::recv_all_now(pull).size()), capacity);
}

INSTANTIATE_TEST_SUITE_P(Inproc, HwmWakeUp,
                         ::testing::Values(wake_up{1, 1, 1}, wake_up{2, 1, 2}, wake_up{2, 2, 2},
                                           wake_up{3, 2, 3}, wake_up{10, 1, 6},
                                           wake_up{100, 1, 51}, wake_up{1000, 1000, 1000},
                                           wake_up{1000, 1, 501}, wake_up{2048, 1, 1025},
                                           wake_up{3000, 1, 1501}, wake_up{5000, 5000, 5000}));

// Connected before the bind, a PUSH can queue its own SNDHWM only; once the
// PULL binds, the pipe grows by the PULL's RCVHWM.
TEST(Hwm, ConnectBeforeBindQueuesSndhwmThenGrows)
{
    for (const pipe_capacity c : {pipe_capacity{10, 10, 0}, pipe_capacity{4, 1, 0},
                                  pipe_capacity{1000, 1000, 0}}) {
        zt::context ctx;
        zt::socket push(ctx, ZMQ_PUSH), pull(ctx, ZMQ_PULL);
        zt::set_int(push, ZMQ_SNDHWM, c.sndhwm);
        zt::set_int(pull, ZMQ_RCVHWM, c.rcvhwm);
        zt::connect(push, "inproc://hwm");
        EXPECT_EQ(zt::send_until_full(push), c.sndhwm);

        zt::bind(pull, "inproc://hwm");
        ASSERT_TRUE(zt::wait_writable(push));
        EXPECT_EQ(zt::send_until_full(push), c.rcvhwm);
        EXPECT_EQ(static_cast<int>(zt::recv_all_now(pull).size()), c.sndhwm + c.rcvhwm);
    }
}

// A PUSH with several peers stops only when every pipe is full, skipping the
// full ones on the way: (1 + 1) + (1 + 5) messages.
TEST(Hwm, PushFillsEveryPeerBeforeBlocking)
{
    zt::context ctx;
    zt::socket push(ctx, ZMQ_PUSH), small(ctx, ZMQ_PULL), large(ctx, ZMQ_PULL);
    zt::set_int(push, ZMQ_SNDHWM, 1);
    zt::set_int(small, ZMQ_RCVHWM, 1);
    zt::set_int(large, ZMQ_RCVHWM, 5);
    zt::bind(small, "inproc://small");
    zt::bind(large, "inproc://large");
    zt::connect(push, "inproc://small");
    zt::connect(push, "inproc://large");

    int sent = 0;
    while (zmq_send(push, std::to_string(sent).c_str(), std::to_string(sent).size(), ZMQ_DONTWAIT) >= 0)
        ++sent;
    EXPECT_EQ(zmq_errno(), EAGAIN);
    EXPECT_EQ(sent, 8);
    EXPECT_EQ(zt::recv_all_now(small), (frames{"0", "2"}));
    EXPECT_EQ(zt::recv_all_now(large), (frames{"1", "3", "4", "5", "6", "7"}));
}

TEST(Hwm, FullPushBlocksUntilSndtimeo)
{
    zt::context ctx;
    zt::socket push(ctx, ZMQ_PUSH), pull(ctx, ZMQ_PULL);
    zt::set_int(push, ZMQ_SNDHWM, 1);
    zt::set_int(pull, ZMQ_RCVHWM, 1);
    zt::bind(pull, "inproc://hwm");
    zt::connect(push, "inproc://hwm");
    ASSERT_EQ(zt::send_until_full(push), 2);
    ZT_EXPECT_ERRNO(zmq_send(push, "x", 1, ZMQ_DONTWAIT), EAGAIN);
    zt::set_int(push, ZMQ_SNDTIMEO, 100);
    const auto start = std::chrono::steady_clock::now();
    ZT_EXPECT_ERRNO(zmq_send(push, "x", 1, 0), EAGAIN);
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(90));
}

TEST(Hwm, FullDealerBlocks)
{
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER), dealer(ctx, ZMQ_DEALER);
    zt::bind(router, "inproc://router");
    zt::connect(dealer, "inproc://router");
    EXPECT_EQ(zt::send_until_full(dealer), 2000);
    zt::set_int(dealer, ZMQ_SNDTIMEO, 50);
    ZT_EXPECT_ERRNO(zmq_send(dealer, "x", 1, 0), EAGAIN);
    EXPECT_EQ(static_cast<int>(zt::recv_all_now(router).size()), 2 * 2000);
}

// ROUTER's SNDHWM 3 plus the DEALER's RCVHWM 4: 7 messages fit, the rest of
// the 50 are dropped without an error.
TEST(Hwm, FullRouterDrops)
{
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER), dealer(ctx, ZMQ_DEALER);
    zt::set_int(router, ZMQ_SNDHWM, 3);
    zt::set_int(dealer, ZMQ_RCVHWM, 4);
    zt::set_bytes(dealer, ZMQ_ROUTING_ID, "D");
    zt::bind(router, "inproc://router");
    zt::connect(dealer, "inproc://router");
    zt::send_str(dealer, "hello");
    ASSERT_EQ(zt::recv_multipart(router), (frames{"D", "hello"}));

    for (int i = 0; i < 50; ++i)
        zt::send_multipart(router, {"D", std::to_string(i)}); // flags 0, never blocks
    EXPECT_EQ(zt::recv_all_now(dealer), (frames{"0", "1", "2", "3", "4", "5", "6"}));
}

TEST(Hwm, FullMandatoryRouterReportsEagain)
{
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER), dealer(ctx, ZMQ_DEALER);
    zt::set_int(router, ZMQ_SNDHWM, 3);
    zt::set_int(router, ZMQ_ROUTER_MANDATORY, 1);
    zt::set_int(dealer, ZMQ_RCVHWM, 4);
    zt::set_bytes(dealer, ZMQ_ROUTING_ID, "D");
    zt::bind(router, "inproc://router");
    zt::connect(dealer, "inproc://router");
    zt::send_str(dealer, "hello");
    ASSERT_EQ(zt::recv_multipart(router), (frames{"D", "hello"}));

    for (int i = 0; i < 7; ++i)
        zt::send_multipart(router, {"D", std::to_string(i)});
    // The routing-id frame is refused, with or without ZMQ_DONTWAIT.
    ZT_EXPECT_ERRNO(zmq_send(router, "D", 1, ZMQ_SNDMORE | ZMQ_DONTWAIT), EAGAIN);
    zt::set_int(router, ZMQ_SNDTIMEO, 50);
    ZT_EXPECT_ERRNO(zmq_send(router, "D", 1, ZMQ_SNDMORE), EAGAIN);

    EXPECT_EQ(zt::recv_all_now(dealer).size(), 7u);
    ASSERT_TRUE(zt::wait_writable(router));
    zt::send_multipart(router, {"D", "after"});
    EXPECT_EQ(zt::recv_str(dealer), "after");
}

// The limit counts messages, not frames; once a message's first frame is in,
// its remaining frames always are.
TEST(Hwm, CountsWholeMessages)
{
    zt::context ctx;
    zt::socket push(ctx, ZMQ_PUSH), pull(ctx, ZMQ_PULL);
    zt::set_int(push, ZMQ_SNDHWM, 1);
    zt::set_int(pull, ZMQ_RCVHWM, 1);
    zt::bind(pull, "inproc://hwm");
    zt::connect(push, "inproc://hwm");

    zt::send_str(push, "single");
    ASSERT_EQ(zmq_send(push, "first", 5, ZMQ_SNDMORE | ZMQ_DONTWAIT), 5);
    for (int i = 0; i < 10; ++i)
        ASSERT_EQ(zmq_send(push, "more", 4, ZMQ_SNDMORE | ZMQ_DONTWAIT), 4);
    ASSERT_EQ(zmq_send(push, "last", 4, ZMQ_DONTWAIT), 4);
    ZT_EXPECT_ERRNO(zmq_send(push, "over", 4, ZMQ_SNDMORE | ZMQ_DONTWAIT), EAGAIN);

    EXPECT_EQ(zt::recv_multipart(pull), (frames{"single"}));
    EXPECT_EQ(zt::recv_multipart(pull).size(), 12u);
}

} // namespace
