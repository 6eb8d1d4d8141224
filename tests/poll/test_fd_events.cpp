// ZMQ_FD and ZMQ_EVENTS: the descriptor an event loop waits on and the
// state it reads afterwards. The descriptor is edge-triggered: it becomes
// readable when the socket's events may have changed, and the loop must read
// ZMQ_EVENTS (and drain) before waiting again. pyzmq and czmq rely on this.
#include "zmq_test.hpp"

#include <fcntl.h>
#include <poll.h>

#include <thread>

namespace {

using zt::recv_str;
using zt::send_str;

int socket_fd(void* s) {
    int fd = -1;
    size_t size = sizeof fd;
    EXPECT_EQ(zmq_getsockopt(s, ZMQ_FD, &fd, &size), 0) << zmq_strerror(zmq_errno());
    EXPECT_EQ(size, sizeof fd);
    return fd;
}

bool fd_readable(int fd, int timeout_ms) {
    pollfd item{fd, POLLIN, 0};
    return poll(&item, 1, timeout_ms) == 1 && (item.revents & POLLIN);
}

// Waits on the descriptor until ZMQ_EVENTS has all of `events`, as an event
// loop would; false if the descriptor stays quiet for the safety timeout.
bool wait_for_events(void* s, int events) {
    const int fd = socket_fd(s);
    while ((zt::get_int(s, ZMQ_EVENTS) & events) != events)
        if (!fd_readable(fd, zt::safety_timeout_ms)) return false;
    return true;
}

class FdEvents : public ::testing::Test {
protected:
    zt::context ctx;
    zt::socket push{ctx, ZMQ_PUSH};
    zt::socket pull{ctx, ZMQ_PULL};

