// zmq_socket_monitor_versioned and zmq_socket_monitor_pipes_stats: the
// version 2 layout (64-bit event and values, local and remote endpoint),
// the monitor socket types, the version 1 mask limit, and the per-pipe
// queue counts. Every expectation also holds for the reference libzmq 4.3.4
// with drafts (reference.draft_monitor_versioned).
#include "monitor_events_v2.hpp"
#include "zmq_test.hpp"

#include <cerrno>
#include <string>

namespace {

int monitor_errno(void* s, const char* address, uint64_t events, int version, int type) {
    errno = 0;
    return zmq_socket_monitor_versioned(s, address, events, version, type) == 0 ? 0 : zmq_errno();
}

int stats_errno(void* s) {
    errno = 0;
    return zmq_socket_monitor_pipes_stats(s) == 0 ? 0 : zmq_errno();
}

TEST(MonitorVersioned, RefusesWhatTheReferenceRefuses) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_DEALER);
    EXPECT_EQ(monitor_errno(s, "inproc://v1-mask", ZMQ_EVENT_ALL_V2, 1, ZMQ_PAIR), EINVAL);
    EXPECT_EQ(monitor_errno(s, nullptr, ZMQ_EVENT_PIPES_STATS, 1, ZMQ_PAIR), EINVAL);  // the mask is checked first
    EXPECT_EQ(zmq_socket_monitor(s, "inproc://v1-all-bits", -1), -1);
    EXPECT_EQ(zmq_errno(), EINVAL);
    EXPECT_EQ(monitor_errno(s, "inproc://sub", ZMQ_EVENT_ALL_V2, 2, ZMQ_SUB), EINVAL);
    EXPECT_EQ(monitor_errno(s, "inproc://router", ZMQ_EVENT_ALL_V2, 2, ZMQ_ROUTER), EINVAL);
    EXPECT_EQ(monitor_errno(s, "tcp://127.0.0.1:5555", ZMQ_EVENT_ALL_V2, 2, ZMQ_PAIR), EPROTONOSUPPORT);
    EXPECT_EQ(monitor_errno(s, "no-protocol", ZMQ_EVENT_ALL_V2, 2, ZMQ_PAIR), EINVAL);
    EXPECT_EQ(monitor_errno(s, nullptr, ZMQ_EVENT_ALL_V2, 2, ZMQ_PAIR), 0);
    EXPECT_EQ(stats_errno(nullptr), ENOTSOCK);
}

TEST(MonitorVersioned, PipesStatsNeedAMonitorAskingForThemAndAPipe) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_DEALER);
    EXPECT_EQ(stats_errno(s), EINVAL);  // no monitor
    {
        tt::monitor_v2 without_stats(ctx, s, ZMQ_EVENT_ALL_V1);
        EXPECT_EQ(stats_errno(s), EINVAL);
        EXPECT_EQ(zmq_socket_monitor_versioned(s, nullptr, 0, 2, ZMQ_PAIR), 0);
    }
    tt::monitor_v2 with_stats(ctx, s);
    EXPECT_EQ(stats_errno(s), EAGAIN);  // nothing connected yet
    EXPECT_EQ(zmq_socket_monitor_versioned(s, nullptr, 0, 2, ZMQ_PAIR), 0);
}

