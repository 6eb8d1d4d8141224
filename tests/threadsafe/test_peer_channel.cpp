// PEER (zmq_connect_peer gives the routing id of the peer a connect
// reaches; messages go by routing id, as with SERVER) and CHANNEL (the
// thread-safe PAIR: one peer, later ones refused). Checked against the
// reference libzmq 4.3.4 with its draft API.
#include "endpoints_all.hpp"

#include <string>

namespace {

using ts::transport;

class PeerAndChannel : public ::testing::TestWithParam<transport> {
protected:
    zt::context ctx;
};

INSTANTIATE_TEST_SUITE_P(Transports, PeerAndChannel,
                         ::testing::Values(transport::inproc, transport::ipc, transport::tcp), ts::transport_name);

TEST_P(PeerAndChannel, ConnectPeerNamesThePeerItReaches) {
    zt::socket listening(ctx, ZMQ_PEER);
    zt::socket connecting(ctx, ZMQ_PEER);
    const std::string endpoint = ts::bind_any(listening, GetParam());
    const uint32_t id = zmq_connect_peer(connecting, endpoint.c_str());
    ASSERT_NE(id, 0u) << zmq_strerror(zmq_errno());
    ASSERT_EQ(ts::send_to(connecting, id, "hello"), 5);
    const ts::received hello = ts::recv_with_id(listening);
    EXPECT_EQ(hello.text, "hello");
    ASSERT_EQ(ts::send_to(listening, hello.routing_id, "back"), 4);
    const ts::received back = ts::recv_with_id(connecting);
    EXPECT_EQ(back.text, "back");
    EXPECT_EQ(back.routing_id, id);
}

TEST_P(PeerAndChannel, AChannelTalksToItsOnePeer) {
    zt::socket bound(ctx, ZMQ_CHANNEL);
    zt::socket connected(ctx, ZMQ_CHANNEL);
    zt::connect(connected, ts::bind_any(bound, GetParam()).c_str());
    zt::send_str(connected, "there");
    EXPECT_EQ(zt::recv_str(bound), "there");
    zt::send_str(bound, "and back");
    EXPECT_EQ(zt::recv_str(connected), "and back");
    ZT_EXPECT_ERRNO(zmq_send(bound, "part", 4, ZMQ_SNDMORE), EINVAL);
}

TEST(PeerErrors, ConnectPeerNeedsAPeerAndNoImmediate) {
    zt::context ctx;
    zt::socket client(ctx, ZMQ_CLIENT);
    errno = 0;
    EXPECT_EQ(zmq_connect_peer(client, "inproc://anything"), 0u);
    EXPECT_EQ(zmq_errno(), ENOTSUP);
    zt::socket peer(ctx, ZMQ_PEER);
    zt::set_int(peer, ZMQ_IMMEDIATE, 1);
    EXPECT_EQ(zmq_connect_peer(peer, "inproc://anything"), 0u);
    EXPECT_EQ(zmq_errno(), EFAULT);
}

TEST(ChannelPeers, ASecondPeerIsRefused) {
    zt::context ctx;
    zt::socket bound(ctx, ZMQ_CHANNEL);
    zt::socket first(ctx, ZMQ_CHANNEL);
    zt::socket second(ctx, ZMQ_CHANNEL);
    zt::bind(bound, "inproc://channel-peers");
    zt::connect(first, "inproc://channel-peers");
    zt::connect(second, "inproc://channel-peers");
    zt::send_str(second, "from the second");
    zt::send_str(first, "from the first");
    EXPECT_EQ(zt::recv_str(bound), "from the first");
    EXPECT_FALSE(zt::wait_readable(bound, 0)) << "the second peer's message never arrives";
}

} // namespace
