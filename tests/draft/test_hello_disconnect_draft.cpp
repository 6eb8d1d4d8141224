// ZMQ_HELLO_MSG (a message each new peer gets first) and ZMQ_DISCONNECT_MSG
// (a message a socket gets as if from a peer that went), draft options of
// libzmq 4.3.4, over tcp and inproc. Every expectation also holds for the
// reference libzmq 4.3.4 with drafts (reference.draft_hello_disconnect).
#include "zmq_test.hpp"

#include <memory>
#include <string>
#include <vector>

namespace {

using parts = std::vector<std::string>;

// A DEALER named "peer", with a hello message if one is given.
std::unique_ptr<zt::socket> dealer_named_peer(zt::context& ctx, const std::string& hello = {}) {
    auto dealer = std::make_unique<zt::socket>(ctx, ZMQ_DEALER);
    zt::set_bytes(*dealer, ZMQ_ROUTING_ID, "peer");
    if (!hello.empty())
        zt::set_bytes(*dealer, ZMQ_HELLO_MSG, hello);
    return dealer;
}

// "tcp" binds a free port; anything else is bound as it is named.
std::string bind_to(void* s, const std::string& endpoint) {
    if (endpoint == "tcp")
        return zt::bind_tcp(s);
    zt::bind(s, endpoint.c_str());
    return endpoint;
}

// Each greets the other; the ROUTER binds before or after the DEALER connects.
void expect_greetings_both_ways(const std::string& endpoint, bool bind_first) {
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    zt::set_bytes(router, ZMQ_HELLO_MSG, "welcome");
    const auto dealer = dealer_named_peer(ctx, "hello");
    std::string bound = endpoint;
    if (bind_first)
        bound = bind_to(router, endpoint);
    zt::connect(*dealer, bound.c_str());
    if (!bind_first)
        zt::bind(router, endpoint.c_str());
    EXPECT_EQ(zt::recv_multipart(router), (parts{"peer", "hello"}));
    EXPECT_EQ(zt::recv_str(*dealer), "welcome");
}

TEST(HelloMsg, APeerGetsItFirstOverTcp) { expect_greetings_both_ways("tcp", true); }
TEST(HelloMsg, BothWaysOverInproc) { expect_greetings_both_ways("inproc://hello", true); }
TEST(HelloMsg, BothWaysWhenTheInprocConnectComesFirst) { expect_greetings_both_ways("inproc://hello-later", false); }

// The binder's hello is there for an inproc connector at once: the ROUTER
// makes no call after its bind (libzmq's own test_hello_msg checks this).
TEST(HelloMsg, AnInprocConnectorGetsItFromABinderThatMakesNoMoreCalls) {
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    zt::set_bytes(router, ZMQ_HELLO_MSG, "welcome");
    zt::bind(router, "inproc://idle-binder");
    zt::socket dealer(ctx, ZMQ_DEALER);
    zt::connect(dealer, "inproc://idle-binder");
    EXPECT_EQ(zt::recv_str(dealer), "welcome");
}

// Set on any socket, written only; the types that do not send it ignore it.
TEST(HelloMsg, ASocketTypeWithoutItIgnoresIt) {
    zt::context ctx;
    zt::socket push(ctx, ZMQ_PUSH), pull(ctx, ZMQ_PULL);
    zt::set_bytes(push, ZMQ_HELLO_MSG, "ignored");
    char buffer[16];
    size_t size = sizeof buffer;
    ZT_EXPECT_ERRNO(zmq_getsockopt(push, ZMQ_HELLO_MSG, buffer, &size), EINVAL);
    zt::bind(pull, "inproc://no-hello");
    zt::connect(push, "inproc://no-hello");
    zt::send_str(push, "only this");
    EXPECT_EQ(zt::recv_str(pull), "only this");
}

// A ROUTER with ZMQ_DISCONNECT_MSG "gone" (and ROUTER_NOTIFY bits) sees a
// DEALER connect, say "hi" and close; what it receives after the "hi".
parts after_a_peer_goes(const std::string& endpoint, int notify = 0) {
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    zmq_setsockopt(router, ZMQ_ROUTER_NOTIFY, &notify, sizeof notify);
    zt::set_bytes(router, ZMQ_DISCONNECT_MSG, "gone");
    const std::string bound = bind_to(router, endpoint);
    auto dealer = dealer_named_peer(ctx);
    zt::connect(*dealer, bound.c_str());
    zt::send_str(*dealer, "hi");
    EXPECT_EQ(zt::recv_multipart(router), (parts{"peer", "hi"}));
    dealer.reset();
    parts heard;
    for (int n = notify ? 2 : 1; n > 0; --n)
        for (const auto& part : zt::recv_multipart(router))
            heard.push_back(part);
    return heard;
}

TEST(DisconnectMsg, AnAcceptedTcpPeerThatGoesIsHeardOf) { EXPECT_EQ(after_a_peer_goes("tcp"), (parts{"peer", "gone"})); }

TEST(DisconnectMsg, AnInprocPeerThatGoesIsHeardOf) {
    EXPECT_EQ(after_a_peer_goes("inproc://farewell"), (parts{"peer", "gone"}));
}

// With ZMQ_ROUTER_NOTIFY too: the empty notification, then the message.
TEST(DisconnectMsg, ComesAfterTheRouterNotification) {
    EXPECT_EQ(after_a_peer_goes("tcp", ZMQ_NOTIFY_DISCONNECT), (parts{"peer", "", "peer", "gone"}));
}

} // namespace
