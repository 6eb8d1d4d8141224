// RADIO and DISH over udp:// (zmq_udp(7)): a DISH binds, a RADIO connects;
// each message is one datagram of its group and body, and the DISH keeps
// the groups it joined. No other socket type speaks udp. Checked against
// the reference libzmq 4.3.4 with its draft API, except where zmx knowingly
// differs (ZmxOnly: malformed datagrams, which the reference misreads).
#include "endpoints_all.hpp"
#include "group_messages.hpp"

#include <arpa/inet.h>

#include <string>

namespace {

class Udp : public ::testing::Test {
protected:
    // A DISH bound to a free port, joined to `group`, and a RADIO connected
    // to it, the first message through.
    void meet(const std::string& group) {
        endpoint = ts::free_udp_endpoint();
        ASSERT_EQ(zmq_join(dish, group.c_str()), 0);
        zt::bind(dish, endpoint.c_str());
        zt::connect(radio, endpoint.c_str());
        ASSERT_TRUE(gm::send_until_received(radio, dish, group));
    }
    zt::context ctx;
    zt::socket radio{ctx, ZMQ_RADIO};
    zt::socket dish{ctx, ZMQ_DISH};
    std::string endpoint;
};

TEST_F(Udp, ADishReceivesOnlyTheGroupsItJoined) {
    meet("weather");
    ASSERT_EQ(gm::send_to_group(radio, "sport", "goal"), 4);
    ASSERT_EQ(gm::send_to_group(radio, "weather", "end"), 3);
    EXPECT_EQ(gm::bodies_until(dish, "end"), std::vector<std::string>{"weather:end"});
}

// The reference DISH reads the group's length byte as a signed char and
// aborts on a group of 128 characters or more.
TEST_F(Udp, ZmxOnlyTheLongestGroupArrivesWhole) {
    const std::string group(ZMQ_GROUP_MAX_LENGTH, 'g');
    meet(group);
    ASSERT_EQ(gm::send_to_group(radio, group, "end"), 3);
    EXPECT_EQ(gm::bodies_until(dish, "end"), std::vector<std::string>{group + ":end"});
}

TEST_F(Udp, OnlyADishOrDgramBindsAndOnlyARadioConnects) {
    const std::string endpoint = ts::free_udp_endpoint();
    ZT_EXPECT_ERRNO(zmq_bind(radio, endpoint.c_str()), ENOCOMPATPROTO);
    ZT_EXPECT_ERRNO(zmq_connect(dish, endpoint.c_str()), ENOCOMPATPROTO);
    zt::socket pub(ctx, ZMQ_PUB);
    ZT_EXPECT_ERRNO(zmq_bind(pub, endpoint.c_str()), ENOCOMPATPROTO);
    ZT_EXPECT_ERRNO(zmq_connect(pub, endpoint.c_str()), ENOCOMPATPROTO);
}

TEST_F(Udp, AnInterfaceNeedsAMulticastAddress) {
    ZT_EXPECT_ERRNO(zmq_bind(dish, "udp://127.0.0.1;127.0.0.1:5555"), EINVAL);
    ZT_EXPECT_ERRNO(zmq_connect(radio, "udp://127.0.0.1;127.0.0.1:5555"), EINVAL);
}

// A RADIO resolves its destination when it connects: a name not found is
// EINVAL there, as for a malformed address.
TEST_F(Udp, ARadioNameNotFoundIsInvalid) {
    ZT_EXPECT_ERRNO(zmq_connect(radio, "udp://no-such-host.invalid:5555"), EINVAL);
}

// An interface's name stands for its address of the family ZMQ_IPV6 picks:
// with it, lo is ::1, which cannot send to or join an IPv4 group.
TEST_F(Udp, WithIpv6AnInterfaceNameIsItsIpv6Address) {
    zt::set_int(dish, ZMQ_IPV6, 1);
    zt::set_int(radio, ZMQ_IPV6, 1);
    ZT_EXPECT_ERRNO(zmq_bind(dish, "udp://lo;239.192.0.7:5555"), EINVAL);
    ZT_EXPECT_ERRNO(zmq_connect(radio, "udp://lo;239.192.0.7:5555"), EINVAL);
}

TEST_F(Udp, ZmxOnlyTheBoundPortIsTheLastEndpoint) {
    zt::bind(dish, "udp://127.0.0.1:*");
    const std::string bound = zt::last_endpoint(dish);
    ASSERT_EQ(bound.rfind("udp://127.0.0.1:", 0), 0u) << bound;
    EXPECT_NE(bound, "udp://127.0.0.1:*");
    ASSERT_EQ(zmq_join(dish, "g"), 0);
    zt::connect(radio, bound.c_str());
    EXPECT_TRUE(gm::send_until_received(radio, dish, "g"));
}

// Sends raw datagrams to a udp endpoint "udp://127.0.0.1:PORT".
void send_datagram(const std::string& endpoint, const std::string& bytes) {
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    to.sin_port = htons(static_cast<uint16_t>(std::stoi(endpoint.substr(endpoint.rfind(':') + 1))));
    ::sendto(fd, bytes.data(), bytes.size(), 0, reinterpret_cast<sockaddr*>(&to), sizeof to);
    ::close(fd);
}

TEST_F(Udp, ZmxOnlyMalformedDatagramsAreDroppedAndGoodOnesServed) {
    meet("g");
    // In rounds, each ended by a good datagram that must come through: a
    // receive buffer never holds more than a few, so none is lost to it
    // however slowly the DISH's I/O thread runs.
    for (int round = 0; round < 100; ++round) {  // 300 malformed in all
        send_datagram(endpoint, "");                     // too short for the group's length
        send_datagram(endpoint, std::string("\x05gg"));  // the group runs past the end
        send_datagram(endpoint, std::string("\xff") + std::string(100, 'g'));
        const std::string last = "good" + std::to_string(round);
        send_datagram(endpoint, "\x01g" + last);
        ASSERT_EQ(gm::bodies_until(dish, last), std::vector<std::string>{"g:" + last});
    }
}

} // namespace
