// PUSH distributes round-robin, PULL fair-queues, and each refuses the
// other's direction (zmq_socket(3)).
#include "zmq_test.hpp"

#include <chrono>

namespace {

TEST(PushPull, PushRoundRobinsAcrossConnectedPulls)
{
    zt::context ctx;
    zt::socket pull0(ctx, ZMQ_PULL), pull1(ctx, ZMQ_PULL), pull2(ctx, ZMQ_PULL);
    zt::bind(pull0, "inproc://pull0");
    zt::bind(pull1, "inproc://pull1");
    zt::bind(pull2, "inproc://pull2");
    zt::socket push(ctx, ZMQ_PUSH);
    zt::connect(push, "inproc://pull0");
    zt::connect(push, "inproc://pull1");
    zt::connect(push, "inproc://pull2");

    for (int i = 0; i < 6; ++i)
        zt::send_str(push, std::to_string(i));

    EXPECT_EQ(zt::recv_str(pull0), "0");
    EXPECT_EQ(zt::recv_str(pull1), "1");
    EXPECT_EQ(zt::recv_str(pull2), "2");
    EXPECT_EQ(zt::recv_str(pull0), "3");
    EXPECT_EQ(zt::recv_str(pull1), "4");
    EXPECT_EQ(zt::recv_str(pull2), "5");
}

// The bound PUSH learns of its peers from commands; polling settles them in
// connection order, which is the order round-robin then follows.
TEST(PushPull, BoundPushRoundRobinsInConnectionOrder)
{
    zt::context ctx;
    zt::socket push(ctx, ZMQ_PUSH);
    zt::bind(push, "inproc://push");
    zt::socket pull0(ctx, ZMQ_PULL), pull1(ctx, ZMQ_PULL), pull2(ctx, ZMQ_PULL);
    zt::connect(pull0, "inproc://push");
    zt::connect(pull1, "inproc://push");
    zt::connect(pull2, "inproc://push");
    ASSERT_TRUE(zt::wait_writable(push));

    for (int i = 0; i < 6; ++i)
        zt::send_str(push, std::to_string(i));

    EXPECT_EQ(zt::recv_str(pull0), "0");
    EXPECT_EQ(zt::recv_str(pull0), "3");
    EXPECT_EQ(zt::recv_str(pull1), "1");
    EXPECT_EQ(zt::recv_str(pull1), "4");
    EXPECT_EQ(zt::recv_str(pull2), "2");
    EXPECT_EQ(zt::recv_str(pull2), "5");
}

TEST(PushPull, PullFairQueuesFromSeveralPushes)
{
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    zt::bind(pull, "inproc://pull");
    zt::socket push0(ctx, ZMQ_PUSH), push1(ctx, ZMQ_PUSH), push2(ctx, ZMQ_PUSH);
    void* pushes[] = {push0, push1, push2};
    for (void* push : pushes)
        zt::connect(push, "inproc://pull");
    for (int p = 0; p < 3; ++p)
        for (int m = 0; m < 3; ++m)
            zt::send_str(pushes[p], std::to_string(p) + "-" + std::to_string(m));

    // One message from each sender in turn, not all of one sender first.
    for (int m = 0; m < 3; ++m)
        for (int p = 0; p < 3; ++p)
            EXPECT_EQ(zt::recv_str(pull), std::to_string(p) + "-" + std::to_string(m));
    EXPECT_TRUE(zt::recv_all_now(pull).empty());
}

TEST(PushPull, PushWithoutPeersWouldBlock)
{
    zt::context ctx;
    zt::socket push(ctx, ZMQ_PUSH);
    ZT_EXPECT_ERRNO(zmq_send(push, "x", 1, ZMQ_DONTWAIT), EAGAIN);
    zt::bind(push, "inproc://lonely");
    ZT_EXPECT_ERRNO(zmq_send(push, "x", 1, ZMQ_DONTWAIT), EAGAIN);
}

TEST(PushPull, PushWithoutPeersTimesOutWithSndtimeo)
{
    zt::context ctx;
    zt::socket push(ctx, ZMQ_PUSH);
    zt::bind(push, "inproc://lonely");
    zt::set_int(push, ZMQ_SNDTIMEO, 100);
    const auto start = std::chrono::steady_clock::now();
    ZT_EXPECT_ERRNO(zmq_send(push, "x", 1, 0), EAGAIN);
    // It did block, for about the timeout, rather than fail at once.
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(90));
}

TEST(PushPull, PushWithoutPeersIsNotWritable)
{
    zt::context ctx;
    zt::socket push(ctx, ZMQ_PUSH);
    zt::bind(push, "inproc://lonely");
    EXPECT_EQ(zt::get_int(push, ZMQ_EVENTS) & ZMQ_POLLOUT, 0);
    zt::socket pull(ctx, ZMQ_PULL);
    zt::connect(pull, "inproc://lonely");
    EXPECT_TRUE(zt::wait_writable(push));
}

TEST(PushPull, PullRefusesToSend)
{
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    ZT_EXPECT_ERRNO(zmq_send(pull, "x", 1, ZMQ_DONTWAIT), ENOTSUP);
    ZT_EXPECT_ERRNO(zmq_send(pull, "x", 1, 0), ENOTSUP);
    EXPECT_EQ(zt::get_int(pull, ZMQ_EVENTS) & ZMQ_POLLOUT, 0);
}

TEST(PushPull, PushRefusesToReceive)
{
    zt::context ctx;
    zt::socket push(ctx, ZMQ_PUSH);
    char buf[8];
    ZT_EXPECT_ERRNO(zmq_recv(push, buf, sizeof buf, ZMQ_DONTWAIT), ENOTSUP);
    ZT_EXPECT_ERRNO(zmq_recv(push, buf, sizeof buf, 0), ENOTSUP);
    EXPECT_EQ(zt::get_int(push, ZMQ_EVENTS) & ZMQ_POLLIN, 0);
}

} // namespace