    void connect_pair() {
        zt::bind(pull, "inproc://fd");
        zt::connect(push, "inproc://fd");
    }
};

TEST_F(FdEvents, FdIsAnOpenDescriptorThatStaysTheSame) {
    const int fd = socket_fd(pull);
    ASSERT_GE(fd, 0);
    EXPECT_NE(fcntl(fd, F_GETFD), -1);
    EXPECT_EQ(socket_fd(pull), fd);
    EXPECT_NE(socket_fd(push), fd);
}

TEST_F(FdEvents, OptionBuffersSmallerThanAnIntAreEinval) {
    char small[2];
    size_t size = sizeof small;
    ZT_EXPECT_ERRNO(zmq_getsockopt(pull, ZMQ_FD, small, &size), EINVAL);
    size = sizeof small;
    ZT_EXPECT_ERRNO(zmq_getsockopt(pull, ZMQ_EVENTS, small, &size), EINVAL);
}

TEST_F(FdEvents, EventsReportWhatTheSocketCanDoNow) {
    EXPECT_EQ(zt::get_int(push, ZMQ_EVENTS), 0);  // no peer yet
    EXPECT_EQ(zt::get_int(pull, ZMQ_EVENTS), 0);
    connect_pair();
    EXPECT_EQ(zt::get_int(push, ZMQ_EVENTS), ZMQ_POLLOUT);
    EXPECT_EQ(zt::get_int(pull, ZMQ_EVENTS), 0);
    send_str(push, "x");
    EXPECT_EQ(zt::get_int(pull, ZMQ_EVENTS), ZMQ_POLLIN);
    EXPECT_EQ(recv_str(pull), "x");
    EXPECT_EQ(zt::get_int(pull, ZMQ_EVENTS), 0);
}

TEST_F(FdEvents, PairReportsBothDirections) {
    zt::socket a(ctx, ZMQ_PAIR);
    zt::socket b(ctx, ZMQ_PAIR);
    zt::bind(a, "inproc://pair");
    zt::connect(b, "inproc://pair");
    EXPECT_EQ(zt::get_int(a, ZMQ_EVENTS), ZMQ_POLLOUT);
    send_str(b, "x");
    EXPECT_EQ(zt::get_int(a, ZMQ_EVENTS), ZMQ_POLLIN | ZMQ_POLLOUT);
}

TEST_F(FdEvents, FdBecomesReadableWhenAMessageArrives) {
    connect_pair();
    ASSERT_EQ(zt::get_int(pull, ZMQ_EVENTS), 0);
    send_str(push, "x");
    EXPECT_TRUE(fd_readable(socket_fd(pull), zt::safety_timeout_ms));
    EXPECT_EQ(zt::get_int(pull, ZMQ_EVENTS), ZMQ_POLLIN);
}

TEST_F(FdEvents, FdSignalsWhenAFullPipeHasRoomAgain) {
    zt::set_int(push, ZMQ_SNDHWM, 4);
    zt::set_int(pull, ZMQ_RCVHWM, 4);
    connect_pair();
    ASSERT_GT(zt::send_until_full(push), 0);
    EXPECT_EQ(zt::get_int(push, ZMQ_EVENTS), 0);
    EXPECT_FALSE(zt::recv_all_now(pull).empty());
    EXPECT_TRUE(wait_for_events(push, ZMQ_POLLOUT));
}

TEST_F(FdEvents, FdSignalsThePeerArriving) {
    zt::bind(pull, "inproc://fd");
    ASSERT_EQ(zt::get_int(pull, ZMQ_EVENTS), 0);
    std::thread connector([&] {
        zt::connect(push, "inproc://fd");
        send_str(push, "hello");
    });
    EXPECT_TRUE(wait_for_events(pull, ZMQ_POLLIN));
    connector.join();
    EXPECT_EQ(recv_str(pull), "hello");
}

// The loop pyzmq and czmq run: wait for the fd, then receive while
// ZMQ_EVENTS says POLLIN. A sender in another thread sends in bursts through
// a small pipe, so the loop meets every ordering of signal and message.
// An event loop that connects, then only waits on the descriptor (pyzmq's
// ZMQStream): the first message of the new connection must wake it, though
// nothing asked the socket for its events since the connect.
TEST_F(FdEvents, FdSignalsTheFirstMessageOfAConnectionNobodyLookedAt) {
    const std::string endpoint = zt::bind_tcp(push);
    zt::connect(pull, endpoint.c_str());
    send_str(push, "first");  // once the connection is up
    ASSERT_TRUE(fd_readable(socket_fd(pull), zt::safety_timeout_ms));
    ASSERT_TRUE(wait_for_events(pull, ZMQ_POLLIN));
    EXPECT_EQ(recv_str(pull), "first");
}

// The descriptor is asked for only after a message came (and nothing
// looked at the socket since): it must be readable already, or a loop that
// waits before reading ZMQ_EVENTS would wait forever.
TEST_F(FdEvents, FdAskedForAfterAMessageCameIsReadable) {
    connect_pair();
    send_str(push, "early");
    EXPECT_TRUE(fd_readable(socket_fd(pull), zt::safety_timeout_ms));
    EXPECT_EQ(recv_str(pull), "early");
}

TEST_F(FdEvents, EdgeTriggeredEventLoopSeesEveryMessage) {
    constexpr int total = 20000;
    zt::set_int(push, ZMQ_SNDHWM, 10);
    zt::set_int(pull, ZMQ_RCVHWM, 10);
    connect_pair();
    std::thread sender([&] {
        for (int i = 0; i < total; ++i) {
            const std::string text = std::to_string(i);
            if (zmq_send(push, text.data(), text.size(), 0) < 0) break;  // receiver gave up
            if (i % 97 == 0) std::this_thread::yield();
        }
    });

    const int fd = socket_fd(pull);
    int received = 0;
    bool in_order = true;
    while (received < total && in_order) {
        while (in_order && received < total && (zt::get_int(pull, ZMQ_EVENTS) & ZMQ_POLLIN))
            in_order = recv_str(pull, ZMQ_DONTWAIT) == std::to_string(received++);
        if (received < total && !fd_readable(fd, zt::safety_timeout_ms)) break;  // missed wake-up
    }
    pull.close();  // unblocks a sender left waiting by a failure
    sender.join();
    EXPECT_TRUE(in_order);
    EXPECT_EQ(received, total);
}

TEST_F(FdEvents, ContextShutdownMakesEventsAndFdEterm) {
    ASSERT_EQ(zmq_ctx_shutdown(ctx), 0);
    int value;
    size_t size = sizeof value;
    ZT_EXPECT_ERRNO(zmq_getsockopt(pull, ZMQ_EVENTS, &value, &size), ETERM);
    ZT_EXPECT_ERRNO(zmq_getsockopt(pull, ZMQ_FD, &value, &size), ETERM);
}

} // namespace