TEST(MonitorVersioned, TcpEventsNameBothEnds) {
    zt::context ctx;
    zt::socket server(ctx, ZMQ_ROUTER);
    zt::socket client(ctx, ZMQ_DEALER);
    tt::monitor_v2 server_events(ctx, server);
    tt::monitor_v2 client_events(ctx, client);
    const std::string bound = zt::bind_tcp(server);
    zt::connect(client, bound.c_str());

    auto listening = server_events.next();
    ASSERT_TRUE(listening);
    EXPECT_EQ(listening->type, uint64_t{ZMQ_EVENT_LISTENING});
    EXPECT_EQ(listening->values.size(), 1u);
    EXPECT_EQ(listening->local, bound);
    EXPECT_EQ(listening->remote, "");

    auto connected = client_events.wait_for(ZMQ_EVENT_CONNECTED);
    ASSERT_TRUE(connected);
    EXPECT_EQ(connected->remote, bound);
    EXPECT_TRUE(connected->local.starts_with("tcp://127.0.0.1:")) << connected->local;
    auto accepted = server_events.wait_for(ZMQ_EVENT_ACCEPTED);
    ASSERT_TRUE(accepted);
    EXPECT_EQ(accepted->local, bound);
    EXPECT_EQ(accepted->remote, connected->local);  // the client's end, seen from both sides

    auto client_handshake = client_events.next();
    ASSERT_TRUE(client_handshake);
    EXPECT_EQ(client_handshake->type, uint64_t{ZMQ_EVENT_HANDSHAKE_SUCCEEDED});
    EXPECT_EQ(client_handshake->local, connected->local);
    EXPECT_EQ(client_handshake->remote, bound);
    auto server_handshake = server_events.next();
    ASSERT_TRUE(server_handshake);
    EXPECT_EQ(server_handshake->type, uint64_t{ZMQ_EVENT_HANDSHAKE_SUCCEEDED});
    EXPECT_EQ(server_handshake->remote, connected->local);

    client.close();
    auto stopped = client_events.next();
    ASSERT_TRUE(stopped);
    EXPECT_EQ(stopped->type, uint64_t{ZMQ_EVENT_MONITOR_STOPPED});
    EXPECT_EQ(stopped->local + stopped->remote, "");
    auto disconnected = server_events.wait_for(ZMQ_EVENT_DISCONNECTED);
    ASSERT_TRUE(disconnected);
    EXPECT_EQ(disconnected->local, bound);
    EXPECT_EQ(disconnected->remote, connected->local);

    server.close();
    auto closed = server_events.next();
    ASSERT_TRUE(closed);
    EXPECT_EQ(closed->type, uint64_t{ZMQ_EVENT_CLOSED});
    EXPECT_EQ(closed->local, bound);
    EXPECT_EQ(closed->remote, "");
    auto last = server_events.next();
    ASSERT_TRUE(last);
    EXPECT_EQ(last->type, uint64_t{ZMQ_EVENT_MONITOR_STOPPED});
}

void process_commands(void* s) {
    int ready = 0;
    size_t size = sizeof ready;
    zmq_getsockopt(s, ZMQ_EVENTS, &ready, &size);
}

// Asks for the statistics until they come (the reference publishes them
// once the pipe's far end, over inproc the peer socket, and then the socket
// have handled their commands).
std::optional<tt::event_v2> pipe_stats(void* s, void* peer, tt::monitor_v2& events) {
    EXPECT_EQ(zmq_socket_monitor_pipes_stats(s), 0) << zmq_strerror(zmq_errno());
    for (int tries = 0; tries < 100; ++tries) {
        process_commands(peer);
        process_commands(s);
        if (auto e = events.next(50); e && e->type == ZMQ_EVENT_PIPES_STATS)
            return e;
    }
    return std::nullopt;
}

class PipesStats : public ::testing::TestWithParam<const char*> {};

