// ZMTP 1.0 and 2.0 peers, as libzmq 4.3 accepts them: raw clients that
// speak those versions over tcp to sockets of every pattern. Every
// expectation was checked against Debian's libzmq 4.3.4 with these same
// sources (check_against_libzmq.sh).
//
// Not here: a socket that authenticates (PLAIN, CURVE, or NULL with a ZAP
// domain) refuses legacy peers: test_legacy_secure.cpp.
#include "legacy_client.hpp"
#include "monitor_events.hpp"

#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

using lt::legacy_client;
using lt::version;

const std::string signature_no_id = std::string("\xff\0\0\0\0\0\0\0\x01\x7f", 10);

using zt::bind_tcp;

std::string text(size_t size, char seed) {
    std::string bytes(size, '\0');
    for (size_t i = 0; i < size; ++i)
        bytes[i] = static_cast<char>(seed + i * 13 + i / 256);
    return bytes;
}

class LegacyPeer : public ::testing::TestWithParam<version> {
protected:
    version v() const { return GetParam(); }

    zt::context ctx_;
};

TEST_P(LegacyPeer, ThePullSocketGreetsItAsLibzmqDoes) {
    zt::socket pull(ctx_, ZMQ_PULL);
    legacy_client client(bind_tcp(pull), v());
    const auto theirs = client.handshake(ZMQ_PUSH);
    EXPECT_EQ(theirs.signature, signature_no_id);
    // A versioned peer gets major version 3 and the socket type (PULL).
    EXPECT_EQ(theirs.version_and_type, v() == version::zmtp1 ? "" : "\x03\x07");
    EXPECT_EQ(theirs.identity, "");
}

TEST_P(LegacyPeer, GetsTheSocketsRoutingIdAsItsIdentity) {
    zt::socket push(ctx_, ZMQ_PUSH);
    zt::set_bytes(push, ZMQ_ROUTING_ID, "zmx-id");
    legacy_client client(bind_tcp(push), v());
    const auto theirs = client.handshake(ZMQ_PULL);
    EXPECT_EQ(theirs.signature, std::string("\xff\0\0\0\0\0\0\0\x07\x7f", 10));  // size + 1
    EXPECT_EQ(theirs.identity, "zmx-id");
}

TEST_P(LegacyPeer, PushesMultipartMessagesToAPull) {
    zt::socket pull(ctx_, ZMQ_PULL);
    legacy_client client(bind_tcp(pull), v());
    client.handshake(ZMQ_PUSH, "not-a-message");
    client.send({"one"});
    client.send({"a", "b", "c"});
    EXPECT_EQ(zt::recv_str(pull), "one");  // the identity frame is not a message
    EXPECT_EQ(zt::recv_multipart(pull), (std::vector<std::string>{"a", "b", "c"}));
}

TEST_P(LegacyPeer, PullsMultipartMessagesFromAPush) {
    zt::socket push(ctx_, ZMQ_PUSH);
    legacy_client client(bind_tcp(push), v());
    client.handshake(ZMQ_PULL);
    zt::send_multipart(push, {"x", "", "yz"});  // waits for the peer's pipe
    EXPECT_EQ(client.read_message(), (std::vector<std::string>{"x", "", "yz"}));
}

TEST_P(LegacyPeer, RequestsAReply) {
    zt::socket rep(ctx_, ZMQ_REP);
    legacy_client client(bind_tcp(rep), v());
    client.handshake(ZMQ_REQ);
    client.send({"", "hello"});
    EXPECT_EQ(zt::recv_str(rep), "hello");
    zt::send_str(rep, "world");
    EXPECT_EQ(client.read_message(), (std::vector<std::string>{"", "world"}));
}

TEST_P(LegacyPeer, RouterKnowsItByItsIdentity) {
    zt::socket router(ctx_, ZMQ_ROUTER);
    legacy_client client(bind_tcp(router), v());
    client.handshake(ZMQ_DEALER, "legacy-1");
    client.send({"hi"});
    EXPECT_EQ(zt::recv_multipart(router), (std::vector<std::string>{"legacy-1", "hi"}));
    zt::send_multipart(router, {"legacy-1", "back"});
    EXPECT_EQ(client.read_message(), std::vector<std::string>{"back"});
}

TEST_P(LegacyPeer, RouterNamesAPeerWithAnEmptyIdentity) {
    zt::socket router(ctx_, ZMQ_ROUTER);
    legacy_client client(bind_tcp(router), v());
    client.handshake(ZMQ_DEALER);
    client.send({"hi"});
    const auto parts = zt::recv_multipart(router);
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_FALSE(parts[0].empty());  // a generated routing id
    zt::send_multipart(router, {parts[0], "back"});
    EXPECT_EQ(client.read_message(), std::vector<std::string>{"back"});
}

