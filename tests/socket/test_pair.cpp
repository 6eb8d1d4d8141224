// PAIR: one exclusive peer, messages both ways (zmq_socket(3)).
#include "zmq_test.hpp"

namespace {

using frames = std::vector<std::string>;

TEST(Pair, IsBidirectional)
{
    zt::context ctx;
    zt::socket a(ctx, ZMQ_PAIR), b(ctx, ZMQ_PAIR);
    zt::bind(a, "inproc://pair");
    zt::connect(b, "inproc://pair");

    for (int i = 0; i < 3; ++i) {
        zt::send_str(b, "to a " + std::to_string(i));
        zt::send_multipart(a, {"to b", std::to_string(i)});
        EXPECT_EQ(zt::recv_str(a), "to a " + std::to_string(i));
        EXPECT_EQ(zt::recv_multipart(b), (frames{"to b", std::to_string(i)}));
    }
}

TEST(Pair, WithoutPeerWouldBlock)
{
    zt::context ctx;
    zt::socket a(ctx, ZMQ_PAIR);
    zt::bind(a, "inproc://pair");
    ZT_EXPECT_ERRNO(zmq_send(a, "x", 1, ZMQ_DONTWAIT), EAGAIN);
    char buf[8];
    ZT_EXPECT_ERRNO(zmq_recv(a, buf, sizeof buf, ZMQ_DONTWAIT), EAGAIN);
}

// A second peer connecting to a PAIR that already has one is refused: it
// never hears from the PAIR, and nothing it sends arrives.
TEST(Pair, RefusesASecondPeer)
{
    zt::context ctx;
    zt::socket a(ctx, ZMQ_PAIR), b(ctx, ZMQ_PAIR), intruder(ctx, ZMQ_PAIR);
    zt::bind(a, "inproc://pair");
    zt::connect(b, "inproc://pair");
    zt::connect(intruder, "inproc://pair");

    // libzmq accepts this into the refused pipe; the point is it never arrives.
    zmq_send(intruder, "intruder", 8, ZMQ_DONTWAIT);
    zt::send_str(b, "from b");
    EXPECT_EQ(zt::recv_str(a), "from b");
    EXPECT_TRUE(zt::recv_all_now(a).empty());

    zt::send_str(a, "to the peer");
    EXPECT_EQ(zt::recv_str(b), "to the peer");
    EXPECT_TRUE(zt::recv_all_now(intruder).empty());
}

} // namespace
