// ZMQ_IMMEDIATE over tcp and ipc: with it a connect makes no pipe until the
// connection is up, so nothing queues for a peer that is not there. Checked
// against libzmq 4.3.4.
#include "endpoints.hpp"
#include "monitor_events.hpp"

#include <string>

namespace {

using tt::transport;

class Immediate : public ::testing::TestWithParam<transport> {};

INSTANTIATE_TEST_SUITE_P(Transports, Immediate, ::testing::Values(transport::tcp, transport::ipc),
                         tt::transport_name);

std::string dead_endpoint(transport t, const tt::refused_tcp_port& refused) {
    return t == transport::tcp ? refused.endpoint() : "ipc://" + tt::unique_ipc_path("dead");
}

TEST_P(Immediate, NoPipeUntilTheConnectionIsUp) {
    zt::context ctx;
    const std::string endpoint = tt::endpoint_to_bind_later(GetParam());
    zt::socket push(ctx, ZMQ_PUSH);
    zt::set_int(push, ZMQ_IMMEDIATE, 1);
    zt::set_int(push, ZMQ_RECONNECT_IVL, 20);
    tt::event_monitor events(ctx, push, ZMQ_EVENT_HANDSHAKE_SUCCEEDED);
    zt::connect(push, endpoint.c_str());
    ZT_EXPECT_ERRNO(zmq_send(push, "early", 5, ZMQ_DONTWAIT), EAGAIN);

    zt::socket pull(ctx, ZMQ_PULL);
    zt::bind(pull, endpoint.c_str());
    ASSERT_TRUE(events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));
    ASSERT_TRUE(zt::wait_writable(push));
    zt::send_str(push, "late", ZMQ_DONTWAIT);
    EXPECT_EQ(zt::recv_str(pull), "late");
}

// The contrast: without ZMQ_IMMEDIATE a message waits in the connect's pipe.
TEST_P(Immediate, WithoutItMessagesQueueForAnAbsentPeer) {
    zt::context ctx;
    const std::string endpoint = tt::endpoint_to_bind_later(GetParam());
    zt::socket push(ctx, ZMQ_PUSH);
    zt::set_int(push, ZMQ_RECONNECT_IVL, 20);
    zt::connect(push, endpoint.c_str());
    zt::send_str(push, "queued", ZMQ_DONTWAIT);

    zt::socket pull(ctx, ZMQ_PULL);
    zt::bind(pull, endpoint.c_str());
    EXPECT_EQ(zt::recv_str(pull), "queued");
}

TEST_P(Immediate, DealerSendsEverythingToTheLivePeer) {
    zt::context ctx;
    tt::refused_tcp_port refused;
    zt::socket live(ctx, ZMQ_DEALER);
    const std::string live_endpoint = tt::bind_any(live, GetParam());
    zt::socket dealer(ctx, ZMQ_DEALER);
    zt::set_int(dealer, ZMQ_IMMEDIATE, 1);
    tt::event_monitor events(ctx, dealer, ZMQ_EVENT_HANDSHAKE_SUCCEEDED);
    zt::connect(dealer, dead_endpoint(GetParam(), refused).c_str());
    zt::connect(dealer, live_endpoint.c_str());
    auto up = events.next();
    ASSERT_TRUE(up);
    EXPECT_EQ(up->endpoint, live_endpoint);
    ASSERT_TRUE(zt::wait_writable(dealer));

    for (int i = 0; i < 10; ++i)
        zt::send_str(dealer, std::to_string(i), ZMQ_DONTWAIT);
    for (int i = 0; i < 10; ++i)
        EXPECT_EQ(zt::recv_str(live), std::to_string(i));
}

// The contrast: without ZMQ_IMMEDIATE the dead endpoint's pipe, made first,
// takes every other message (round robin), so the live peer gets the odd ones.
TEST_P(Immediate, WithoutItTheDeadPeerTakesItsShare) {
    zt::context ctx;
    tt::refused_tcp_port refused;
    zt::socket live(ctx, ZMQ_DEALER);
    const std::string live_endpoint = tt::bind_any(live, GetParam());
    zt::socket dealer(ctx, ZMQ_DEALER);
    zt::connect(dealer, dead_endpoint(GetParam(), refused).c_str());
    zt::connect(dealer, live_endpoint.c_str());

    for (int i = 0; i < 10; ++i)
        zt::send_str(dealer, std::to_string(i), ZMQ_DONTWAIT);
    for (int i = 1; i < 10; i += 2)
        EXPECT_EQ(zt::recv_str(live), std::to_string(i));
}

} // namespace
