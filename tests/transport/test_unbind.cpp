// zmq_unbind and zmq_disconnect over tcp and ipc by the ZMQ_LAST_ENDPOINT
// string, what they end, and ENOENT for endpoints never bound or
// connected. Checked against libzmq 4.3.4.
#include "endpoints.hpp"
#include "monitor_events.hpp"

#include <cerrno>
#include <string>

namespace {

using names_t = std::vector<std::string>;
using tt::transport;

class Unbind : public ::testing::TestWithParam<transport> {};

INSTANTIATE_TEST_SUITE_P(Transports, Unbind, ::testing::Values(transport::tcp, transport::ipc), tt::transport_name);

TEST_P(Unbind, ByTheLastEndpointOnce) {
    zt::context ctx;
    zt::socket binder(ctx, ZMQ_PULL);
    tt::event_monitor events(ctx, binder, ZMQ_EVENT_CLOSED);
    const std::string endpoint = tt::bind_any(binder, GetParam());
    ASSERT_EQ(zmq_unbind(binder, endpoint.c_str()), 0) << zmq_strerror(zmq_errno());
    EXPECT_TRUE(events.next());
    ZT_EXPECT_ERRNO(zmq_unbind(binder, endpoint.c_str()), ENOENT);
}

// "tcp://127.0.0.1:*" and "ipc://*" name no endpoint: unbinding them fails.
TEST_P(Unbind, TheWildcardIsNotAnEndpoint) {
    zt::context ctx;
    zt::socket binder(ctx, ZMQ_PULL);
    tt::bind_any(binder, GetParam());
    ZT_EXPECT_ERRNO(zmq_unbind(binder, tt::wildcard(GetParam())), ENOENT);
}

TEST_P(Unbind, NeverBoundOrConnectedIsEnoent) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_PULL);
    tt::bind_any(s, GetParam());
    const std::string other =
        GetParam() == transport::tcp ? "tcp://127.0.0.1:1" : "ipc://" + tt::unique_ipc_path("never");
    ZT_EXPECT_ERRNO(zmq_unbind(s, other.c_str()), ENOENT);
    ZT_EXPECT_ERRNO(zmq_disconnect(s, other.c_str()), ENOENT);
}

TEST_P(Unbind, AfterUnbindANewConnectOnlyRetries) {
    zt::context ctx;
    zt::socket binder(ctx, ZMQ_PULL);
    tt::event_monitor binder_events(ctx, binder, ZMQ_EVENT_CLOSED);
    const std::string endpoint = tt::bind_any(binder, GetParam());
    ASSERT_EQ(zmq_unbind(binder, endpoint.c_str()), 0) << zmq_strerror(zmq_errno());
    ASSERT_TRUE(binder_events.next());

    zt::socket connecter(ctx, ZMQ_PUSH);
    zt::set_int(connecter, ZMQ_RECONNECT_IVL, 20);
    tt::event_monitor events(ctx, connecter);
    zt::connect(connecter, endpoint.c_str());
    auto attempt = events.until(ZMQ_EVENT_CONNECT_RETRIED);
    ASSERT_FALSE(attempt.empty());
    EXPECT_STREQ(tt::event_name(attempt.back().type), "CONNECT_RETRIED") << tt::describe(attempt);
    for (const auto& e : attempt)
        EXPECT_NE(e.type, ZMQ_EVENT_CONNECTED) << tt::describe(attempt);
}

// Unbinding also ends the connections the listener accepted: the connecter
// sees DISCONNECTED (and goes on retrying). libzmq quirk: the binder reports
// CLOSED for the listener but no DISCONNECTED for those connections.
TEST_P(Unbind, EndsTheAcceptedConnections) {
    zt::context ctx;
    zt::socket binder(ctx, ZMQ_PULL);
    tt::event_monitor binder_events(ctx, binder);
    const std::string endpoint = tt::bind_any(binder, GetParam());
    zt::socket connecter(ctx, ZMQ_PUSH);
    tt::event_monitor connecter_events(ctx, connecter);
    zt::connect(connecter, endpoint.c_str());
    ASSERT_TRUE(binder_events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));
    ASSERT_TRUE(connecter_events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));

    ASSERT_EQ(zmq_unbind(binder, endpoint.c_str()), 0) << zmq_strerror(zmq_errno());
    const auto pump = [&] { tt::process_commands(binder); };
    EXPECT_TRUE(connecter_events.wait_for(ZMQ_EVENT_DISCONNECTED, zt::safety_timeout_ms, pump));
    auto at_binder = binder_events.during(50, pump);
    EXPECT_EQ(tt::names(at_binder), (names_t{"CLOSED"})) << tt::describe(at_binder);
}

// Disconnecting ends the connection: the binder sees DISCONNECTED. The
// connecter reports nothing.
TEST_P(Unbind, DisconnectByTheLastEndpoint) {
    zt::context ctx;
    zt::socket binder(ctx, ZMQ_PULL);
    tt::event_monitor binder_events(ctx, binder);
    const std::string endpoint = tt::bind_any(binder, GetParam());
    zt::socket connecter(ctx, ZMQ_PUSH);
    zt::connect(connecter, endpoint.c_str());
    ASSERT_TRUE(binder_events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));

    const std::string connected = tt::last_endpoint(connecter);
    EXPECT_EQ(connected, endpoint);
    ASSERT_EQ(zmq_disconnect(connecter, connected.c_str()), 0) << zmq_strerror(zmq_errno());
    EXPECT_TRUE(binder_events.wait_for(ZMQ_EVENT_DISCONNECTED, zt::safety_timeout_ms,
                                       [&] { tt::process_commands(connecter); }));
    ZT_EXPECT_ERRNO(zmq_disconnect(connecter, connected.c_str()), ENOENT);
}

} // namespace

namespace {

// libzmq reports CLOSED once the listener's descriptor is closed, so the
// address can be bound again by whoever heard it.
TEST(Rebind, AfterClosedATcpAddressCanBeBoundAgain) {
    zt::context ctx;
    std::string endpoint;
    for (int round = 0; round < 20; ++round) {
        void* s = zmq_socket(ctx, ZMQ_PULL);
        zt::set_int(s, ZMQ_LINGER, 0);
        if (endpoint.empty())
            endpoint = tt::bind_any(s, tt::transport::tcp);
        else
            ASSERT_EQ(zmq_bind(s, endpoint.c_str()), 0) << "round " << round << ": " << zmq_strerror(zmq_errno());
        tt::event_monitor events(ctx, s, ZMQ_EVENT_CLOSED);
        zmq_close(s);
        ASSERT_TRUE(events.wait_for(ZMQ_EVENT_CLOSED));
    }
}

// zmx closes the listener before zmq_unbind returns; libzmq does it later,
// so an immediate bind there fails now and then with EADDRINUSE.
TEST(Rebind, ZmxOnlyAnUnboundTcpAddressCanBeBoundAgainAtOnce) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_PULL);
    const std::string endpoint = tt::bind_any(s, tt::transport::tcp);
    for (int round = 0; round < 20; ++round) {
        ASSERT_EQ(zmq_unbind(s, endpoint.c_str()), 0);
        ASSERT_EQ(zmq_bind(s, endpoint.c_str()), 0) << "round " << round << ": " << zmq_strerror(zmq_errno());
    }
}

} // namespace
