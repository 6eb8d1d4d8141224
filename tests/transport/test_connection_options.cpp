// The options that shape each connection: tcp tuning (keepalive, buffers,
// type of service, retransmission limit), ZMQ_BACKLOG, ZMQ_CONNECT_TIMEOUT
// and ZMQ_RECONNECT_STOP, plus what libzmq never reconnects after (a
// protocol error). Checked against libzmq 4.3.4.
#define ZMQ_BUILD_DRAFT_API
#include "endpoints.hpp"
#include "monitor_events.hpp"
#include "raw_server.hpp"

#include <netinet/tcp.h>

#include <string>
#include <vector>

namespace {

using names_t = std::vector<std::string>;

struct range_case {
    int option;
    int default_value;
    std::vector<int> accepted;
    std::vector<int> refused;  // EINVAL
};

// The defaults and ranges of libzmq 4.3.4, as its zmq_setsockopt takes them.
const std::vector<range_case> ranges{
    {ZMQ_HEARTBEAT_IVL, 0, {0, 1, 100}, {-1}},
    {ZMQ_HEARTBEAT_TIMEOUT, -1, {0, 500}, {-1, -2}},
    {ZMQ_TCP_KEEPALIVE, -1, {-1, 0, 1}, {-2, 2}},
    {ZMQ_TCP_KEEPALIVE_CNT, -1, {-1, 0, 5}, {-2}},
    {ZMQ_TCP_KEEPALIVE_IDLE, -1, {-1, 0, 5}, {-2}},
    {ZMQ_TCP_KEEPALIVE_INTVL, -1, {-1, 0, 5}, {-2}},
    {ZMQ_SNDBUF, -1, {-1, 0, 65536}, {-2}},
    {ZMQ_RCVBUF, -1, {-1, 0, 65536}, {-2}},
    {ZMQ_BACKLOG, 100, {0, 5}, {-1}},
    {ZMQ_TOS, 0, {0, 0x28, 255, 256}, {-1}},
    {ZMQ_TCP_MAXRT, 0, {0, 1000}, {-1}},
    {ZMQ_CONNECT_TIMEOUT, 0, {0, 1000}, {-1}},
    {ZMQ_RECONNECT_STOP, 0, {0, ZMQ_RECONNECT_STOP_CONN_REFUSED, ZMQ_RECONNECT_STOP_HANDSHAKE_FAILED}, {}},
};

TEST(ConnectionOptions, DefaultsAndRangesAreLibzmqs) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_DEALER);
    for (const auto& c : ranges) {
        EXPECT_EQ(zt::get_int(s, c.option), c.default_value) << "option " << c.option;
        for (int value : c.accepted) {
            EXPECT_EQ(zmq_setsockopt(s, c.option, &value, sizeof value), 0) << c.option << " = " << value;
            EXPECT_EQ(zt::get_int(s, c.option), value) << "option " << c.option;
        }
        for (int value : c.refused) {
            EXPECT_EQ(zmq_setsockopt(s, c.option, &value, sizeof value), -1) << c.option << " = " << value;
            EXPECT_EQ(zmq_errno(), EINVAL);
        }
    }
}

// The TTL is kept in the deciseconds a PING carries.
TEST(ConnectionOptions, HeartbeatTtlIsRoundedDownToDeciseconds) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_DEALER);
    const std::vector<std::pair<int, int>> set_and_read{{0, 0}, {-99, 0}, {99, 0}, {150, 100}, {6553599, 6553500}};
    for (const auto& [set, read] : set_and_read) {
        zt::set_int(s, ZMQ_HEARTBEAT_TTL, set);
        EXPECT_EQ(zt::get_int(s, ZMQ_HEARTBEAT_TTL), read) << set;
    }
    for (int refused : {-100, 6553600}) {
        EXPECT_EQ(zmq_setsockopt(s, ZMQ_HEARTBEAT_TTL, &refused, sizeof refused), -1) << refused;
        EXPECT_EQ(zmq_errno(), EINVAL);
    }
}

int socket_option(int fd, int level, int name) {
    int value = -1;
    socklen_t size = sizeof value;
    EXPECT_EQ(getsockopt(fd, level, name, &value, &size), 0);
    return value;
}

void set_tcp_tuning(void* s) {
    zt::set_int(s, ZMQ_TCP_KEEPALIVE, 1);
    zt::set_int(s, ZMQ_TCP_KEEPALIVE_CNT, 5);
    zt::set_int(s, ZMQ_TCP_KEEPALIVE_IDLE, 30);
    zt::set_int(s, ZMQ_TCP_KEEPALIVE_INTVL, 7);
    zt::set_int(s, ZMQ_SNDBUF, 65536);
    zt::set_int(s, ZMQ_RCVBUF, 32768);
    zt::set_int(s, ZMQ_TOS, 0x28);
    zt::set_int(s, ZMQ_TCP_MAXRT, 5000);
}

