// CURVE (RFC 25/26) through the public API, zmx to zmx over tcp and ipc:
// the key functions, the options in binary and Z85 forms, a handshake
// with and without a ZAP handler, messages (multipart, 1 MB, subscriptions)
// sealed both ways, and the monitor events of a wrong server key and of a
// refused client key. Checked against libzmq 4.3.4 by the interop tests
// (tests/interop/test_security.cpp).
#include "curve_fixture.hpp"
#include "received_message.hpp"

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

namespace {

using tt::transport;

TEST(CurveKeys, TheLibraryHasCurve) { EXPECT_EQ(zmq_has("curve"), 1); }

TEST(CurveKeys, KeypairGivesZ85KeysWhosePublicKeyIsDerivedFromTheSecret) {
    char public_key[41], secret_key[41], derived[41];
    ASSERT_EQ(zmq_curve_keypair(public_key, secret_key), 0);
    EXPECT_EQ(std::strlen(public_key), 40u);
    EXPECT_EQ(std::strlen(secret_key), 40u);
    ASSERT_EQ(zmq_curve_public(derived, secret_key), 0);
    EXPECT_STREQ(derived, public_key);
    char other_public[41], other_secret[41];
    ASSERT_EQ(zmq_curve_keypair(other_public, other_secret), 0);
    EXPECT_STRNE(other_secret, secret_key) << "every pair is new";
}

TEST(CurveKeys, ASecretKeyThatIsNotZ85IsRefused) {
    char derived[41];
    EXPECT_EQ(zmq_curve_public(derived, "too short"), -1);
    EXPECT_EQ(zmq_errno(), EINVAL);
    EXPECT_EQ(zmq_curve_public(derived, std::string(40, ' ').c_str()), -1) << "a space is not Z85";
    EXPECT_EQ(zmq_errno(), EINVAL);
}

TEST(CurveOptions, KeysReadBackInTheFormTheBufferAsksFor) {
    const tt::curve_keys keys;
    zt::context ctx;
    zt::socket s(ctx, ZMQ_DEALER);
    zt::set_bytes(s, ZMQ_CURVE_SERVERKEY, keys.public_z85);
    EXPECT_EQ(zt::get_int(s, ZMQ_MECHANISM), ZMQ_CURVE);
    EXPECT_EQ(zt::get_int(s, ZMQ_CURVE_SERVER), 0);
    char buffer[41] = {};
    size_t size = 32;
    ASSERT_EQ(zmq_getsockopt(s, ZMQ_CURVE_SERVERKEY, buffer, &size), 0);
    EXPECT_EQ(std::string(buffer, size), keys.public_key);
    size = 41;
    ASSERT_EQ(zmq_getsockopt(s, ZMQ_CURVE_SERVERKEY, buffer, &size), 0);
    EXPECT_STREQ(buffer, keys.public_z85.c_str());
}

// 41 bytes are a Z85 key with its NUL: a 41st character of the key's
// alphabet makes no key, as in libzmq.
TEST(CurveOptions, A41ByteKeyEndsInANul) {
    const tt::curve_keys keys;
    zt::context ctx;
    zt::socket s(ctx, ZMQ_DEALER);
    const std::string unterminated = keys.public_z85 + "x";
    ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_CURVE_SERVERKEY, unterminated.data(), 41), EINVAL);
    EXPECT_EQ(zt::get_int(s, ZMQ_MECHANISM), ZMQ_NULL);
    EXPECT_EQ(zmq_setsockopt(s, ZMQ_CURVE_SERVERKEY, keys.public_z85.c_str(), 41), 0);
}

TEST(CurveOptions, CurveServerOneMakesAServer) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_ROUTER);
    zt::set_int(s, ZMQ_CURVE_SERVER, 1);
    EXPECT_EQ(zt::get_int(s, ZMQ_MECHANISM), ZMQ_CURVE);
    EXPECT_EQ(zt::get_int(s, ZMQ_CURVE_SERVER), 1);
}

class Curve : public tt::CurveSockets<ZMQ_REP, ZMQ_REQ> {};
INSTANTIATE_TEST_SUITE_P(Transports, Curve, ::testing::Values(transport::tcp, transport::ipc), tt::transport_name);

