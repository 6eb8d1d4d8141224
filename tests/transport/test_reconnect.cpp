// Reconnection over tcp and ipc: a connect made before the bind, a peer that
// restarts, and ZMQ_RECONNECT_IVL -1 (never try again). Checked against
// libzmq 4.3.4.
#include "endpoints.hpp"
#include "monitor_events.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace {

using names_t = std::vector<std::string>;
using tt::transport;

class Reconnect : public ::testing::TestWithParam<transport> {};

INSTANTIATE_TEST_SUITE_P(Transports, Reconnect, ::testing::Values(transport::tcp, transport::ipc),
                         tt::transport_name);

// Binds to an endpoint a second socket can bind again once the first is
// closed: closing an "ipc://*" socket removes its directory, so ipc uses a
// path of its own.
std::string bind_again_later(void* s, transport t) {
    if (t == transport::tcp)
        return tt::bind_any(s, t);
    const std::string endpoint = "ipc://" + tt::unique_ipc_path("rebind");
    EXPECT_EQ(zmq_bind(s, endpoint.c_str()), 0) << zmq_strerror(zmq_errno());
    return endpoint;
}

// Closes a bound socket and waits until its listener is gone (its monitor
// stops after CLOSED), so the endpoint can be bound again.
void close_and_wait(void* ctx, std::optional<zt::socket>& s) {
    tt::event_monitor events(ctx, *s, ZMQ_EVENT_MONITOR_STOPPED);
    s.reset();
    ASSERT_TRUE(events.wait_for(ZMQ_EVENT_MONITOR_STOPPED));
}

TEST_P(Reconnect, ConnectBeforeBindGetsThroughOnceThePeerBinds) {
    zt::context ctx;
    const std::string endpoint = tt::endpoint_to_bind_later(GetParam());
    zt::socket push(ctx, ZMQ_PUSH);
    zt::set_int(push, ZMQ_RECONNECT_IVL, 20);
    tt::event_monitor events(ctx, push);
    zt::connect(push, endpoint.c_str());
    ASSERT_TRUE(events.wait_for(ZMQ_EVENT_CONNECT_RETRIED));

    zt::socket pull(ctx, ZMQ_PULL);
    zt::bind(pull, endpoint.c_str());
    ASSERT_TRUE(events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));
    zt::send_str(push, "hello");
    EXPECT_EQ(zt::recv_str(pull), "hello");
}

TEST_P(Reconnect, ReconnectsToAPeerThatRestarts) {
    zt::context ctx;
    std::optional<zt::socket> first;
    first.emplace(ctx, ZMQ_PULL);
    const std::string endpoint = bind_again_later(*first, GetParam());
    zt::socket push(ctx, ZMQ_PUSH);
    zt::set_int(push, ZMQ_RECONNECT_IVL, 20);
    tt::event_monitor events(ctx, push);
    zt::connect(push, endpoint.c_str());
    ASSERT_TRUE(events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));
    zt::send_str(push, "before");
    ASSERT_EQ(zt::recv_str(*first), "before");

    close_and_wait(ctx, first);
    ASSERT_TRUE(events.wait_for(ZMQ_EVENT_DISCONNECTED));
    zt::socket second(ctx, ZMQ_PULL);
    zt::bind(second, endpoint.c_str());
    ASSERT_TRUE(events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));
    zt::send_str(push, "after");
    EXPECT_EQ(zt::recv_str(second), "after");
}

// RECONNECT_IVL -1: once the peer has gone the connect is over. Its pipe
// goes, so sends fail with EAGAIN; a peer that binds the endpoint again sees
// no attempt. (The negative part can only wait a bounded time.)
TEST_P(Reconnect, MinusOneNeverReconnectsAfterThePeerLeaves) {
    zt::context ctx;
    std::optional<zt::socket> first;
    first.emplace(ctx, ZMQ_PULL);
    const std::string endpoint = bind_again_later(*first, GetParam());
    zt::socket push(ctx, ZMQ_PUSH);
    zt::set_int(push, ZMQ_RECONNECT_IVL, -1);
    tt::event_monitor events(ctx, push);
    zt::connect(push, endpoint.c_str());
    ASSERT_TRUE(events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));

    close_and_wait(ctx, first);
    ASSERT_TRUE(events.wait_for(ZMQ_EVENT_DISCONNECTED));
    ASSERT_TRUE(tt::becomes_unwritable(push));

    zt::socket second(ctx, ZMQ_PULL);
    zt::bind(second, endpoint.c_str());
    auto later = events.during(200, [&] { tt::process_commands(push); });
    EXPECT_TRUE(later.empty()) << tt::describe(later);
    ZT_EXPECT_ERRNO(zmq_send(push, "lost", 4, ZMQ_DONTWAIT), EAGAIN);
    EXPECT_FALSE(zt::wait_readable(second, 100));
}

// RECONNECT_IVL -1 and nothing to connect to: one attempt, no retry.
TEST_P(Reconnect, MinusOneDoesNotRetryAFailedFirstConnect) {
    zt::context ctx;
    tt::refused_tcp_port refused;
    const std::string endpoint =
        GetParam() == transport::tcp ? refused.endpoint() : "ipc://" + tt::unique_ipc_path("nothing");
    zt::socket push(ctx, ZMQ_PUSH);
    zt::set_int(push, ZMQ_RECONNECT_IVL, -1);
    tt::event_monitor events(ctx, push);
    zt::connect(push, endpoint.c_str());

    auto attempt = events.until(ZMQ_EVENT_CLOSED);
    names_t expected{"CLOSED"};
    if (GetParam() == transport::tcp)
        expected.insert(expected.begin(), "CONNECT_DELAYED");
    ASSERT_EQ(tt::names(attempt), expected) << tt::describe(attempt);
    auto later = events.during(200, [&] { tt::process_commands(push); });
    EXPECT_TRUE(later.empty()) << tt::describe(later);
}

} // namespace
