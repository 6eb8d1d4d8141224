// DGRAM (zmq_socket(3), zmq_udp(7)): raw udp datagrams on a bound udp://
// endpoint, each message the peer's "ip:port" then the body; any other
// shape is EINVAL. Checked against the reference libzmq 4.3.4 with its
// draft API.
#include "endpoints_all.hpp"

#include <string>

namespace {

class Dgram : public ::testing::Test {
protected:
    zt::context ctx;
    zt::socket first{ctx, ZMQ_DGRAM};
    zt::socket second{ctx, ZMQ_DGRAM};
};

// "udp://127.0.0.1:PORT" -> "127.0.0.1:PORT", as an application names a
// DGRAM's peer.
std::string peer_of(const std::string& endpoint) { return endpoint.substr(6); }
// As a DGRAM names the peer a message came from: with a terminating NUL.
std::string received_from(const std::string& endpoint) { return peer_of(endpoint) + '\0'; }

// A udp bind may be made in the background (the reference's is), and a
// datagram sent before it is lost: sends until `to` hears one.
void send_until_heard(void* from, void* to, const std::string& to_endpoint, const std::string& body) {
    constexpr int retry_ms = 10;
    for (int waited = 0; waited < zt::safety_timeout_ms; waited += retry_ms) {
        zt::send_multipart(from, {peer_of(to_endpoint), body});
        if (zt::wait_readable(to, retry_ms))
            return;
    }
}

TEST_F(Dgram, EachMessageIsTheAddressThenTheBody) {
    const std::string first_endpoint = ts::free_udp_endpoint();
    const std::string second_endpoint = ts::free_udp_endpoint();
    zt::bind(first, first_endpoint.c_str());
    zt::bind(second, second_endpoint.c_str());
    send_until_heard(first, second, second_endpoint, "hello");
    EXPECT_EQ(zt::recv_multipart(second), (std::vector<std::string>{received_from(first_endpoint), "hello"}));
    zt::send_multipart(second, {received_from(first_endpoint), "back"});  // the name as received will do
    EXPECT_EQ(zt::recv_multipart(first), (std::vector<std::string>{received_from(second_endpoint), "back"}));
}

TEST_F(Dgram, OtherShapesAreInvalid) {
    zt::bind(first, ts::free_udp_endpoint().c_str());
    ZT_EXPECT_ERRNO(zmq_send(first, "body alone", 10, 0), EINVAL);
    ASSERT_EQ(zmq_send(first, "127.0.0.1:9", 11, ZMQ_SNDMORE), 11);
    ZT_EXPECT_ERRNO(zmq_send(first, "a third part", 12, ZMQ_SNDMORE), EINVAL);
    EXPECT_EQ(zmq_send(first, "body", 4, 0), 4);
}

TEST_F(Dgram, OnlyBindsUdp) {
    ZT_EXPECT_ERRNO(zmq_connect(first, ts::free_udp_endpoint().c_str()), ENOCOMPATPROTO);
}

TEST_F(Dgram, AMessageToAMalformedAddressIsDropped) {
    const std::string endpoint = ts::free_udp_endpoint();
    zt::bind(first, ts::free_udp_endpoint().c_str());
    zt::bind(second, endpoint.c_str());
    zt::send_multipart(first, {"not an address", "lost"});
    send_until_heard(first, second, endpoint, "kept");
    EXPECT_EQ(zt::recv_multipart(second).back(), "kept");
}

} // namespace
