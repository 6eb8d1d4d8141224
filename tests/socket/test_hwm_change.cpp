// ZMQ_SNDHWM and ZMQ_RCVHWM set on a socket that already has connections:
// libzmq 4.3.4 applies the new values to every connection the socket has
// taken in (one still on its way to a binder, not yet seen by a zmq call,
// keeps the old ones), in both directions. Over inproc the new value is
// added to what the peer's end remembered when the connection was made:
// for SNDHWM the peer's RCVHWM then, for RCVHWM this socket's own RCVHWM
// then (so 2 -> 3, RCVHWM 3 -> 10 holds 10 + 3, not 2 + 10).
#include "zmq_test.hpp"

#include <string>

namespace {

enum class binder { push, pull };

// A PUSH at sndhwm connected over inproc to a PULL at rcvhwm.
struct push_pull {
    zt::context ctx;
    zt::socket push{ctx, ZMQ_PUSH};
    zt::socket pull{ctx, ZMQ_PULL};

    push_pull(int sndhwm, int rcvhwm, binder who) {
        zt::set_int(push, ZMQ_SNDHWM, sndhwm);
        zt::set_int(pull, ZMQ_RCVHWM, rcvhwm);
        void* bound = who == binder::push ? push : pull;
        void* connected = who == binder::push ? pull : push;
        zt::bind(bound, "inproc://hwm");
        zt::connect(connected, "inproc://hwm");
    }

    // Sends until full, checks every message arrived: the capacity.
    int capacity() {
        const int sent = zt::send_until_full(push);
        EXPECT_EQ(static_cast<int>(zt::recv_all_now(pull).size()), sent);
        return sent;
    }
};

// ZMQ_EVENTS takes in what is waiting for a socket, such as a connection.
void take_in_commands(void* s) { zt::get_int(s, ZMQ_EVENTS); }

TEST(HwmChange, SndhwmOfAConnectedWriter) {
    push_pull c(2, 3, binder::pull);
    zt::set_int(c.push, ZMQ_SNDHWM, 10);
    EXPECT_EQ(c.capacity(), 10 + 3);
}

TEST(HwmChange, LowerSndhwmOfAConnectedWriter) {
    push_pull c(20, 30, binder::pull);
    zt::set_int(c.push, ZMQ_SNDHWM, 5);
    EXPECT_EQ(c.capacity(), 5 + 30);
}

TEST(HwmChange, SndhwmOfABinderOnceItHasTheConnection) {
    push_pull c(2, 3, binder::push);
    take_in_commands(c.push);
    zt::set_int(c.push, ZMQ_SNDHWM, 10);
    EXPECT_EQ(c.capacity(), 10 + 3);
}

TEST(HwmChange, SndhwmOfABinderBeforeItHasTheConnection) {
    push_pull c(2, 3, binder::push);
    zt::set_int(c.push, ZMQ_SNDHWM, 10);
    EXPECT_EQ(c.capacity(), 2 + 3);
}

TEST(HwmChange, RcvhwmOfAConnectedReader) {
    push_pull c(2, 3, binder::push);
    zt::set_int(c.pull, ZMQ_RCVHWM, 10);
    take_in_commands(c.push);
    EXPECT_EQ(c.capacity(), 10 + 3);
}

TEST(HwmChange, RcvhwmOfABinderOnceItHasTheConnection) {
    push_pull c(2, 3, binder::pull);
    take_in_commands(c.pull);
    zt::set_int(c.pull, ZMQ_RCVHWM, 10);
    take_in_commands(c.push);
    EXPECT_EQ(c.capacity(), 10 + 3);
}

TEST(HwmChange, ZeroLiftsTheLimit) {
    constexpr int many = 50000;
    push_pull c(2, 3, binder::pull);
    zt::set_int(c.push, ZMQ_SNDHWM, 0);
    EXPECT_EQ(zt::send_until_full(c.push, many), many);
}

// Over tcp the queue of a connection not made yet holds SNDHWM messages.
TEST(HwmChange, SndhwmOfATcpConnectionNotMadeYet) {
    zt::context ctx;
    char endpoint[256];
    {
        zt::socket gone(ctx, ZMQ_PULL);  // a port nobody listens on once it closes
        zt::bind(gone, "tcp://127.0.0.1:*");
        size_t size = sizeof endpoint;
        ASSERT_EQ(zmq_getsockopt(gone, ZMQ_LAST_ENDPOINT, endpoint, &size), 0);
    }
    zt::socket push(ctx, ZMQ_PUSH);
    zt::set_int(push, ZMQ_SNDHWM, 2);
    zt::connect(push, endpoint);
    zt::set_int(push, ZMQ_SNDHWM, 5);
    EXPECT_EQ(zt::send_until_full(push), 5);
}

} // namespace
