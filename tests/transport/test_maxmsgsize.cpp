// ZMQ_MAXMSGSIZE over tcp and ipc: a receiver with a limit takes messages up
// to it; a larger one ends the connection (both sides report DISCONNECTED)
// and is lost, and the connecter comes back. Checked against libzmq 4.3.4.
#include "endpoints.hpp"
#include "monitor_events.hpp"

#include <cstdint>
#include <string>

namespace {

using tt::transport;

constexpr int64_t limit = 100;

void set_max_message_size(void* s, int64_t size) {
    ASSERT_EQ(zmq_setsockopt(s, ZMQ_MAXMSGSIZE, &size, sizeof size), 0) << zmq_strerror(zmq_errno());
}

class MaxMsgSize : public ::testing::TestWithParam<transport> {};

INSTANTIATE_TEST_SUITE_P(Transports, MaxMsgSize, ::testing::Values(transport::tcp, transport::ipc),
                         tt::transport_name);

TEST_P(MaxMsgSize, AMessageAtTheLimitIsReceived) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    set_max_message_size(pull, limit);
    const std::string endpoint = tt::bind_any(pull, GetParam());
    zt::socket push(ctx, ZMQ_PUSH);
    zt::connect(push, endpoint.c_str());
    const std::string at_limit(limit, 'a');
    zt::send_str(push, at_limit);
    EXPECT_EQ(zt::recv_str(pull), at_limit);
}

TEST_P(MaxMsgSize, ALargerMessageEndsTheConnectionAndIsLost) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    set_max_message_size(pull, limit);
    tt::event_monitor pull_events(ctx, pull);
    const std::string endpoint = tt::bind_any(pull, GetParam());
    zt::socket push(ctx, ZMQ_PUSH);
    zt::set_int(push, ZMQ_RECONNECT_IVL, 20);
    tt::event_monitor push_events(ctx, push);
    zt::connect(push, endpoint.c_str());
    auto accepted = pull_events.wait_for(ZMQ_EVENT_ACCEPTED);
    ASSERT_TRUE(accepted);
    ASSERT_TRUE(pull_events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));
    ASSERT_TRUE(push_events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));

    zt::send_str(push, std::string(limit + 1, 'b'));
    auto disconnected = pull_events.next();
    ASSERT_TRUE(disconnected);
    EXPECT_STREQ(tt::event_name(disconnected->type), "DISCONNECTED");
    EXPECT_EQ(disconnected->value, accepted->value);
    EXPECT_TRUE(push_events.wait_for(ZMQ_EVENT_DISCONNECTED));
    ZT_EXPECT_ERRNO(zmq_recv(pull, nullptr, 0, ZMQ_DONTWAIT), EAGAIN);

    // The connecter comes back; the next message within the limit is the
    // first one received.
    ASSERT_TRUE(pull_events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));
    ASSERT_TRUE(push_events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));
    const std::string at_limit(limit, 'a');
    zt::send_str(push, at_limit);
    EXPECT_EQ(zt::recv_str(pull), at_limit);
}

} // namespace
