// ZMQ_LINGER over tcp and ipc: what zmq_ctx_term does with messages still
// queued for a peer that is absent or not reading. zmq_ctx_term runs on a
// thread so every wait is bounded. Checked against libzmq 4.3.4.
#include "endpoints.hpp"
#include "monitor_events.hpp"

#include <chrono>
#include <future>
#include <memory>
#include <string>
#include <thread>

namespace {

using tt::transport;
using clock_type = std::chrono::steady_clock;

// zmq_ctx_term on its own thread. A term that never returns leaves the
// thread behind (detached) rather than hanging the test.
class background_term {
public:
    explicit background_term(void* ctx)
        : done_(std::make_shared<std::promise<int>>()),
          result_(done_->get_future()),
          thread_([ctx, done = done_] { done->set_value(zmq_ctx_term(ctx)); }) {}
    ~background_term() {
        if (result_.valid() && result_.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
            thread_.detach();
        else
            thread_.join();
    }
    background_term(const background_term&) = delete;
    background_term& operator=(const background_term&) = delete;

    // True when zmq_ctx_term returned 0 within timeout_ms.
    bool returns_within(int timeout_ms) {
        if (result_.wait_for(std::chrono::milliseconds(timeout_ms)) != std::future_status::ready)
            return false;
        return result_.get() == 0;
    }

private:
    std::shared_ptr<std::promise<int>> done_;
    std::future<int> result_;
    std::thread thread_;
};

// A PUSH in its own context, so that context can be terminated while the
// peer lives on in the test's context.
void* lingering_push(void* ctx, int linger) {
    void* push = zmq_socket(ctx, ZMQ_PUSH);
    zt::set_int(push, ZMQ_LINGER, linger);
    zt::set_int(push, ZMQ_SNDTIMEO, zt::safety_timeout_ms);
    zt::set_int(push, ZMQ_RECONNECT_IVL, 20);
    return push;
}

// Enough to keep a peer that does not read busy, far more than the kernel's
// socket buffers hold.
constexpr int big_message_count = 500;
const std::string big_message(10000, 'x');
// Little enough for the kernel's socket buffers to take all of it.
constexpr int small_message_count = 20;
const std::string small_message(1000, 's');

class Linger : public ::testing::TestWithParam<transport> {};

INSTANTIATE_TEST_SUITE_P(Transports, Linger, ::testing::Values(transport::tcp, transport::ipc), tt::transport_name);

// With LINGER -1, zmq_ctx_term waits: the messages reach a peer that binds
// only after the sender was closed and its context is terminating.
TEST_P(Linger, InfiniteLingerDeliversToAPeerThatBindsLater) {
    const std::string endpoint = tt::endpoint_to_bind_later(GetParam());
    void* sender_ctx = zmq_ctx_new();
    void* push = lingering_push(sender_ctx, -1);
    zt::connect(push, endpoint.c_str());
    for (const char* text : {"one", "two", "three"})
        zt::send_str(push, text, ZMQ_DONTWAIT);
    ASSERT_EQ(zmq_close(push), 0);
    background_term term(sender_ctx);

    zt::context receiver_ctx;
    zt::socket pull(receiver_ctx, ZMQ_PULL);
    zt::bind(pull, endpoint.c_str());
    ASSERT_EQ(zt::recv_str(pull), "one");
    EXPECT_EQ(zt::recv_str(pull), "two");
    EXPECT_EQ(zt::recv_str(pull), "three");
    EXPECT_TRUE(term.returns_within(zt::safety_timeout_ms));
}

// With LINGER -1 and a connected peer whose application reads nothing yet,
// zmq_ctx_term returns once the messages are on their way, and the peer
// gets them all. The peer's I/O thread must be able to take everything
// (default RCVHWM, a small volume): libzmq 4.3.4 lets term return while
// its engine still holds a batch the full socket buffers would not take,
// and loses it (seen over ipc with RCVHWM 1, and under load with more data).
TEST_P(Linger, InfiniteLingerDeliversToAPeerThatReadsAfterTerm) {
    zt::context receiver_ctx;
    zt::socket pull(receiver_ctx, ZMQ_PULL);
    const std::string endpoint = tt::bind_any(pull, GetParam());

    void* sender_ctx = zmq_ctx_new();
    void* push = lingering_push(sender_ctx, -1);
    zt::connect(push, endpoint.c_str());
    for (int i = 0; i < small_message_count; ++i)
        zt::send_str(push, small_message, ZMQ_DONTWAIT);
    zt::send_str(push, "last", ZMQ_DONTWAIT);
    ASSERT_EQ(zmq_close(push), 0);
    background_term term(sender_ctx);
    EXPECT_TRUE(term.returns_within(zt::safety_timeout_ms));

    int received = 0;
    while (received < small_message_count && zt::recv_str(pull) == small_message)
        ++received;
    EXPECT_EQ(received, small_message_count);
    EXPECT_EQ(zt::recv_str(pull), "last");
}

// With LINGER -1 and nothing left to send, zmq_ctx_term returns even when
// the peer has already gone: with no connection to wait for, the closed
// socket's session finds only the end of its queue (a client closing after
// its server's last reply and exit).
TEST_P(Linger, InfiniteLingerWithNothingQueuedEndsAfterThePeerLeft) {
    zt::context receiver_ctx;
    void* pull = zmq_socket(receiver_ctx, ZMQ_PULL);
    const std::string endpoint = tt::bind_any(pull, GetParam());

    void* sender_ctx = zmq_ctx_new();
    void* push = lingering_push(sender_ctx, -1);
    {
        tt::event_monitor monitor(sender_ctx, push, ZMQ_EVENT_DISCONNECTED);
        zt::connect(push, endpoint.c_str());
        zt::send_str(push, "delivered");
        ASSERT_EQ(zt::recv_str(pull), "delivered");
        ASSERT_EQ(zmq_close(pull), 0);
        ASSERT_TRUE(monitor.wait_for(ZMQ_EVENT_DISCONNECTED));
        zmq_socket_monitor(push, nullptr, 0);
    }
    ASSERT_EQ(zmq_close(push), 0);
    background_term term(sender_ctx);
    EXPECT_TRUE(term.returns_within(zt::safety_timeout_ms));
}

TEST_P(Linger, ZeroLingerDropsMessagesForAnAbsentPeer) {
    const std::string endpoint = tt::endpoint_to_bind_later(GetParam());
    void* sender_ctx = zmq_ctx_new();
    void* push = lingering_push(sender_ctx, 0);
    zt::connect(push, endpoint.c_str());
    zt::send_str(push, "dropped", ZMQ_DONTWAIT);
    ASSERT_EQ(zmq_close(push), 0);
    background_term term(sender_ctx);
    EXPECT_TRUE(term.returns_within(zt::safety_timeout_ms));
}

TEST_P(Linger, ZeroLingerDoesNotWaitForASlowPeer) {
    zt::context receiver_ctx;
    zt::socket pull(receiver_ctx, ZMQ_PULL);
    zt::set_int(pull, ZMQ_RCVHWM, 1);
    const std::string endpoint = tt::bind_any(pull, GetParam());

    void* sender_ctx = zmq_ctx_new();
    void* push = lingering_push(sender_ctx, 0);
    zt::connect(push, endpoint.c_str());
    for (int i = 0; i < big_message_count; ++i)
        zt::send_str(push, big_message);
    ASSERT_EQ(zmq_close(push), 0);
    background_term term(sender_ctx);
    EXPECT_TRUE(term.returns_within(zt::safety_timeout_ms));
}

// LINGER 200 with a peer that never comes: zmq_ctx_term returns after the
// linger period. The lower bound is loose (timers may round); load can only
// make it later.
TEST_P(Linger, FiniteLingerEndsTheWaitForAnAbsentPeer) {
    const std::string endpoint = tt::endpoint_to_bind_later(GetParam());
    void* sender_ctx = zmq_ctx_new();
    void* push = lingering_push(sender_ctx, 200);
    zt::connect(push, endpoint.c_str());
    zt::send_str(push, "dropped", ZMQ_DONTWAIT);
    const auto start = clock_type::now();
    ASSERT_EQ(zmq_close(push), 0);
    background_term term(sender_ctx);
    EXPECT_TRUE(term.returns_within(zt::safety_timeout_ms));
    EXPECT_GE(clock_type::now() - start, std::chrono::milliseconds(150));
}

} // namespace
