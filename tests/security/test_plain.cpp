// PLAIN (RFC 24) through the public API, over tcp and ipc: the options
// that make a socket a PLAIN client or server, a ZAP handler that lets the
// right password through and refuses a wrong one (both monitors hear
// HANDSHAKE_FAILED_AUTH with the handler's status), and a server with no
// handler, which refuses every client as libzmq 4.3.4 does. Checked
// against libzmq 4.3.4 (tests/support/check_against_libzmq.sh).
#include "plain_fixture.hpp"
#include "received_message.hpp"

#include <cerrno>
#include <string>
#include <vector>

namespace {

using tt::transport;

std::string get_string(void* s, int option) {
    char buffer[256] = {};
    size_t size = sizeof buffer;
    EXPECT_EQ(zmq_getsockopt(s, option, buffer, &size), 0) << zmq_strerror(zmq_errno());
    return std::string(buffer, size > 0 ? size - 1 : 0);
}

TEST(PlainOptions, MechanismReadsNullUntilACredentialIsSet) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_REQ);
    EXPECT_EQ(zt::get_int(s, ZMQ_MECHANISM), ZMQ_NULL);
    zt::set_bytes(s, ZMQ_PLAIN_USERNAME, "admin");
    EXPECT_EQ(zt::get_int(s, ZMQ_MECHANISM), ZMQ_PLAIN);
    EXPECT_EQ(zt::get_int(s, ZMQ_PLAIN_SERVER), 0) << "a credential makes a client";
    zt::set_bytes(s, ZMQ_PLAIN_PASSWORD, "secret");
    EXPECT_EQ(get_string(s, ZMQ_PLAIN_USERNAME), "admin");
    EXPECT_EQ(get_string(s, ZMQ_PLAIN_PASSWORD), "secret");
}

TEST(PlainOptions, PlainServerOneMakesAServerAndZeroMakesNullAgain) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_REP);
    zt::set_int(s, ZMQ_PLAIN_SERVER, 1);
    EXPECT_EQ(zt::get_int(s, ZMQ_MECHANISM), ZMQ_PLAIN);
    EXPECT_EQ(zt::get_int(s, ZMQ_PLAIN_SERVER), 1);
    zt::set_int(s, ZMQ_PLAIN_SERVER, 0);
    EXPECT_EQ(zt::get_int(s, ZMQ_MECHANISM), ZMQ_NULL);
    EXPECT_EQ(zt::get_int(s, ZMQ_PLAIN_SERVER), 0);
}

TEST(PlainOptions, ANullUsernameMakesTheSocketNullAgain) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_REQ);
    zt::set_bytes(s, ZMQ_PLAIN_USERNAME, "admin");
    ASSERT_EQ(zmq_setsockopt(s, ZMQ_PLAIN_USERNAME, nullptr, 0), 0) << zmq_strerror(zmq_errno());
    EXPECT_EQ(zt::get_int(s, ZMQ_MECHANISM), ZMQ_NULL);
}

TEST(PlainOptions, ZapDomainReadsBackAsSet) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_REP);
    EXPECT_EQ(get_string(s, ZMQ_ZAP_DOMAIN), "");
    zt::set_bytes(s, ZMQ_ZAP_DOMAIN, "global");
    EXPECT_EQ(get_string(s, ZMQ_ZAP_DOMAIN), "global");
}

// A domain is 1 to 255 bytes; libzmq refuses an empty one, null or not.
TEST(PlainOptions, ZapDomainIsNeverEmpty) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_REP);
    ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_ZAP_DOMAIN, "", 0), EINVAL);
    ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_ZAP_DOMAIN, nullptr, 0), EINVAL);
    ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_ZAP_DOMAIN, std::string(256, 'd').c_str(), 256), EINVAL);
    EXPECT_EQ(zmq_setsockopt(s, ZMQ_ZAP_DOMAIN, std::string(255, 'd').c_str(), 255), 0);
}

class Plain : public tt::PlainPair {};

INSTANTIATE_TEST_SUITE_P(Transports, Plain, ::testing::Values(transport::tcp, transport::ipc), tt::transport_name);

TEST_P(Plain, TheRightPasswordGetsThroughWithItsUserId) {
    tt::zap_handler zap(ctx, tt::accept_plain("admin", "secret", "admin-id"));
    bind_server();
    connect_client("admin", "secret");
    zt::send_str(client, "hello");
    tt::received_message request(server);
    ASSERT_TRUE(request.ok());
    EXPECT_EQ(request.text(), "hello");
    EXPECT_EQ(request.property("User-Id"), "admin-id");
    zt::send_str(server, "world");
    EXPECT_EQ(zt::recv_str(client), "world");
    EXPECT_TRUE(server_events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));
    EXPECT_TRUE(client_events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));
}

TEST_P(Plain, AWrongPasswordIsRefusedWithTheStatusOnBothMonitors) {
    tt::zap_handler zap(ctx, tt::accept_plain("admin", "secret"));
    bind_server();
    connect_client("admin", "wrong");
    // Queued before the handshake ends (the pipe exists from connect on);
    // it must never arrive.
    zmq_send(client, "hello", 5, ZMQ_DONTWAIT);
    const auto refused = client_events.wait_for(ZMQ_EVENT_HANDSHAKE_FAILED_AUTH);
    ASSERT_TRUE(refused) << "the client must hear the ZAP status";
    EXPECT_EQ(refused->value, 400u);
    const auto refusing = server_events.wait_for(ZMQ_EVENT_HANDSHAKE_FAILED_AUTH);
    ASSERT_TRUE(refusing);
    EXPECT_EQ(refusing->value, 400u);
    EXPECT_FALSE(zt::wait_readable(server, 0)) << "nothing gets through a refused handshake";
    ASSERT_EQ(zap.requests().size(), 1u) << "a refused client does not try again";
}