// CVE-2021-20235 was a heap overflow in libzmq on 1.0/2.0 messages over
// 8 KiB: such messages, one part among several, go both ways intact.
TEST_P(LegacyPeer, MessagesOver8KiBGoBothWays) {
    zt::socket dealer(ctx_, ZMQ_DEALER);
    legacy_client client(bind_tcp(dealer), v());
    client.handshake(ZMQ_DEALER);
    const std::vector<std::string> up{text(8193, 'a'), "", text(100000, 'b')};
    client.send(up);
    EXPECT_EQ(zt::recv_multipart(dealer), up);
    const std::vector<std::string> down{text(65536, 'c'), text(8192, 'd')};
    zt::send_multipart(dealer, down);
    EXPECT_EQ(client.read_message(), down);
}

TEST_P(LegacyPeer, XpubSeesItsSubscriptionsAsMessages) {
    if (v() == version::zmtp1)
        GTEST_SKIP() << "an unversioned 1.0 subscriber sends no subscriptions (see Zmtp10SubscriberGetsEverything)";
    zt::socket xpub(ctx_, ZMQ_XPUB);
    legacy_client client(bind_tcp(xpub), v());
    client.handshake(ZMQ_SUB);
    client.send({zt::subscription("A")});
    EXPECT_EQ(zt::recv_str(xpub), zt::subscription("A"));
    zt::send_str(xpub, "B-filtered");
    zt::send_str(xpub, "A-delivered");
    EXPECT_EQ(client.read_message(), std::vector<std::string>{"A-delivered"});
    client.send({zt::unsubscription("A")});
    EXPECT_EQ(zt::recv_str(xpub), zt::unsubscription("A"));
}

// A frame over ZMQ_MAXMSGSIZE, or one claiming 2^63 bytes, ends that
// peer's connection; another peer of the same version carries on.
TEST_P(LegacyPeer, BadFramingDropsOnlyThatPeer) {
    zt::socket pull(ctx_, ZMQ_PULL);
    const int64_t max_size = 1000;
    ASSERT_EQ(zmq_setsockopt(pull, ZMQ_MAXMSGSIZE, &max_size, sizeof max_size), 0);
    tt::event_monitor monitor(ctx_, pull, ZMQ_EVENT_DISCONNECTED);
    const std::string endpoint = bind_tcp(pull);
    legacy_client good(endpoint, v());
    good.handshake(ZMQ_PUSH);
    good.send({"before"});
    EXPECT_EQ(zt::recv_str(pull), "before");

    const std::string claim_2_pow_63 = lt::uses_zmtp1_framing(v())
                                           ? '\xff' + lt::big_endian_64(uint64_t{1} << 63) + '\0'
                                           : '\x02' + lt::big_endian_64(uint64_t{1} << 63);
    for (const std::string& attack : {lt::frame(v(), std::string(1001, 'x')), claim_2_pow_63 + "body"}) {
        legacy_client bad(endpoint, v());
        bad.handshake(ZMQ_PUSH);
        bad.send_raw(attack);
        EXPECT_TRUE(monitor.wait_for(ZMQ_EVENT_DISCONNECTED).has_value());
        good.send({"after"});
        EXPECT_EQ(zt::recv_str(pull), "after");
    }
}

// libzmq's monitor never sees a legacy handshake succeed: a legacy peer's
// connection shows up as accepted, and its end as a failed handshake.
TEST_P(LegacyPeer, MonitorSeesNoHandshakeSucceed) {
    zt::socket pull(ctx_, ZMQ_PULL);
    tt::event_monitor monitor(ctx_, pull);
    const std::string endpoint = bind_tcp(pull);
    {
        legacy_client client(endpoint, v());
        client.handshake(ZMQ_PUSH);
        client.send({"x"});
        EXPECT_EQ(zt::recv_str(pull), "x");
    }
    EXPECT_EQ(tt::names(monitor.until(ZMQ_EVENT_DISCONNECTED)),
              (std::vector<std::string>{"LISTENING", "ACCEPTED", "HANDSHAKE_FAILED_NO_DETAIL", "DISCONNECTED"}));
}

