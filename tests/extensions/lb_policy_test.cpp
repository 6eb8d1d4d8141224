// ZMX_LB_POLICY on DEALER, PUSH and REQ: weighted round robin, broadcast,
// lost-peer counting and the refusals.
#include "lb_peers.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace {

using lbt::peers;

class ZmxLbPolicy : public ::testing::Test {
protected:
    zt::context ctx;
};

TEST_F(ZmxLbPolicy, RoundRobinIsTheDefault) {
    zt::socket dealer(ctx, ZMQ_DEALER);
    EXPECT_EQ(zt::get_int(dealer, ZMX_LB_POLICY), ZMX_LB_ROUND_ROBIN);
}

// Weights 1:3 give 25% / 75% (the bound is +-5%; smooth weighted
// round robin gives it exactly).
void expect_one_to_three(void* ctx, int sender_type, int receiver_type) {
    peers ps(ctx, receiver_type, 2);
    void* s = lbt::sender(ctx, sender_type, ZMX_LB_WEIGHTED);
    ps.connect_all(s);
    ASSERT_EQ(zmx_set_peer_weight(s, "inproc://lb-peer-0", 1), 0);
    ASSERT_EQ(zmx_set_peer_weight(s, "inproc://lb-peer-1", 3), 0);
    constexpr int total = 10000;
    for (int i = 0; i < total; ++i)
        zt::send_str(s, "m");
    auto got = ps.drain();
    const double light = static_cast<double>(got["inproc://lb-peer-0"].size()) / total;
    const double heavy = static_cast<double>(got["inproc://lb-peer-1"].size()) / total;
    EXPECT_NEAR(light, 0.25, 0.05);
    EXPECT_NEAR(heavy, 0.75, 0.05);
    EXPECT_EQ(got["inproc://lb-peer-0"].size() + got["inproc://lb-peer-1"].size(), size_t{total});
    zmq_close(s);
}

TEST_F(ZmxLbPolicy, WeightedDealerSendsOneToThree) { expect_one_to_three(ctx, ZMQ_DEALER, ZMQ_ROUTER); }
TEST_F(ZmxLbPolicy, WeightedPushSendsOneToThree) { expect_one_to_three(ctx, ZMQ_PUSH, ZMQ_PULL); }

TEST_F(ZmxLbPolicy, WeightsSpreadEvenlyNotInBursts) {
    peers ps(ctx, ZMQ_PULL, 2);
    void* s = lbt::sender(ctx, ZMQ_PUSH, ZMX_LB_WEIGHTED);
    ps.connect_all(s);
    ASSERT_EQ(zmx_set_peer_weight(s, "inproc://lb-peer-1", 3), 0);
    for (int i = 0; i < 8; ++i)
        zt::send_str(s, std::to_string(i));
    auto owner = lbt::owners(ps.drain());
    // Every window of four messages holds exactly one for the light peer.
    for (int start = 0; start < 8; start += 4) {
        int light = 0;
        for (int i = start; i < start + 4; ++i)
            light += owner[std::to_string(i)] == "inproc://lb-peer-0";
        EXPECT_EQ(light, 1) << "window at " << start;
    }
    zmq_close(s);
}

TEST_F(ZmxLbPolicy, WeightSetBeforeConnectingHolds) {
    peers ps(ctx, ZMQ_PULL, 2);
    void* s = lbt::sender(ctx, ZMQ_PUSH, ZMX_LB_WEIGHTED);
    ASSERT_EQ(zmx_set_peer_weight(s, "inproc://lb-peer-0", 4), 0);
    ps.connect_all(s);
    for (int i = 0; i < 100; ++i)
        zt::send_str(s, "m");
    auto got = ps.drain();
    EXPECT_EQ(got["inproc://lb-peer-0"].size(), 80u);
    EXPECT_EQ(got["inproc://lb-peer-1"].size(), 20u);
    zmq_close(s);
}

