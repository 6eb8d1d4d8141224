// Multipart messages are atomic: received whole or not at all, never
// interleaved with another sender's frames; empty frames and large
// messages travel unchanged (zmq_send(3), zmq_recv(3)).
#include "zmq_test.hpp"

#include <string>
#include <thread>

namespace {

using frames = std::vector<std::string>;

TEST(Multipart, PartialMessageIsInvisibleUntilTheLastFrame)
{
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    zt::bind(pull, "inproc://pull");
    zt::socket slow(ctx, ZMQ_PUSH), quick(ctx, ZMQ_PUSH);
    zt::connect(slow, "inproc://pull");
    zt::connect(quick, "inproc://pull");

    zt::send_str(slow, "slow 1", ZMQ_SNDMORE);
    zt::send_str(slow, "slow 2", ZMQ_SNDMORE);
    char buf[16];
    ZT_EXPECT_ERRNO(zmq_recv(pull, buf, sizeof buf, ZMQ_DONTWAIT), EAGAIN);
    EXPECT_EQ(zt::get_int(pull, ZMQ_EVENTS) & ZMQ_POLLIN, 0);

    zt::send_multipart(quick, {"quick 1", "quick 2"});
    EXPECT_EQ(zt::recv_multipart(pull), (frames{"quick 1", "quick 2"}));

    zt::send_str(slow, "slow 3");
    EXPECT_EQ(zt::recv_multipart(pull), (frames{"slow 1", "slow 2", "slow 3"}));
}

TEST(Multipart, SenderClosedMidMessageDeliversNothing)
{
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    zt::bind(pull, "inproc://pull");
    zt::socket quitter(ctx, ZMQ_PUSH), other(ctx, ZMQ_PUSH);
    zt::connect(quitter, "inproc://pull");
    zt::connect(other, "inproc://pull");

    zt::send_str(quitter, "half", ZMQ_SNDMORE);
    quitter.close();
    zt::send_str(other, "whole");
    EXPECT_EQ(zt::recv_multipart(pull), (frames{"whole"}));
    EXPECT_TRUE(zt::recv_all_now(pull).empty());
}

TEST(Multipart, RcvmoreMarksEveryFrameButTheLast)
{
    zt::context ctx;
    zt::socket a(ctx, ZMQ_PAIR), b(ctx, ZMQ_PAIR);
    zt::bind(a, "inproc://pair");
    zt::connect(b, "inproc://pair");
    zt::send_multipart(a, {"1", "2", "3"});

    zmq_msg_t msg;
    zmq_msg_init(&msg);
    for (int i = 0; i < 3; ++i) {
        ASSERT_EQ(zmq_msg_recv(&msg, b, 0), 1);
        const int more_expected = i < 2 ? 1 : 0;
        EXPECT_EQ(zmq_msg_more(&msg), more_expected);
        EXPECT_EQ(zt::get_int(b, ZMQ_RCVMORE), more_expected);
    }
    zmq_msg_close(&msg);
}

TEST(Multipart, EmptyFramesTravelUnchanged)
{
    zt::context ctx;
    zt::socket a(ctx, ZMQ_PAIR), b(ctx, ZMQ_PAIR);
    zt::bind(a, "inproc://pair");
    zt::connect(b, "inproc://pair");

    zt::send_str(a, "");
    zt::send_multipart(a, {"", "", ""});
    zt::send_multipart(a, {"", "middle", ""});
    EXPECT_EQ(zt::recv_multipart(b), (frames{""}));
    EXPECT_EQ(zt::recv_multipart(b), (frames{"", "", ""}));
    EXPECT_EQ(zt::recv_multipart(b), (frames{"", "middle", ""}));

    ASSERT_EQ(zmq_send(a, nullptr, 0, 0), 0);
    char buf[4];
    EXPECT_EQ(zmq_recv(b, buf, sizeof buf, 0), 0);
}

TEST(Multipart, TenMegabyteMessage)
{
    zt::context ctx;
    zt::socket a(ctx, ZMQ_PAIR), b(ctx, ZMQ_PAIR);
    zt::bind(a, "inproc://pair");
    zt::connect(b, "inproc://pair");

    std::string big(10 * 1024 * 1024, '\0');
    for (size_t i = 0; i < big.size(); ++i)
        big[i] = static_cast<char>(i * 7 + i / 4093);
    zt::send_multipart(a, {"header", big, "trailer"});
    const frames got = zt::recv_multipart(b);
    ASSERT_EQ(got.size(), 3u);
    EXPECT_EQ(got[0], "header");
    EXPECT_TRUE(got[1] == big) << "payload differs, size " << got[1].size();
    EXPECT_EQ(got[2], "trailer");
}

// Two threads, each with its own PUSH, send many three-frame messages at once;
// every message the PULL receives is one sender's, whole and in order.
TEST(Multipart, ConcurrentSendersNeverInterleaveFrames)
{
    constexpr int messages_per_sender = 2000;
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    zt::bind(pull, "inproc://pull");

    auto sender = [&ctx](std::string name) {
        zt::socket push(ctx, ZMQ_PUSH);
        zt::set_int(push, ZMQ_LINGER, -1); // deliver everything before closing
        zt::connect(push, "inproc://pull");
        for (int i = 0; i < messages_per_sender; ++i)
            zt::send_multipart(push, {name, std::to_string(i), name + " end"});
    };
    std::thread first(sender, "A"), second(sender, "B");

    int next_a = 0, next_b = 0;
    for (int received = 0; received < 2 * messages_per_sender; ++received) {
        const frames message = zt::recv_multipart(pull);
        ASSERT_EQ(message.size(), 3u) << message[0];
        int& next = message[0] == "A" ? next_a : next_b;
        ASSERT_TRUE(message[0] == "A" || message[0] == "B") << message[0];
        ASSERT_EQ(message[1], std::to_string(next));
        ASSERT_EQ(message[2], message[0] + " end");
        ++next;
    }
    first.join();
    second.join();
    EXPECT_EQ(next_a, messages_per_sender);
    EXPECT_EQ(next_b, messages_per_sender);
}

} // namespace