// Each client is refused, the server's monitor hearing
// HANDSHAKE_FAILED_NO_DETAIL with EFAULT. Two clients that do not
// reconnect, not one client refused twice: libzmq 4.3.4 does not always
// drop a refused client (see the next test), so one that waits to be
// dropped and to try again may wait for ever.
TEST_P(Plain, AServerWithoutAZapHandlerRefusesEveryClient) {
    bind_server();
    zt::socket another(ctx, ZMQ_REQ);
    for (void* each : {static_cast<void*>(client), static_cast<void*>(another)}) {
        zt::set_int(each, ZMQ_RECONNECT_IVL, -1);
        zt::set_bytes(each, ZMQ_PLAIN_USERNAME, "admin");
        zt::set_bytes(each, ZMQ_PLAIN_PASSWORD, "secret");
        zt::connect(each, endpoint.c_str());
        zmq_send(each, "hello", 5, ZMQ_DONTWAIT);
    }
    for (int refused = 0; refused < 2; ++refused) {
        const auto refusing = server_events.wait_for(ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL);
        ASSERT_TRUE(refusing) << "refusal " << refused;
        EXPECT_EQ(refusing->value, static_cast<uint32_t>(EFAULT));
    }
    EXPECT_FALSE(zt::wait_readable(server, 0));
}

// The client is dropped without a word: it sees its connection end, and,
// not told why, connects again. zmx-only: libzmq 4.3.4 refuses by sending
// the server's monitor HANDSHAKE_FAILED_NO_DETAIL and then returning -1
// from its PLAIN mechanism, but sending the event may leave errno at
// EAGAIN: the monitor socket's zmq_msg_send reads its mailbox, which ends
// on EAGAIN, when 3,000,000 CPU ticks (about a millisecond) have passed
// since it last did, as on a loaded machine they may since the ACCEPTED
// event. Its engine takes a failure with EAGAIN for a full pipe: it stops
// reading that connection and keeps it open, so the client hears nothing
// and never tries again. Unmonitored, or with the HELLO read soon enough
// after ACCEPTED (the usual case on an idle machine), it drops the client
// as zmx does.
TEST_P(Plain, ZmxOnlyARefusedClientSeesItsConnectionEnd) {
    bind_server();
    connect_client("admin", "secret");
    for (int attempt = 0; attempt < 2; ++attempt) {
        const auto dropped = client_events.wait_for(ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL);
        ASSERT_TRUE(dropped) << "attempt " << attempt;
        EXPECT_EQ(dropped->value, static_cast<uint32_t>(EPIPE));
    }
}

// The PLAIN server is the socket set as one, whichever side binds.
TEST_P(Plain, AConnectingServerAuthenticatesABindingClient) {
    tt::zap_handler zap(ctx, tt::accept_plain("admin", "secret", "admin-id"));
    zt::set_bytes(client, ZMQ_PLAIN_USERNAME, "admin");
    zt::set_bytes(client, ZMQ_PLAIN_PASSWORD, "secret");
    endpoint = tt::bind_any(client, GetParam());
    zt::set_int(server, ZMQ_PLAIN_SERVER, 1);
    zt::connect(server, endpoint.c_str());
    zt::send_str(client, "hello");
    tt::received_message request(server);
    ASSERT_TRUE(request.ok());
    EXPECT_EQ(request.property("User-Id"), "admin-id");
    ASSERT_EQ(zap.requests().size(), 1u);
}

// A handler that takes requests and never answers holds a handshake only
// until ZMQ_HANDSHAKE_IVL: the connection is then dropped as any slow
// handshake is, and the client, not told why, connects again.
TEST_P(Plain, AHandlerThatNeverAnswersHoldsAClientOnlyUntilTheHandshakeInterval) {
    zt::socket silent_handler(ctx, ZMQ_REP);
    zt::bind(silent_handler, "inproc://zeromq.zap.01");
    zt::set_int(server, ZMQ_HANDSHAKE_IVL, 100);
    bind_server();
    connect_client("admin", "secret");
    const std::vector<tt::event> events = server_events.until(ZMQ_EVENT_DISCONNECTED);
    ASSERT_GE(events.size(), 2u) << tt::describe(events);
    EXPECT_EQ(events[events.size() - 2].type, ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL) << tt::describe(events);
    EXPECT_EQ(events.back().type, ZMQ_EVENT_DISCONNECTED);
    EXPECT_TRUE(client_events.wait_for(ZMQ_EVENT_CONNECT_RETRIED));
}

TEST_P(Plain, ANullClientCannotTalkToAPlainServer) {
    tt::zap_handler zap(ctx, tt::accept_plain("admin", "secret"));
    bind_server();
    zt::connect(client, endpoint.c_str());
    const auto mismatch = client_events.wait_for(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL);
    ASSERT_TRUE(mismatch);
    EXPECT_EQ(mismatch->value, static_cast<uint32_t>(ZMQ_PROTOCOL_ERROR_ZMTP_MECHANISM_MISMATCH));
    EXPECT_TRUE(zap.requests().empty());
}

} // namespace
