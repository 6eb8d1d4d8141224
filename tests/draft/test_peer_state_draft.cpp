// zmq_socket_get_peer_state: a ROUTER's view of one peer, by routing id.
// Every expectation also holds for the reference libzmq 4.3.4 with drafts
// (reference.draft_peer_state).
#include "zmq_test.hpp"

#include <cerrno>
#include <string>
#include <vector>

namespace {

void process_commands(void* s) {
    int ready = 0;
    size_t size = sizeof ready;
    zmq_getsockopt(s, ZMQ_EVENTS, &ready, &size);
}

int state_of(void* router, const std::string& id) {
    errno = 0;
    const int state = zmq_socket_get_peer_state(router, id.data(), id.size());
    return state < 0 ? -zmq_errno() : state;
}

// Lets the router take in its commands until the peer's state is `wanted`
// (a peer that joins, or acknowledges what it read, tells it so by a
// command), within the safety net.
bool state_becomes(void* router, const std::string& id, int wanted) {
    for (int tries = 0; tries < zt::safety_timeout_ms; ++tries) {
        process_commands(router);
        if (state_of(router, id) == wanted)
            return true;
        zmq_poll(nullptr, 0, 1);
    }
    return false;
}

TEST(PeerState, OnlyARouterHasPeersByRoutingId) {
    zt::context ctx;
    for (int type : {ZMQ_DEALER, ZMQ_PAIR, ZMQ_PUB, ZMQ_SUB, ZMQ_REQ, ZMQ_PUSH, ZMQ_PULL, ZMQ_XPUB, ZMQ_STREAM}) {
        zt::socket s(ctx, type);
        EXPECT_EQ(state_of(s, "A"), -ENOTSUP) << "type " << type;
    }
    EXPECT_EQ(zmq_socket_get_peer_state(nullptr, "A", 1), -1);
    EXPECT_EQ(zmq_errno(), ENOTSOCK);
}

TEST(PeerState, AnUnknownRoutingIdIsUnreachable) {
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    zt::socket rep(ctx, ZMQ_REP);
    EXPECT_EQ(state_of(router, "nobody"), -EHOSTUNREACH);
    EXPECT_EQ(state_of(router, ""), -EHOSTUNREACH);
    EXPECT_EQ(state_of(rep, "nobody"), -EHOSTUNREACH);  // REP is a ROUTER inside, in both
}

TEST(PeerState, PolloutUntilThePeerIsAtItsHighWaterMark) {
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    zt::socket full(ctx, ZMQ_DEALER);
    zt::socket idle(ctx, ZMQ_DEALER);
    zt::set_int(router, ZMQ_SNDHWM, 1);
    zt::set_int(router, ZMQ_ROUTER_MANDATORY, 1);
    zt::bind(router, "inproc://peer-state");
    zt::set_bytes(full, ZMQ_ROUTING_ID, "full");
    zt::set_bytes(idle, ZMQ_ROUTING_ID, "idle");
    zt::set_int(full, ZMQ_RCVHWM, 1);
    zt::connect(full, "inproc://peer-state");
    zt::connect(idle, "inproc://peer-state");
    ASSERT_TRUE(state_becomes(router, "full", ZMQ_POLLOUT));
    ASSERT_TRUE(state_becomes(router, "idle", ZMQ_POLLOUT));

    int sent = 0;
    while (zmq_send(router, "full", 4, ZMQ_SNDMORE | ZMQ_DONTWAIT) == 4) {
        ASSERT_EQ(zmq_send(router, "x", 1, ZMQ_DONTWAIT), 1);
        ++sent;
    }
    EXPECT_EQ(zmq_errno(), EAGAIN);
    EXPECT_GT(sent, 0);
    EXPECT_EQ(state_of(router, "full"), 0);
    EXPECT_EQ(state_of(router, "idle"), ZMQ_POLLOUT);

    for (int i = 0; i < sent; ++i)
        EXPECT_EQ(zt::recv_str(full), "x");
    EXPECT_TRUE(state_becomes(router, "full", ZMQ_POLLOUT));
}

TEST(PeerState, APeerThatLeftIsUnreachable) {
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    const std::string endpoint = zt::bind_tcp(router);
    {
        zt::socket dealer(ctx, ZMQ_DEALER);
        zt::set_bytes(dealer, ZMQ_ROUTING_ID, "gone");
        zt::connect(dealer, endpoint.c_str());
        zt::send_str(dealer, "hello");
        ASSERT_TRUE(zt::wait_readable(router));
        EXPECT_EQ(state_of(router, "gone"), ZMQ_POLLOUT);
        // A pipe goes once what it holds is read, in both libraries.
        EXPECT_EQ(zt::recv_multipart(router), (std::vector<std::string>{"gone", "hello"}));
    }
    EXPECT_TRUE(state_becomes(router, "gone", -EHOSTUNREACH));
}

}  // namespace
