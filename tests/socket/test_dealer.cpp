// DEALER: round-robin out, fair-queue in, blocks without peers; ZMQ_XREQ is
// the same socket type (zmq_socket(3)).
#include "zmq_test.hpp"

namespace {

using frames = std::vector<std::string>;

static_assert(ZMQ_XREQ == ZMQ_DEALER);

TEST(Dealer, XreqIsDealer)
{
    zt::context ctx;
    zt::socket dealer(ctx, ZMQ_XREQ);
    EXPECT_EQ(zt::get_int(dealer, ZMQ_TYPE), ZMQ_DEALER);
}

TEST(Dealer, RoundRobinsOutgoingMessages)
{
    zt::context ctx;
    zt::socket peer0(ctx, ZMQ_DEALER), peer1(ctx, ZMQ_DEALER), peer2(ctx, ZMQ_DEALER);
    zt::bind(peer0, "inproc://peer0");
    zt::bind(peer1, "inproc://peer1");
    zt::bind(peer2, "inproc://peer2");
    zt::socket dealer(ctx, ZMQ_DEALER);
    zt::connect(dealer, "inproc://peer0");
    zt::connect(dealer, "inproc://peer1");
    zt::connect(dealer, "inproc://peer2");

    for (int i = 0; i < 6; ++i)
        zt::send_str(dealer, std::to_string(i));

    EXPECT_EQ(zt::recv_str(peer0), "0");
    EXPECT_EQ(zt::recv_str(peer1), "1");
    EXPECT_EQ(zt::recv_str(peer2), "2");
    EXPECT_EQ(zt::recv_str(peer0), "3");
    EXPECT_EQ(zt::recv_str(peer1), "4");
    EXPECT_EQ(zt::recv_str(peer2), "5");
}

TEST(Dealer, FairQueuesIncomingMessages)
{
    zt::context ctx;
    zt::socket dealer(ctx, ZMQ_DEALER);
    zt::bind(dealer, "inproc://dealer");
    zt::socket peer0(ctx, ZMQ_DEALER), peer1(ctx, ZMQ_DEALER), peer2(ctx, ZMQ_DEALER);
    void* peers[] = {peer0, peer1, peer2};
    for (void* peer : peers)
        zt::connect(peer, "inproc://dealer");
    for (int p = 0; p < 3; ++p)
        for (int m = 0; m < 3; ++m)
            zt::send_str(peers[p], std::to_string(p) + "-" + std::to_string(m));

    for (int m = 0; m < 3; ++m)
        for (int p = 0; p < 3; ++p)
            EXPECT_EQ(zt::recv_str(dealer), std::to_string(p) + "-" + std::to_string(m));
}

TEST(Dealer, ReplyGoesBackOnlyToTheDealerThatAsked)
{
    zt::context ctx;
    zt::socket dealer(ctx, ZMQ_DEALER);
    zt::bind(dealer, "inproc://dealer");
    zt::socket peer(ctx, ZMQ_DEALER);
    zt::connect(peer, "inproc://dealer");

    zt::send_multipart(peer, {"a", "", "b"});
    EXPECT_EQ(zt::recv_multipart(dealer), (frames{"a", "", "b"}));
    zt::send_multipart(dealer, {"c", "d"});
    EXPECT_EQ(zt::recv_multipart(peer), (frames{"c", "d"}));
}

TEST(Dealer, WithoutPeersWouldBlock)
{
    zt::context ctx;
    zt::socket dealer(ctx, ZMQ_DEALER);
    ZT_EXPECT_ERRNO(zmq_send(dealer, "x", 1, ZMQ_DONTWAIT), EAGAIN);
    zt::set_int(dealer, ZMQ_SNDTIMEO, 50);
    ZT_EXPECT_ERRNO(zmq_send(dealer, "x", 1, 0), EAGAIN);
    char buf[8];
    ZT_EXPECT_ERRNO(zmq_recv(dealer, buf, sizeof buf, ZMQ_DONTWAIT), EAGAIN);
}

} // namespace
