// CLIENT and SERVER (zmq_socket(3), RFC 41): the client starts, the server
// answers by routing id; round-robin out of a client, fair-queued in;
// EHOSTUNREACH for an unknown peer; single-part only. Over inproc, ipc and
// tcp. Checked against the reference libzmq 4.3.4 with its draft API.
#include "endpoints_all.hpp"
#include "monitor_events.hpp"

#include <set>
#include <string>

namespace {

using ts::transport;

class ClientServer : public ::testing::TestWithParam<transport> {
protected:
    zt::context ctx;
};

INSTANTIATE_TEST_SUITE_P(Transports, ClientServer,
                         ::testing::Values(transport::inproc, transport::ipc, transport::tcp), ts::transport_name);

TEST_P(ClientServer, TheServerAnswersTheRoutingIdOfTheRequest) {
    zt::socket server(ctx, ZMQ_SERVER);
    zt::socket client(ctx, ZMQ_CLIENT);
    zt::connect(client, ts::bind_any(server, GetParam()).c_str());
    zt::send_str(client, "question");
    const ts::received request = ts::recv_with_id(server);
    EXPECT_EQ(request.text, "question");
    EXPECT_NE(request.routing_id, 0u) << "a routing id is never 0";
    ASSERT_EQ(ts::send_to(server, request.routing_id, "answer"), 6);
    EXPECT_EQ(zt::recv_str(client), "answer");
}

TEST_P(ClientServer, EachClientHasItsOwnRoutingId) {
    zt::socket server(ctx, ZMQ_SERVER);
    const std::string endpoint = ts::bind_any(server, GetParam());
    zt::socket first(ctx, ZMQ_CLIENT);
    zt::socket second(ctx, ZMQ_CLIENT);
    zt::connect(first, endpoint.c_str());
    zt::connect(second, endpoint.c_str());
    zt::send_str(first, "1");
    zt::send_str(second, "2");
    const ts::received a = ts::recv_with_id(server);
    const ts::received b = ts::recv_with_id(server);
    EXPECT_NE(a.routing_id, b.routing_id);
    ASSERT_EQ(ts::send_to(server, a.routing_id, "to " + a.text), 4);
    ASSERT_EQ(ts::send_to(server, b.routing_id, "to " + b.text), 4);
    EXPECT_EQ(zt::recv_str(first), "to 1");
    EXPECT_EQ(zt::recv_str(second), "to 2");
}

TEST_P(ClientServer, AnUnknownOrMissingRoutingIdIsUnreachable) {
    zt::socket server(ctx, ZMQ_SERVER);
    ts::bind_any(server, GetParam());
    ZT_EXPECT_ERRNO(zmq_send(server, "nobody", 6, 0), EHOSTUNREACH);
    ZT_EXPECT_ERRNO(ts::send_to(server, 12345, "nobody"), EHOSTUNREACH);
}

TEST_P(ClientServer, AClientRoundRobinsToItsServers) {
    zt::socket first(ctx, ZMQ_SERVER);
    zt::socket second(ctx, ZMQ_SERVER);
    zt::socket client(ctx, ZMQ_CLIENT);
    zt::connect(client, ts::bind_any(first, GetParam()).c_str());
    zt::connect(client, ts::bind_any(second, GetParam()).c_str());
    // Both connections up before counting: each server has answered once.
    for (void* server : {static_cast<void*>(first), static_cast<void*>(second)}) {
        while (!zt::wait_readable(server, 10))
            zt::send_str(client, "hello");
        ASSERT_EQ(ts::recv_with_id(server).text, "hello");
    }
    for (void* server : {static_cast<void*>(first), static_cast<void*>(second)})
        while (zt::wait_readable(server, 0))
            ts::recv_with_id(server);
    for (int i = 0; i < 10; ++i)
        zt::send_str(client, "work");
    int got_first = 0, got_second = 0;
    for (int i = 0; i < 10; ++i) {
        zmq_pollitem_t items[] = {{first, 0, ZMQ_POLLIN, 0}, {second, 0, ZMQ_POLLIN, 0}};
        ASSERT_GT(zmq_poll(items, 2, zt::safety_timeout_ms), 0);
        if (items[0].revents && ts::recv_with_id(first).text == "work")
            ++got_first;
        else if (items[1].revents && ts::recv_with_id(second).text == "work")
            ++got_second;
    }
    EXPECT_EQ(got_first, 5);
    EXPECT_EQ(got_second, 5);
}

TEST_P(ClientServer, MultipartIsRefusedAndNothingIsSent) {
    zt::socket server(ctx, ZMQ_SERVER);
    zt::socket client(ctx, ZMQ_CLIENT);
    zt::connect(client, ts::bind_any(server, GetParam()).c_str());
    ZT_EXPECT_ERRNO(zmq_send(client, "part", 4, ZMQ_SNDMORE), EINVAL);
    zt::send_str(client, "whole");
    EXPECT_EQ(ts::recv_with_id(server).text, "whole") << "the refused part was not sent";
    EXPECT_EQ(zt::get_int(server, ZMQ_RCVMORE), 0);
}

TEST(ThreadSafeTypes, ReportThemselvesThreadSafeAndHaveNoDescriptor) {
    zt::context ctx;
    for (int type : {ZMQ_CLIENT, ZMQ_SERVER, ZMQ_SCATTER, ZMQ_GATHER, ZMQ_PEER, ZMQ_CHANNEL}) {
        zt::socket s(ctx, type);
        EXPECT_EQ(zt::get_int(s, ZMQ_THREAD_SAFE), 1) << "type " << type;
        int fd = 0;
        size_t size = sizeof fd;
        ZT_EXPECT_ERRNO(zmq_getsockopt(s, ZMQ_FD, &fd, &size), EINVAL);
    }
}

TEST(ThreadSafeTypes, TalkOnlyToTheirCounterparts) {
    zt::context ctx;
    zt::socket server(ctx, ZMQ_SERVER);
    zt::socket dealer(ctx, ZMQ_DEALER);
    tt::event_monitor events(ctx, dealer);
    zt::connect(dealer, ts::bind_any(server, transport::tcp).c_str());
    // Queued, or refused with EAGAIN if the server refused the connection
    // first: either way nothing may reach the server.
    zmq_send(dealer, "not for a server", 16, ZMQ_DONTWAIT);
    // The SERVER refuses the handshake (an ERROR, then the connection ends).
    EXPECT_TRUE(events.wait_for(ZMQ_EVENT_DISCONNECTED)) << "a SERVER takes no DEALER";
    EXPECT_FALSE(zt::wait_readable(server, 0));
}

} // namespace