TEST_F(ZmxLbPolicy, WeightedSkipsAFullPeer) {
    // An inproc pipe holds SNDHWM + RCVHWM messages: two here. The heavy
    // peer takes two, then the light one gets its turns though its weight
    // is a hundredth.
    peers ps(ctx, ZMQ_PULL, 2, 1);
    void* s = lbt::sender(ctx, ZMQ_PUSH, ZMX_LB_WEIGHTED);
    zt::set_int(s, ZMQ_SNDHWM, 1);
    ps.connect_all(s);
    ASSERT_EQ(zmx_set_peer_weight(s, "inproc://lb-peer-0", 100), 0);
    EXPECT_EQ(zt::send_until_full(s, 50), 4);
    auto got = ps.drain();
    EXPECT_EQ(got["inproc://lb-peer-0"].size(), 2u);
    EXPECT_EQ(got["inproc://lb-peer-1"].size(), 2u);
    zmq_close(s);
}

TEST_F(ZmxLbPolicy, BroadcastGivesEveryPeerACopy) {
    peers ps(ctx, ZMQ_ROUTER, 3);
    void* s = lbt::sender(ctx, ZMQ_DEALER, ZMX_LB_BROADCAST);
    ps.connect_all(s);
    zt::send_multipart(s, {"head", "tail"});
    for (auto& [endpoint, bodies] : ps.drain())
        EXPECT_EQ(bodies, std::vector<std::string>{"tail"}) << endpoint;
    zmq_close(s);
}

TEST_F(ZmxLbPolicy, BroadcastWaitsForAPeer) {
    void* s = lbt::sender(ctx, ZMQ_DEALER, ZMX_LB_BROADCAST);
    ZT_EXPECT_ERRNO(zmq_send(s, "x", 1, ZMQ_DONTWAIT), EAGAIN);
    zmq_close(s);
}

TEST_F(ZmxLbPolicy, ReqCannotBroadcast) {
    zt::socket req(ctx, ZMQ_REQ);
    int policy = ZMX_LB_BROADCAST;
    ZT_EXPECT_ERRNO(zmq_setsockopt(req, ZMX_LB_POLICY, &policy, sizeof policy), EINVAL);
}

TEST_F(ZmxLbPolicy, PeersLostCountsPeersThatLeft) {
    peers ps(ctx, ZMQ_ROUTER, 2);
    void* s = lbt::sender(ctx, ZMQ_DEALER, ZMX_LB_ROUND_ROBIN);
    ps.connect_all(s);
    int64_t lost = -1;
    size_t size = sizeof lost;
    ASSERT_EQ(zmq_getsockopt(s, ZMX_PEERS_LOST, &lost, &size), 0);
    EXPECT_EQ(lost, 0);
    ASSERT_EQ(zmq_disconnect(s, "inproc://lb-peer-1"), 0);
    ASSERT_EQ(zmq_getsockopt(s, ZMX_PEERS_LOST, &lost, &size), 0);
    EXPECT_EQ(lost, 1);
    zmq_close(s);
}

TEST_F(ZmxLbPolicy, BadArgumentsAreRefused) {
    zt::socket dealer(ctx, ZMQ_DEALER);
    zt::socket pub(ctx, ZMQ_PUB);
    int policy = 99;
    ZT_EXPECT_ERRNO(zmq_setsockopt(dealer, ZMX_LB_POLICY, &policy, sizeof policy), EINVAL);
    ZT_EXPECT_ERRNO(zmq_setsockopt(pub, ZMX_LB_POLICY, &policy, sizeof policy), EINVAL);
    ZT_EXPECT_ERRNO(zmx_set_peer_weight(dealer, "inproc://x", 0), EINVAL);
    ZT_EXPECT_ERRNO(zmx_set_peer_weight(dealer, nullptr, 1), EINVAL);
    ZT_EXPECT_ERRNO(zmx_set_peer_weight(pub, "inproc://x", 1), EINVAL);
    ZT_EXPECT_ERRNO(zmx_set_peer_weight(nullptr, "inproc://x", 1), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmx_set_lb_hash(pub, nullptr, nullptr), EINVAL);
    const std::string long_key(256, 'k');
    ZT_EXPECT_ERRNO(zmq_setsockopt(dealer, ZMX_LB_KEY, long_key.data(), long_key.size()), EINVAL);
    int64_t lost;
    size_t size = sizeof(int);
    ZT_EXPECT_ERRNO(zmq_getsockopt(dealer, ZMX_PEERS_LOST, &lost, &size), EINVAL);
}

} // namespace