// libzmq 4.3.4 never stops its handshake timer for a legacy peer: it drops
// every legacy connection after ZMQ_HANDSHAKE_IVL (30 s by default; libzmq
// issues 4076 and 4106, fixed after 4.3.4). zmx stops the timer once the
// peer's identity is in.
TEST_P(LegacyPeer, ZmxOnlyOutlivesTheHandshakeInterval) {
    zt::socket pull(ctx_, ZMQ_PULL);
    zt::set_int(pull, ZMQ_HANDSHAKE_IVL, 50);
    tt::event_monitor monitor(ctx_, pull, ZMQ_EVENT_DISCONNECTED);
    legacy_client client(bind_tcp(pull), v());
    client.handshake(ZMQ_PUSH);
    client.send({"first"});
    EXPECT_EQ(zt::recv_str(pull), "first");
    EXPECT_TRUE(monitor.during(200).empty());  // four intervals
    client.send({"second"});
    EXPECT_EQ(zt::recv_str(pull), "second");
}

INSTANTIATE_TEST_SUITE_P(Versions, LegacyPeer,
                         ::testing::Values(version::zmtp1, version::zmtp1_revision0, version::zmtp2),
                         [](const auto& info) {
                             std::ostringstream name;
                             lt::PrintTo(info.param, &name);
                             return name.str();
                         });

// ----------------------------------------------------------------- 1.0 only

// A 1.0 subscriber filters for itself: the publisher subscribes it to
// everything on its behalf, and an XPUB sees that subscription.
TEST(LegacyPeerZmtp1, XpubSeesASubscriptionToEverything) {
    zt::context ctx;
    zt::socket xpub(ctx, ZMQ_XPUB);
    legacy_client client(bind_tcp(xpub), version::zmtp1);
    client.handshake(ZMQ_SUB);
    EXPECT_EQ(zt::recv_str(xpub), zt::subscription(""));
    zt::send_str(xpub, "anything");
    EXPECT_EQ(client.read_message(), std::vector<std::string>{"anything"});
}

TEST(LegacyPeerZmtp1, SubscriberGetsEverythingFromAPub) {
    zt::context ctx;
    zt::socket pub(ctx, ZMQ_PUB);
    legacy_client client(bind_tcp(pub), version::zmtp1);
    client.handshake(ZMQ_SUB);
    // The subscription reaches the PUB asynchronously: publish until it has.
    constexpr int retry_ms = 10;
    std::optional<lt::received_frame> got;
    for (int waited = 0; !got && waited < zt::safety_timeout_ms; waited += retry_ms) {
        ASSERT_EQ(zmq_send(pub, "all", 3, ZMQ_DONTWAIT), 3);
        got = client.read_frame(retry_ms);
    }
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(got->body, "all");
}

TEST(LegacyPeerZmtp1, ZeroLengthDropsThePeer) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    tt::event_monitor monitor(ctx, pull, ZMQ_EVENT_DISCONNECTED);
    legacy_client client(bind_tcp(pull), version::zmtp1);
    client.handshake(ZMQ_PUSH);
    client.send_raw(std::string(1, '\0'));  // no room for the flags byte
    EXPECT_TRUE(monitor.wait_for(ZMQ_EVENT_DISCONNECTED).has_value());
}

TEST(LegacyPeerZmtp1, ALongIdentityBeginsWith0xFF) {
    // An identity of 254+ bytes gives the 1.0 peer's first frame a long
    // length: 0xFF first, then a tenth byte (its flags) with the low bit clear.
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    legacy_client client(bind_tcp(router), version::zmtp1);
    const std::string identity(300, 'I');
    client.handshake(ZMQ_DEALER, identity);
    client.send({"hi"});
    EXPECT_EQ(zt::recv_multipart(router), (std::vector<std::string>{identity, "hi"}));
}

// ----------------------------------------------------------------- 2.0 only

TEST(LegacyPeerZmtp2, SocketTypesAreNotChecked) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    legacy_client client(bind_tcp(pull), version::zmtp2);
    client.handshake(ZMQ_PUB);  // a PUB may not talk to a PULL, but 2.0 is not checked
    client.send({"delivered"});
    EXPECT_EQ(zt::recv_str(pull), "delivered");
}

TEST(LegacyPeerZmtp2, CommandFramesAreDropped) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    legacy_client client(bind_tcp(pull), version::zmtp2);
    client.handshake(ZMQ_PUSH);
    client.send_raw(std::string("\x04\x07\x04PING\x00\x0a", 9));  // a 3.1 PING: no PONG, no message
    client.send_raw(std::string("\x05\x02no", 4));              // COMMAND and MORE
    client.send({"delivered"});
    EXPECT_EQ(zt::recv_multipart(pull), std::vector<std::string>{"delivered"});
}

} // namespace
