// CURVE across processes with Debian's libzmq 4.3.4, over tcp and ipc:
// zmx as client of a libzmq server and as server of a libzmq client, keys
// made by each side's zmq_curve_keypair; multipart and 1 MB messages both
// ways; a wrong server key (the server reports a cryptographic failure, no
// message gets through); ZAP by client key on either side (pyzmq's
// ThreadAuthenticator, or a zmx handler); PUB/SUB, whose subscriptions go
// sealed; metadata both ways; heartbeats; and zmq_curve_keypair and
// zmq_curve_public against libzmq's.
#define ZMQ_BUILD_DRAFT_API  // ZMQ_METADATA is a draft option in libzmq 4.3
#include "curve_keys.hpp"
#include "authenticated_hello.hpp"
#include "interop_fixture.hpp"
#include "monitor_events.hpp"
#include "received_message.hpp"
#include "zap_handler.hpp"

#include <string>
#include <vector>

namespace {

using interop::transport;

class CurveInterop : public ::testing::TestWithParam<transport> {
protected:
    static void SetUpTestSuite() { interop::expect_zmx_library(); }

    // A zmx client knowing this server key; its own keys in binary.
    void make_client(void* s, const std::string& server_public_z85) {
        zt::set_bytes(s, ZMQ_CURVE_SERVERKEY, server_public_z85);
        zt::set_bytes(s, ZMQ_CURVE_PUBLICKEY, client_keys.public_key);
        zt::set_bytes(s, ZMQ_CURVE_SECRETKEY, client_keys.secret_z85);
    }
    void make_server(void* s) {
        zt::set_int(s, ZMQ_CURVE_SERVER, 1);
        zt::set_bytes(s, ZMQ_CURVE_SECRETKEY, server_keys.secret_z85);
    }
    // The libzmq side's options for a server, or a client of our server.
    std::string libzmq_server() const { return "curve_server=" + server_keys.secret_z85; }
    std::string libzmq_client(const std::string& server_public_z85) const {
        return "curve=" + server_public_z85 + "," + client_keys.public_z85 + "," + client_keys.secret_z85;
    }

    tt::curve_keys server_keys, client_keys;
    zt::context ctx;
};

INSTANTIATE_TEST_SUITE_P(Transports, CurveInterop, ::testing::Values(transport::tcp, transport::ipc),
                         [](const auto& info) { return std::string(interop::transport_name(info.param)); });

// The messages libzmq_peer.py's client role sends, echoed back.
void echo_until_stop(void* s) {
    for (;;) {
        const std::vector<std::string> parts = zt::recv_multipart(s);
        zt::send_multipart(s, parts);
        if (parts.empty() || parts.back() == "STOP")
            return;
    }
}

TEST_P(CurveInterop, AZmxClientTalksToALibzmqServerBothWays) {
    interop::endpoint_place place(GetParam());
    zt::socket s(ctx, ZMQ_REQ);
    tt::event_monitor events(ctx, s);
    make_client(s, server_keys.public_z85);
    auto peer = interop::meet(s, place, false, "echo", "REP", {libzmq_server()});
    ASSERT_TRUE(peer);
    const std::vector<std::string> multipart{"hello", "", std::string(1 << 20, 'm'), std::string(300, 'y')};
    zt::send_multipart(s, multipart);
    EXPECT_EQ(zt::recv_multipart(s), multipart);
    zt::send_str(s, "STOP");
    EXPECT_EQ(zt::recv_str(s), "STOP");
    EXPECT_TRUE(events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));
    EXPECT_EQ(peer->wait(), 0);
}

TEST_P(CurveInterop, ALibzmqClientTalksToAZmxServerBothWays) {
    interop::endpoint_place place(GetParam());
    zt::socket s(ctx, ZMQ_REP);
    make_server(s);
    auto peer = interop::meet(s, place, true, "client", "REQ", {libzmq_client(server_keys.public_z85)});
    ASSERT_TRUE(peer);
    echo_until_stop(s);  // multipart, empty, 255/256 bytes and 1 MB
    EXPECT_EQ(peer->line(), "OK");
    EXPECT_EQ(peer->wait(), 0);
}

