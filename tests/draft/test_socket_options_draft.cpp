// The draft socket options of libzmq 4.3.4 that shape connections and
// ROUTERs: ZMQ_ROUTER_NOTIFY, ZMQ_PRIORITY, ZMQ_IN_BATCH_SIZE and
// ZMQ_OUT_BATCH_SIZE. Every expectation also holds for the reference
// libzmq 4.3.4 with drafts (reference.draft_socket_options).
#include "zmq_test.hpp"

#include <sys/socket.h>

#include <cstring>
#include <string>
#include <vector>

namespace {

using parts = std::vector<std::string>;

int set_option(void* s, int option, int value) { return zmq_setsockopt(s, option, &value, sizeof value); }

TEST(DraftSocketOptions, DefaultsAsLibzmq) {
    zt::context ctx;
    for (int type : {ZMQ_ROUTER, ZMQ_DEALER, ZMQ_PUB}) {
        zt::socket s(ctx, type);
        EXPECT_EQ(zt::get_int(s, ZMQ_ROUTER_NOTIFY), 0) << type;
        EXPECT_EQ(zt::get_int(s, ZMQ_IN_BATCH_SIZE), 8192) << type;
        EXPECT_EQ(zt::get_int(s, ZMQ_OUT_BATCH_SIZE), 8192) << type;
        EXPECT_EQ(zt::get_int(s, ZMQ_PRIORITY), 0) << type;
    }
}

TEST(DraftSocketOptions, BatchSizesArePositive) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_DEALER);
    for (int option : {ZMQ_IN_BATCH_SIZE, ZMQ_OUT_BATCH_SIZE}) {
        EXPECT_EQ(set_option(s, option, 65536), 0);
        EXPECT_EQ(zt::get_int(s, option), 65536);
        ZT_EXPECT_ERRNO(set_option(s, option, 0), EINVAL);
        ZT_EXPECT_ERRNO(set_option(s, option, -1), EINVAL);
    }
}

TEST(DraftSocketOptions, PriorityIsNotNegative) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_DEALER);
    EXPECT_EQ(set_option(s, ZMQ_PRIORITY, 5), 0);
    EXPECT_EQ(zt::get_int(s, ZMQ_PRIORITY), 5);
    ZT_EXPECT_ERRNO(set_option(s, ZMQ_PRIORITY, -1), EINVAL);
}

TEST(DraftSocketOptions, RouterNotifyTakesItsTwoBitsOnARouterOnly) {
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    for (int bits : {ZMQ_NOTIFY_CONNECT, ZMQ_NOTIFY_DISCONNECT, ZMQ_NOTIFY_CONNECT | ZMQ_NOTIFY_DISCONNECT, 0}) {
        EXPECT_EQ(set_option(router, ZMQ_ROUTER_NOTIFY, bits), 0);
        EXPECT_EQ(zt::get_int(router, ZMQ_ROUTER_NOTIFY), bits);
    }
    ZT_EXPECT_ERRNO(set_option(router, ZMQ_ROUTER_NOTIFY, 4), EINVAL);
    ZT_EXPECT_ERRNO(set_option(router, ZMQ_ROUTER_NOTIFY, -1), EINVAL);
    zt::socket dealer(ctx, ZMQ_DEALER);
    ZT_EXPECT_ERRNO(set_option(dealer, ZMQ_ROUTER_NOTIFY, ZMQ_NOTIFY_CONNECT), EINVAL);
}

// A ROUTER with both bits, bound over tcp, and a DEALER named "peer".
struct notifying_router {
    zt::context ctx;
    zt::socket router{ctx, ZMQ_ROUTER};
    std::string endpoint;

    explicit notifying_router(int bits) {
        set_option(router, ZMQ_ROUTER_NOTIFY, bits);
        endpoint = zt::bind_tcp(router);
    }
    void connect_dealer(zt::socket& dealer) {
        zt::set_bytes(dealer, ZMQ_ROUTING_ID, "peer");
        zt::connect(dealer, endpoint.c_str());
    }
};

