// ZMQ_HELLO_MSG (a message each new peer gets first) and ZMQ_DISCONNECT_MSG
// (a message a socket gets as if from a peer that went), draft options of
// libzmq 4.3.4, over tcp and inproc. Every expectation also holds for the
// reference libzmq 4.3.4 with drafts (reference.draft_hello_disconnect).
#include "zmq_test.hpp"

#include <string>
#include <vector>

namespace {

using parts = std::vector<std::string>;

TEST(HelloMsg, APeerGetsItFirstOverTcp) {
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER), dealer(ctx, ZMQ_DEALER);
    zt::set_bytes(router, ZMQ_HELLO_MSG, "welcome");
    const std::string endpoint = zt::bind_tcp(router);
    zt::set_bytes(dealer, ZMQ_ROUTING_ID, "peer");
    zt::set_bytes(dealer, ZMQ_HELLO_MSG, "hello");
    zt::connect(dealer, endpoint.c_str());
    EXPECT_EQ(zt::recv_multipart(router), (parts{"peer", "hello"}));
    EXPECT_EQ(zt::recv_str(dealer), "welcome");
}

TEST(HelloMsg, BothWaysOverInproc) {
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER), dealer(ctx, ZMQ_DEALER);
    zt::set_bytes(router, ZMQ_HELLO_MSG, "welcome");
    zt::bind(router, "inproc://hello");
    zt::set_bytes(dealer, ZMQ_ROUTING_ID, "peer");
    zt::set_bytes(dealer, ZMQ_HELLO_MSG, "hello");
    zt::connect(dealer, "inproc://hello");
    EXPECT_EQ(zt::recv_multipart(router), (parts{"peer", "hello"}));
    EXPECT_EQ(zt::recv_str(dealer), "welcome");
}

TEST(HelloMsg, BothWaysWhenTheInprocConnectComesFirst) {
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER), dealer(ctx, ZMQ_DEALER);
    zt::set_bytes(dealer, ZMQ_ROUTING_ID, "peer");
    zt::set_bytes(dealer, ZMQ_HELLO_MSG, "hello");
    zt::connect(dealer, "inproc://hello-later");
    zt::set_bytes(router, ZMQ_HELLO_MSG, "welcome");
    zt::bind(router, "inproc://hello-later");
    EXPECT_EQ(zt::recv_multipart(router), (parts{"peer", "hello"}));
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

TEST(DisconnectMsg, AnAcceptedTcpPeerThatGoesIsHeardOf) {
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    zt::set_bytes(router, ZMQ_DISCONNECT_MSG, "gone");
    const std::string endpoint = zt::bind_tcp(router);
    {
        zt::socket dealer(ctx, ZMQ_DEALER);
        zt::set_bytes(dealer, ZMQ_ROUTING_ID, "peer");
        zt::connect(dealer, endpoint.c_str());
        zt::send_str(dealer, "hi");
        EXPECT_EQ(zt::recv_multipart(router), (parts{"peer", "hi"}));
    }
    EXPECT_EQ(zt::recv_multipart(router), (parts{"peer", "gone"}));
}

TEST(DisconnectMsg, AnInprocPeerThatGoesIsHeardOf) {
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    zt::set_bytes(router, ZMQ_DISCONNECT_MSG, "gone");
    zt::bind(router, "inproc://farewell");
    {
        zt::socket dealer(ctx, ZMQ_DEALER);
        zt::set_bytes(dealer, ZMQ_ROUTING_ID, "peer");
        zt::connect(dealer, "inproc://farewell");
        zt::send_str(dealer, "hi");
        EXPECT_EQ(zt::recv_multipart(router), (parts{"peer", "hi"}));
    }
    EXPECT_EQ(zt::recv_multipart(router), (parts{"peer", "gone"}));
}

// With ZMQ_ROUTER_NOTIFY too: the empty notification, then the message.
TEST(DisconnectMsg, ComesAfterTheRouterNotification) {
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    const int notify = ZMQ_NOTIFY_DISCONNECT;
    ASSERT_EQ(zmq_setsockopt(router, ZMQ_ROUTER_NOTIFY, &notify, sizeof notify), 0);
    zt::set_bytes(router, ZMQ_DISCONNECT_MSG, "gone");
    const std::string endpoint = zt::bind_tcp(router);
    {
        zt::socket dealer(ctx, ZMQ_DEALER);
        zt::set_bytes(dealer, ZMQ_ROUTING_ID, "peer");
        zt::connect(dealer, endpoint.c_str());
        zt::send_str(dealer, "hi");
        EXPECT_EQ(zt::recv_multipart(router), (parts{"peer", "hi"}));
    }
    EXPECT_EQ(zt::recv_multipart(router), (parts{"peer", ""}));
    EXPECT_EQ(zt::recv_multipart(router), (parts{"peer", "gone"}));
}

} // namespace