TEST_P(PipesStats, CountWhatIsQueuedEachWayAndNameTheConnection) {
    zt::context ctx;
    zt::socket server(ctx, ZMQ_ROUTER);
    zt::socket client(ctx, ZMQ_DEALER);
    tt::monitor_v2 server_events(ctx, server, ZMQ_EVENT_PIPES_STATS);
    tt::monitor_v2 client_events(ctx, client, ZMQ_EVENT_PIPES_STATS);
    const std::string transport = GetParam();
    std::string endpoint = transport == "inproc" ? "inproc://pipes-stats" : transport + "://*";
    if (transport == "tcp")
        endpoint = "tcp://127.0.0.1:*";
    zt::bind(server, endpoint.c_str());
    if (transport != "inproc")
        endpoint = zt::last_endpoint(server);
    zt::connect(client, endpoint.c_str());
    for (int i = 0; i < 3; ++i)
        zt::send_str(client, "queued");
    ASSERT_TRUE(zt::wait_readable(server));

    auto at_client = pipe_stats(client, server, client_events);
    ASSERT_TRUE(at_client);
    ASSERT_EQ(at_client->values.size(), 2u);
    EXPECT_EQ(at_client->values[0], 3u);  // sent, not yet acknowledged by the reader
    EXPECT_EQ(at_client->values[1], 0u);
    // The three may reach the server in more than one read: asked again,
    // a little later each time, until all are in.
    auto at_server = pipe_stats(server, client, server_events);
    for (int wait_ms = 1; wait_ms < zt::safety_timeout_ms && at_server && at_server->values.size() == 2 &&
                          at_server->values[1] < 3;
         wait_ms *= 2) {
        zt::wait_readable(client, wait_ms);  // nothing comes: a pause the I/O threads run in
        at_server = pipe_stats(server, client, server_events);
    }
    ASSERT_TRUE(at_server);
    ASSERT_EQ(at_server->values.size(), 2u);
    EXPECT_EQ(at_server->values[0], 0u);
    EXPECT_EQ(at_server->values[1], 3u);
    if (transport == "inproc") {
        EXPECT_EQ(at_client->local + at_client->remote + at_server->local + at_server->remote, "");
    } else {
        // The connecting side's pipe predates its connection: no local end.
        EXPECT_EQ(at_client->local, "");
        EXPECT_EQ(at_client->remote, endpoint);
        EXPECT_EQ(at_server->local, endpoint);
        EXPECT_TRUE(at_server->remote.starts_with(transport + "://")) << at_server->remote;
    }
}

INSTANTIATE_TEST_SUITE_P(Transports, PipesStats, ::testing::Values("tcp", "ipc", "inproc"));

TEST(MonitorVersioned, Version1ThroughTheVersionedCallKeepsTheTwoFrameLayout) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_DEALER);
    zt::socket reader(ctx, ZMQ_PAIR);
    ASSERT_EQ(zmq_socket_monitor_versioned(s, "inproc://v1-layout", ZMQ_EVENT_LISTENING, 1, ZMQ_PAIR), 0);
    zt::connect(reader, "inproc://v1-layout");
    const std::string bound = zt::bind_tcp(s);
    ASSERT_TRUE(zt::wait_readable(reader));
    auto header = tt::recv_frame(reader);
    ASSERT_TRUE(header && header->second);
    ASSERT_EQ(header->first.size(), 6u);
    uint16_t event = 0;
    std::memcpy(&event, header->first.data(), sizeof event);
    EXPECT_EQ(event, ZMQ_EVENT_LISTENING);
    auto endpoint = tt::recv_frame(reader);
    ASSERT_TRUE(endpoint);
    EXPECT_FALSE(endpoint->second);
    EXPECT_EQ(endpoint->first, bound);
}

TEST(MonitorVersioned, APubMonitorPublishesEachEventUnderItsNumber) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_DEALER);
    zt::socket reader(ctx, ZMQ_SUB);
    ASSERT_EQ(zmq_socket_monitor_versioned(s, "inproc://pub-monitor", ZMQ_EVENT_ALL_V2, 2, ZMQ_PUB), 0);
    const uint64_t wanted = ZMQ_EVENT_CLOSED;
    ASSERT_EQ(zmq_setsockopt(reader, ZMQ_SUBSCRIBE, &wanted, sizeof wanted), 0);
    zt::connect(reader, "inproc://pub-monitor");
    const std::string bound = zt::bind_tcp(s);  // LISTENING: not subscribed
    ASSERT_EQ(zmq_unbind(s, bound.c_str()), 0);  // CLOSED
    ASSERT_TRUE(zt::wait_readable(reader));
    auto e = tt::read_event_v2(reader);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->type, wanted);
    EXPECT_EQ(e->local, bound);
}

TEST(MonitorVersioned, APushMonitorDeliversToAPull) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_DEALER);
    tt::monitor_v2 events(ctx, s, ZMQ_EVENT_LISTENING, ZMQ_PUSH);
    const std::string bound = zt::bind_tcp(s);
    auto e = events.next();
    ASSERT_TRUE(e);
    EXPECT_EQ(e->type, uint64_t{ZMQ_EVENT_LISTENING});
    EXPECT_EQ(e->local, bound);
}

}  // namespace