TEST_P(CurveInterop, AZmxClientWithAWrongServerKeyGetsNothingThroughToALibzmqServer) {
    const tt::curve_keys impostor;
    interop::endpoint_place place(GetParam());
    zt::socket s(ctx, ZMQ_REQ);
    tt::event_monitor events(ctx, s);
    make_client(s, impostor.public_z85);
    auto peer = interop::meet(s, place, false, "handshake-result", "REP", {libzmq_server(), "watch=1"});
    ASSERT_TRUE(peer);
    zmq_send(s, "hello", 5, ZMQ_DONTWAIT);
    EXPECT_EQ(peer->line(), "HANDSHAKE FAILED_PROTOCOL " + std::to_string(ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC));
    EXPECT_TRUE(events.wait_for(ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL));
    EXPECT_EQ(peer->wait(), 0);
}

TEST_P(CurveInterop, ALibzmqClientWithAWrongServerKeyIsRefusedByAZmxServer) {
    const tt::curve_keys impostor;
    interop::endpoint_place place(GetParam());
    zt::socket s(ctx, ZMQ_REP);
    tt::event_monitor events(ctx, s);
    make_server(s);
    auto peer = interop::meet(s, place, true, "handshake-result", "REQ",
                              {libzmq_client(impostor.public_z85), "watch=1"});
    ASSERT_TRUE(peer);
    const auto refusing = events.wait_for(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL);
    ASSERT_TRUE(refusing);
    EXPECT_EQ(refusing->value, static_cast<uint32_t>(ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC));
    EXPECT_EQ(peer->line(), "HANDSHAKE FAILED_NO_DETAIL " + std::to_string(EPIPE));
    EXPECT_FALSE(zt::wait_readable(s, 0));
    EXPECT_EQ(peer->wait(), 0);
}

TEST_P(CurveInterop, ALibzmqZapHandlerLetsAKnownZmxClientKeyIn) {
    interop::endpoint_place place(GetParam());
    zt::socket s(ctx, ZMQ_REQ);
    make_client(s, server_keys.public_z85);
    auto peer = interop::meet(s, place, false, "echo", "REP", {libzmq_server(), "zap_curve=" + client_keys.public_z85});
    ASSERT_TRUE(peer);
    zt::send_str(s, "STOP");
    EXPECT_EQ(zt::recv_str(s), "STOP");
    EXPECT_EQ(peer->wait(), 0);
}

TEST_P(CurveInterop, ALibzmqZapHandlerRefusesAnUnknownZmxClientKey) {
    const tt::curve_keys stranger;
    interop::endpoint_place place(GetParam());
    zt::socket s(ctx, ZMQ_REQ);
    tt::event_monitor events(ctx, s);
    make_client(s, server_keys.public_z85);
    auto peer = interop::meet(s, place, false, "handshake-result", "REP",
                              {libzmq_server(), "zap_curve=" + stranger.public_z85, "watch=1"});
    ASSERT_TRUE(peer);
    const auto refused = events.wait_for(ZMQ_EVENT_HANDSHAKE_FAILED_AUTH);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->value, 400u);
    EXPECT_EQ(peer->line(), "HANDSHAKE FAILED_AUTH 400");
    EXPECT_EQ(peer->wait(), 0);
}

TEST_P(CurveInterop, AZmxZapHandlerChecksALibzmqClientsKey) {
    tt::zap_handler zap(ctx, tt::accept_curve(client_keys.public_key, "known"));
    interop::endpoint_place place(GetParam());
    zt::socket s(ctx, ZMQ_ROUTER);
    make_server(s);
    auto peer = interop::meet(s, place, true, "dealer-hello", "DEALER", {libzmq_client(server_keys.public_z85)});
    ASSERT_TRUE(peer);
    interop::expect_hello_with_user_id(s, *peer, "known");
}

TEST_P(CurveInterop, AZmxZapHandlerRefusesALibzmqClientsUnknownKey) {
    const tt::curve_keys stranger;
    tt::zap_handler zap(ctx, tt::accept_curve(stranger.public_key));
    interop::endpoint_place place(GetParam());
    zt::socket s(ctx, ZMQ_ROUTER);
    make_server(s);
    auto peer = interop::meet(s, place, true, "handshake-result", "DEALER",
                              {libzmq_client(server_keys.public_z85), "watch=1"});
    ASSERT_TRUE(peer);
    EXPECT_EQ(peer->line(), "HANDSHAKE FAILED_AUTH 400");
    EXPECT_FALSE(zt::wait_readable(s, 0));
    EXPECT_EQ(peer->wait(), 0);
}