void expect_tuned(int fd, const char* side) {
    SCOPED_TRACE(side);
    EXPECT_EQ(socket_option(fd, SOL_SOCKET, SO_KEEPALIVE), 1);
    EXPECT_EQ(socket_option(fd, IPPROTO_TCP, TCP_KEEPCNT), 5);
    EXPECT_EQ(socket_option(fd, IPPROTO_TCP, TCP_KEEPIDLE), 30);
    EXPECT_EQ(socket_option(fd, IPPROTO_TCP, TCP_KEEPINTVL), 7);
    EXPECT_EQ(socket_option(fd, SOL_SOCKET, SO_SNDBUF), 2 * 65536);  // the kernel doubles what it is given
    EXPECT_EQ(socket_option(fd, SOL_SOCKET, SO_RCVBUF), 2 * 32768);
    EXPECT_EQ(socket_option(fd, IPPROTO_IP, IP_TOS), 0x28);
    EXPECT_EQ(socket_option(fd, IPPROTO_TCP, TCP_USER_TIMEOUT), 5000);
    EXPECT_EQ(socket_option(fd, IPPROTO_TCP, TCP_NODELAY), 1);
}

// The monitor's CONNECTED and ACCEPTED events carry the descriptors, which
// live in this process: their settings can be read back.
TEST(ConnectionOptions, TcpTuningReachesBothEndsOfAConnection) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    set_tcp_tuning(pull);
    tt::event_monitor accepted(ctx, pull, ZMQ_EVENT_ACCEPTED);
    const std::string endpoint = tt::bind_any(pull, tt::transport::tcp);
    zt::socket push(ctx, ZMQ_PUSH);
    set_tcp_tuning(push);
    tt::event_monitor connected(ctx, push, ZMQ_EVENT_CONNECTED);
    zt::connect(push, endpoint.c_str());
    zt::send_str(push, "tuned");
    EXPECT_EQ(zt::recv_str(pull), "tuned");  // both descriptors are open now
    const auto connecting_end = connected.next();
    const auto accepted_end = accepted.next();
    ASSERT_TRUE(connecting_end && accepted_end);
    expect_tuned(static_cast<int>(connecting_end->value), "connecting end");
    expect_tuned(static_cast<int>(accepted_end->value), "accepted end");
}

// libzmq applies the buffer sizes to tcp only: an ipc descriptor keeps the
// system's (a program setting ZMQ_SNDBUF 0, the "system default" of older
// libzmq versions, keeps ipc fast).
TEST(ConnectionOptions, IpcDescriptorsKeepTheSystemsBufferSizes) {
    int pair[2];
    ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, pair), 0);
    const int system_sndbuf = socket_option(pair[0], SOL_SOCKET, SO_SNDBUF);
    close(pair[0]);
    close(pair[1]);
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL), push(ctx, ZMQ_PUSH);
    for (void* s : {static_cast<void*>(pull), static_cast<void*>(push)})
        zt::set_int(s, ZMQ_SNDBUF, 0);
    tt::event_monitor accepted(ctx, pull, ZMQ_EVENT_ACCEPTED);
    tt::event_monitor connected(ctx, push, ZMQ_EVENT_CONNECTED);
    zt::connect(push, tt::bind_any(pull, tt::transport::ipc).c_str());
    zt::send_str(push, "x");
    EXPECT_EQ(zt::recv_str(pull), "x");  // both descriptors are open now
    for (tt::event_monitor* events : {&accepted, &connected}) {
        const auto e = events->next();
        ASSERT_TRUE(e);
        EXPECT_EQ(socket_option(static_cast<int>(e->value), SOL_SOCKET, SO_SNDBUF), system_sndbuf);
    }
}

// A listener whose queue is full drops new connection requests, so a
// connect to it stays pending: only ZMQ_CONNECT_TIMEOUT ends it.
TEST(ConnectionOptions, ConnectTimeoutAbandonsAPendingConnectAndRetries) {
    tt::raw_server full(0);
    std::vector<std::unique_ptr<tt::raw_peer>> fillers;
    for (int i = 0; i < 3; ++i)
        fillers.push_back(std::make_unique<tt::raw_peer>(tt::raw_peer::pending{full.endpoint()}));
    zt::context ctx;
    zt::socket dealer(ctx, ZMQ_DEALER);
    zt::set_int(dealer, ZMQ_CONNECT_TIMEOUT, 50);
    zt::set_int(dealer, ZMQ_RECONNECT_IVL, 10000);
    tt::event_monitor events(ctx, dealer);
    zt::connect(dealer, full.endpoint().c_str());
    auto attempt = events.until(ZMQ_EVENT_CONNECT_RETRIED);
    EXPECT_EQ(tt::names(attempt), (names_t{"CONNECT_DELAYED", "CLOSED", "CONNECT_RETRIED"})) << tt::describe(attempt);
}