TEST_P(Curve, WithoutAZapHandlerAnyClientWithTheServerKeyIsIn) {
    bind_server();
    connect_client();
    zt::send_str(client, "hello");
    EXPECT_EQ(zt::recv_str(server), "hello");
    zt::send_str(server, "world");
    EXPECT_EQ(zt::recv_str(client), "world");
    EXPECT_TRUE(server_events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));
    EXPECT_TRUE(client_events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));
}

TEST_P(Curve, MultipartAndLargeMessagesCrossBothWays) {
    bind_server();
    connect_client();
    const std::string large(1 << 20, 'x');
    const std::vector<std::string> parts{"", "second", large, std::string(300, 'y')};
    zt::send_multipart(client, parts);
    EXPECT_EQ(zt::recv_multipart(server), parts);
    zt::send_multipart(server, {large, "tail"});
    EXPECT_EQ(zt::recv_multipart(client), (std::vector<std::string>{large, "tail"}));
}

TEST_P(Curve, ZapLetsAKnownClientKeyInWithItsUserId) {
    tt::zap_handler zap(ctx, tt::accept_curve(client_keys.public_key, "known-client"));
    bind_server();
    connect_client();
    zt::send_str(client, "hello");
    tt::received_message request(server);
    ASSERT_TRUE(request.ok());
    EXPECT_EQ(request.text(), "hello");
    EXPECT_EQ(request.property("User-Id"), "known-client");
    ASSERT_EQ(zap.requests().size(), 1u);
    EXPECT_EQ(zap.requests()[0][5], "CURVE");
    EXPECT_EQ(zap.requests()[0][6], client_keys.public_key) << "the credential is the client's 32-byte key";
}

TEST_P(Curve, ZapRefusesAnUnknownClientKeyWithTheStatusOnBothMonitors) {
    const tt::curve_keys stranger;
    tt::zap_handler zap(ctx, tt::accept_curve(stranger.public_key));
    bind_server();
    connect_client();
    zmq_send(client, "hello", 5, ZMQ_DONTWAIT);
    const auto refused = client_events.wait_for(ZMQ_EVENT_HANDSHAKE_FAILED_AUTH);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->value, 400u);
    const auto refusing = server_events.wait_for(ZMQ_EVENT_HANDSHAKE_FAILED_AUTH);
    ASSERT_TRUE(refusing);
    EXPECT_EQ(refusing->value, 400u);
    EXPECT_FALSE(zt::wait_readable(server, 0)) << "nothing gets through a refused handshake";
}

TEST_P(Curve, AWrongServerKeyNeverGetsAMessageThrough) {
    const tt::curve_keys impostor;
    bind_server();
    connect_client(impostor.public_key);
    zmq_send(client, "hello", 5, ZMQ_DONTWAIT);
    // The server cannot open HELLO: a cryptographic failure on its side,
    // the connection dropped without a word on the client's.
    const auto refusing = server_events.wait_for(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL);
    ASSERT_TRUE(refusing);
    EXPECT_EQ(refusing->value, static_cast<uint32_t>(ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC));
    EXPECT_TRUE(client_events.wait_for(ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL));
    EXPECT_FALSE(zt::wait_readable(server, 0));
}

TEST_P(Curve, AClientWithoutCurveIsRefusedAsAMechanismMismatch) {
    bind_server();
    zt::connect(client, endpoint.c_str());
    const auto refusing = server_events.wait_for(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL);
    ASSERT_TRUE(refusing);
    EXPECT_EQ(refusing->value, static_cast<uint32_t>(ZMQ_PROTOCOL_ERROR_ZMTP_MECHANISM_MISMATCH));
}

class CurvePubSub : public tt::CurveSockets<ZMQ_PUB, ZMQ_SUB> {};
INSTANTIATE_TEST_SUITE_P(Transports, CurvePubSub, ::testing::Values(transport::tcp), tt::transport_name);

// Subscriptions travel sealed too (as SUBSCRIBE commands in MESSAGEs).
TEST_P(CurvePubSub, SubscriptionsAndPublicationsAreSealed) {
    bind_server();
    zt::set_bytes(client, ZMQ_SUBSCRIBE, "news");
    connect_client();
    EXPECT_TRUE(zt::publish_until_received(server, client, "news probe"));
}

} // namespace