TEST(RouterNotify, APeerIsAnnouncedByAnEmptyMessageWhenItComesAndWhenItGoes) {
    notifying_router r(ZMQ_NOTIFY_CONNECT | ZMQ_NOTIFY_DISCONNECT);
    {
        zt::socket dealer(r.ctx, ZMQ_DEALER);
        r.connect_dealer(dealer);
        EXPECT_EQ(zt::recv_multipart(r.router), (parts{"peer", ""}));
        zt::send_str(dealer, "hello");
        EXPECT_EQ(zt::recv_multipart(r.router), (parts{"peer", "hello"}));
    }
    EXPECT_EQ(zt::recv_multipart(r.router), (parts{"peer", ""}));
}

TEST(RouterNotify, OnlyTheEventsAskedFor) {
    notifying_router r(ZMQ_NOTIFY_DISCONNECT);
    {
        zt::socket dealer(r.ctx, ZMQ_DEALER);
        r.connect_dealer(dealer);
        zt::send_str(dealer, "first");
        EXPECT_EQ(zt::recv_multipart(r.router), (parts{"peer", "first"}));
    }
    EXPECT_EQ(zt::recv_multipart(r.router), (parts{"peer", ""}));
}

TEST(RouterNotify, AConnectingRouterIsNotifiedToo) {
    zt::context ctx;
    zt::socket dealer(ctx, ZMQ_DEALER);
    const std::string endpoint = zt::bind_tcp(dealer);
    zt::socket router(ctx, ZMQ_ROUTER);
    set_option(router, ZMQ_ROUTER_NOTIFY, ZMQ_NOTIFY_CONNECT);
    zt::set_bytes(router, ZMQ_CONNECT_ROUTING_ID, "bound-dealer");
    zt::connect(router, endpoint.c_str());
    EXPECT_EQ(zt::recv_multipart(router), (parts{"bound-dealer", ""}));
}

// The notifications come from a connection's handshake: inproc has none.
TEST(RouterNotify, InprocPeersAreNotAnnounced) {
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    set_option(router, ZMQ_ROUTER_NOTIFY, ZMQ_NOTIFY_CONNECT | ZMQ_NOTIFY_DISCONNECT);
    zt::bind(router, "inproc://notify");
    zt::socket dealer(ctx, ZMQ_DEALER);
    zt::set_bytes(dealer, ZMQ_ROUTING_ID, "peer");
    zt::connect(dealer, "inproc://notify");
    zt::send_str(dealer, "only this");
    EXPECT_EQ(zt::recv_multipart(router), (parts{"peer", "only this"}));
}

// The event's value: the descriptor of the connection, in this process.
int next_event_descriptor(void* monitor) {
    const parts event = zt::recv_multipart(monitor);
    uint32_t value = 0;
    if (event.size() == 2 && event[0].size() == 6)
        std::memcpy(&value, event[0].data() + 2, sizeof value);
    return static_cast<int>(value);
}

int priority_of(int fd) {
    int value = -1;
    socklen_t size = sizeof value;
    return getsockopt(fd, SOL_SOCKET, SO_PRIORITY, &value, &size) == 0 ? value : -1;
}

// The listener's too, as libzmq sets it; the accepted descriptor does not
// inherit it from the listener, so it is set there again.
TEST(DraftSocketOptions, PriorityReachesTheListenerAndBothEndsOfATcpConnection) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL), push(ctx, ZMQ_PUSH);
    set_option(pull, ZMQ_PRIORITY, 3);
    set_option(push, ZMQ_PRIORITY, 4);
    ASSERT_EQ(zmq_socket_monitor(pull, "inproc://accepted", ZMQ_EVENT_LISTENING | ZMQ_EVENT_ACCEPTED), 0);
    ASSERT_EQ(zmq_socket_monitor(push, "inproc://connected", ZMQ_EVENT_CONNECTED), 0);
    zt::socket accepted(ctx, ZMQ_PAIR), connected(ctx, ZMQ_PAIR);
    zt::connect(accepted, "inproc://accepted");
    zt::connect(connected, "inproc://connected");
    const std::string endpoint = zt::bind_tcp(pull);
    zt::connect(push, endpoint.c_str());
    zt::send_str(push, "prioritised");
    EXPECT_EQ(zt::recv_str(pull), "prioritised");  // every descriptor is open now
    EXPECT_EQ(priority_of(next_event_descriptor(accepted)), 3) << "listening";
    EXPECT_EQ(priority_of(next_event_descriptor(accepted)), 3) << "accepted";
    EXPECT_EQ(priority_of(next_event_descriptor(connected)), 4);
}

} // namespace