// The subscription comes sealed from libzmq, the stream sealed from zmx.
TEST_P(CurveInterop, AZmxPubServerStreamsToALibzmqSubClient) {
    interop::endpoint_place place(GetParam());
    zt::socket s(ctx, ZMQ_PUB);
    make_server(s);
    zt::set_int(s, ZMQ_SNDHWM, 0);
    auto peer = interop::meet(s, place, true, "stream-recv", "SUB",
                              {libzmq_client(server_keys.public_z85), "hwm=0", "count=1000"});
    ASSERT_TRUE(peer);
    while (!peer->has_line(10))
        zt::send_str(s, "probe");
    ASSERT_EQ(peer->line(), "SUBSCRIBED");
    for (int i = 0; i < 1000; ++i)
        zt::send_str(s, std::to_string(i));
    zt::send_str(s, "end");
    EXPECT_EQ(peer->line(), "STREAM 1000 OK");
    EXPECT_EQ(peer->wait(), 0);
}

// Each side's properties travel in the boxes of INITIATE and READY.
TEST_P(CurveInterop, MetadataTravelsInInitiateAndReady) {
    interop::endpoint_place place(GetParam());
    zt::socket s(ctx, ZMQ_REQ);
    make_client(s, server_keys.public_z85);
    zt::set_bytes(s, ZMQ_METADATA, "X-key:value");
    zt::set_bytes(s, ZMQ_METADATA, "X-Colon:a:b");
    auto peer = interop::meet(s, place, false, "metadata-report", "REP", {libzmq_server()});
    ASSERT_TRUE(peer);
    zt::send_str(s, "hello");
    tt::received_message reply(s);
    ASSERT_TRUE(reply.ok());
    EXPECT_EQ(reply.property("Socket-Type"), "REP") << "READY's, from libzmq";
    EXPECT_EQ(peer->line(), "META value a:b REQ") << "INITIATE's, from zmx";
    EXPECT_EQ(peer->wait(), 0);
}

// PINGs and PONGs go sealed as commands both ways: an idle connection that
// both sides heartbeat stays up through many timeouts.
TEST_P(CurveInterop, HeartbeatsCrossSealedBothWays) {
    interop::endpoint_place place(GetParam());
    zt::socket s(ctx, ZMQ_DEALER);
    make_client(s, server_keys.public_z85);
    zt::set_int(s, ZMQ_HEARTBEAT_IVL, 20);
    zt::set_int(s, ZMQ_HEARTBEAT_TIMEOUT, 300);
    zt::set_int(s, ZMQ_HEARTBEAT_TTL, 600);
    tt::event_monitor events(ctx, s);
    auto peer = interop::meet(s, place, false, "echo", "ROUTER", {libzmq_server(), "heartbeat=20:300:600"});
    ASSERT_TRUE(peer);
    zt::send_str(s, "before");
    EXPECT_EQ(zt::recv_str(s), "before");
    const std::vector<tt::event> idle = tt::other_than_connecting(events.during(900));
    EXPECT_TRUE(idle.empty()) << tt::describe(idle);
    zt::send_str(s, "STOP");
    EXPECT_EQ(zt::recv_str(s), "STOP");
    EXPECT_EQ(peer->wait(), 0);
}

// ---------------------------------------------------------------- keys

// A peer that only computes: it still binds, as every peer does.
std::string peer_says(const std::vector<std::string>& args) {
    interop::peer_process peer(args);
    EXPECT_EQ(peer.line().rfind("PEER ", 0), 0u);
    const std::string answer = peer.line();
    EXPECT_EQ(peer.wait(), 0);
    return answer;
}

TEST(CurveKeysInterop, LibzmqDerivesTheSamePublicKeyFromAZmxSecretKey) {
    const tt::curve_keys keys;
    EXPECT_EQ(peer_says({"curve-public", "PAIR", "bind", "tcp://127.0.0.1:*", "secret=" + keys.secret_z85}),
              "PUBLIC " + keys.public_z85);
}

TEST(CurveKeysInterop, ZmxDerivesTheSamePublicKeyFromALibzmqSecretKey) {
    const std::string answer = peer_says({"curve-keypair", "PAIR", "bind", "tcp://127.0.0.1:*"});
    ASSERT_EQ(answer.size(), 8u + 40 + 1 + 40) << answer;
    const std::string public_key = answer.substr(8, 40), secret_key = answer.substr(49);
    char derived[41];
    ASSERT_EQ(zmq_curve_public(derived, secret_key.c_str()), 0);
    EXPECT_EQ(derived, public_key);
}

} // namespace
