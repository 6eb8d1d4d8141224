// ZMQ_ROUTER_RAW (deprecated, still taken by libzmq 4.3.4): a ROUTER whose
// connections speak raw bytes, as a STREAM socket's, and which otherwise
// stays a ROUTER. The peers here are plain POSIX sockets; every
// expectation holds for Debian's libzmq too (reference.surface_router_raw).
#include "monitor_events.hpp"
#include "raw_peer.hpp"
#include "raw_server.hpp"
#include "zmq_test.hpp"

#include <string>
#include <vector>

namespace {

int set_router_raw(void* s, int value) { return zmq_setsockopt(s, ZMQ_ROUTER_RAW, &value, sizeof value); }

// A routing id the socket made up: a zero byte and a 32-bit counter.
bool looks_generated(const std::string& id) { return id.size() == 5 && id[0] == '\0'; }

// A raw ROUTER bound to a free loopback port, and a plain tcp peer
// connected to it whose arrival the ROUTER has reported.
struct raw_router_with_peer {
    explicit raw_router_with_peer(void* ctx) : router(ctx, ZMQ_ROUTER) {
        EXPECT_EQ(set_router_raw(router, 1), 0);
        endpoint = zt::bind_tcp(router);
        peer = std::make_unique<tt::raw_peer>(endpoint);
        const std::vector<std::string> hello = zt::recv_multipart(router);
        EXPECT_EQ(hello.size(), 2u);
        if (hello.size() == 2) {
            EXPECT_TRUE(looks_generated(hello[0]));
            EXPECT_EQ(hello[1], "");
            id = hello[0];
        }
    }

    zt::socket router;
    std::string endpoint;
    std::unique_ptr<tt::raw_peer> peer;
    std::string id;
};

TEST(RouterRaw, IsTakenByRouterAndRepOnlyAndNeverReadBack) {
    zt::context ctx;
    for (const int type : {ZMQ_ROUTER, ZMQ_REP}) {
        zt::socket s(ctx, type);
        for (const int value : {1, 0, 2})
            EXPECT_EQ(set_router_raw(s, value), 0) << type << " " << value;
        ZT_EXPECT_ERRNO(set_router_raw(s, -1), EINVAL);
        const int64_t wide = 1;
        ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_ROUTER_RAW, &wide, sizeof wide), EINVAL);
        int value = -1;
        size_t size = sizeof value;
        ZT_EXPECT_ERRNO(zmq_getsockopt(s, ZMQ_ROUTER_RAW, &value, &size), EINVAL);
    }
    for (const int type : {ZMQ_DEALER, ZMQ_STREAM, ZMQ_REQ, ZMQ_PUB, ZMQ_SUB, ZMQ_PAIR, ZMQ_PUSH, ZMQ_PULL}) {
        zt::socket s(ctx, type);
        ZT_EXPECT_ERRNO(set_router_raw(s, 1), EINVAL);
        ZT_EXPECT_ERRNO(set_router_raw(s, 0), EINVAL);
    }
}

TEST(RouterRaw, StreamNotifyStaysRefused) {
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    ASSERT_EQ(set_router_raw(router, 1), 0);
    const int off = 0;
    ZT_EXPECT_ERRNO(zmq_setsockopt(router, ZMQ_STREAM_NOTIFY, &off, sizeof off), EINVAL);
}

TEST(RouterRaw, ExchangesRawBytesWithAnAcceptedPeer) {
    zt::context ctx;
    raw_router_with_peer s(ctx);
    s.peer->send("hello");
    EXPECT_EQ(zt::recv_multipart(s.router), (std::vector<std::string>{s.id, "hello"}));
    zt::send_multipart(s.router, {s.id, "world"});
    EXPECT_EQ(s.peer->receive(5), "world");  // bare bytes: no ZMTP greeting, no framing
}

TEST(RouterRaw, IgnoresMoreOnDataAndDropsALoneRoutingIdFrame) {
    zt::context ctx;
    raw_router_with_peer s(ctx);
    zt::send_str(s.router, s.id, ZMQ_SNDMORE);
    zt::send_str(s.router, "a", ZMQ_SNDMORE);  // ends the message all the same
    zt::send_str(s.router, "b");               // a routing id frame without data: dropped
    zt::send_multipart(s.router, {s.id, "c"});
    EXPECT_EQ(s.peer->receive(2), "ac");
}

TEST(RouterRaw, EmptyDataClosesTheConnectionAfterWhatWasSent) {
    zt::context ctx;
    raw_router_with_peer s(ctx);
    zt::send_multipart(s.router, {s.id, "bye"});
    zt::send_multipart(s.router, {s.id, ""});
    EXPECT_EQ(s.peer->receive(3), "bye");
    EXPECT_TRUE(s.peer->closed_by_peer(zt::safety_timeout_ms, s.router));
}

TEST(RouterRaw, ReportsAPeerThatLeaves) {
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    ASSERT_EQ(set_router_raw(router, 1), 0);
    tt::event_monitor monitor(ctx, router);
    const std::string endpoint = zt::bind_tcp(router);
    auto peer = std::make_unique<tt::raw_peer>(endpoint);
    const std::string id = zt::recv_multipart(router).at(0);
    peer.reset();
    EXPECT_EQ(zt::recv_multipart(router), (std::vector<std::string>{id, ""}));
    EXPECT_TRUE(monitor.wait_for(ZMQ_EVENT_DISCONNECTED).has_value());
}

TEST(RouterRaw, DropsAnUnknownRoutingIdUnlessMandatory) {
    zt::context ctx;
    raw_router_with_peer s(ctx);
    zt::send_multipart(s.router, {"nobody", "lost"});
    zt::set_int(s.router, ZMQ_ROUTER_MANDATORY, 1);
    ZT_EXPECT_ERRNO(zmq_send(s.router, "nobody", 6, ZMQ_SNDMORE), EHOSTUNREACH);
    zt::send_multipart(s.router, {s.id, "kept"});
    EXPECT_EQ(s.peer->receive(4), "kept");
}

TEST(RouterRaw, ConnectsToARawServerUnderTheRoutingIdItChose) {
    zt::context ctx;
    tt::raw_server server;
    zt::socket router(ctx, ZMQ_ROUTER);
    ASSERT_EQ(set_router_raw(router, 1), 0);
    zt::set_bytes(router, ZMQ_CONNECT_ROUTING_ID, "server");
    zt::connect(router, server.endpoint().c_str());
    const auto peer = server.accept();
    ASSERT_NE(peer, nullptr);
    EXPECT_EQ(zt::recv_multipart(router), (std::vector<std::string>{"server", ""}));
    zt::send_multipart(router, {"server", "ping"});
    EXPECT_EQ(peer->receive(4), "ping");
    peer->send("pong");
    EXPECT_EQ(zt::recv_multipart(router), (std::vector<std::string>{"server", "pong"}));
}

}  // namespace