std::string refusing_endpoint() {
    tt::raw_server closed_soon;  // its port refuses connections once it is gone
    return closed_soon.endpoint();
}

TEST(ConnectionOptions, ReconnectStopConnRefusedGivesUpOnARefusingPeer) {
    zt::context ctx;
    zt::socket push(ctx, ZMQ_PUSH);
    zt::set_int(push, ZMQ_RECONNECT_IVL, 10);
    zt::set_int(push, ZMQ_RECONNECT_STOP, ZMQ_RECONNECT_STOP_CONN_REFUSED);
    tt::event_monitor events(ctx, push);
    zt::connect(push, refusing_endpoint().c_str());
    ASSERT_TRUE(events.wait_for(ZMQ_EVENT_CLOSED));
    // The connect and the pipe it kept for messages are gone for good.
    EXPECT_TRUE(tt::becomes_unwritable(push));
    for (const auto& e : events.during(100))
        EXPECT_NE(e.type, ZMQ_EVENT_CONNECT_RETRIED) << tt::describe({e});
}

TEST(ConnectionOptions, WithoutReconnectStopARefusingPeerIsTriedAgain) {
    zt::context ctx;
    zt::socket push(ctx, ZMQ_PUSH);
    zt::set_int(push, ZMQ_RECONNECT_IVL, 10);
    tt::event_monitor events(ctx, push);
    zt::connect(push, refusing_endpoint().c_str());
    for (int attempt = 0; attempt < 3; ++attempt) {
        auto cycle = events.until(ZMQ_EVENT_CONNECT_RETRIED);
        EXPECT_EQ(tt::names(cycle).back(), "CONNECT_RETRIED") << tt::describe(cycle);
    }
}

// The connection's handshake failed with handshake_event, and the socket
// gave up on the endpoint: its pipe went away, no second connection came.
void expect_given_up(tt::event_monitor& events, void* push, tt::raw_server& server, const char* handshake_event) {
    auto failure = events.until(ZMQ_EVENT_DISCONNECTED);
    EXPECT_EQ(tt::names(failure), (names_t{"CONNECT_DELAYED", "CONNECTED", handshake_event, "DISCONNECTED"}))
        << tt::describe(failure);
    EXPECT_TRUE(tt::becomes_unwritable(push));
    EXPECT_FALSE(server.accept(100)) << "no second connection";
}

TEST(ConnectionOptions, ReconnectStopHandshakeFailedGivesUpAfterAFailedHandshake) {
    zt::context ctx;
    tt::raw_server server;
    zt::socket push(ctx, ZMQ_PUSH);
    zt::set_int(push, ZMQ_RECONNECT_IVL, 10);
    zt::set_int(push, ZMQ_RECONNECT_STOP, ZMQ_RECONNECT_STOP_HANDSHAKE_FAILED);
    tt::event_monitor events(ctx, push);
    zt::connect(push, server.endpoint().c_str());
    server.accept().reset();  // closed before any greeting
    expect_given_up(events, push, server, "HANDSHAKE_FAILED_NO_DETAIL");
}

TEST(ConnectionOptions, APeerThatBreaksTheProtocolIsNotConnectedToAgain) {
    zt::context ctx;
    tt::raw_server server;
    zt::socket push(ctx, ZMQ_PUSH);
    zt::set_int(push, ZMQ_RECONNECT_IVL, 10);
    tt::event_monitor events(ctx, push);
    zt::connect(push, server.endpoint().c_str());
    auto peer = server.accept();
    ASSERT_TRUE(peer);
    peer->send(tt::raw_peer::greeting("CURVE"));  // we speak NULL
    expect_given_up(events, push, server, "HANDSHAKE_FAILED_PROTOCOL");
}

TEST(ConnectionOptions, ALostConnectionIsConnectedAgain) {
    zt::context ctx;
    tt::raw_server server;
    zt::socket push(ctx, ZMQ_PUSH);
    zt::set_int(push, ZMQ_RECONNECT_IVL, 10);
    zt::connect(push, server.endpoint().c_str());
    server.accept_handshake("PULL").reset();  // lost after its handshake
    EXPECT_TRUE(server.accept()) << "a second connection";
}

} // namespace
