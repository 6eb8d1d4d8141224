// Behaviour libzmq leaves undefined (it crashes or reads freed memory) and
// zmx defines; see docs/compatibility.md. These tests run against zmx only.
#include "zmq_test.hpp"

namespace {

// A closed socket handle stays recognisable until its context terminates:
// every call on it fails with ENOTSOCK instead of touching freed memory.
TEST(ZmxDefined, ClosedSocketIsNotASocket) {
    zt::context ctx;
    void* s = zmq_socket(ctx, ZMQ_PAIR);
    ASSERT_NE(s, nullptr);
    ASSERT_EQ(zmq_close(s), 0);

    char buffer[4];
    int value = 0;
    size_t size = sizeof value;
    zmq_msg_t msg;
    zmq_msg_init(&msg);
    ZT_EXPECT_ERRNO(zmq_send(s, "x", 1, ZMQ_DONTWAIT), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_send_const(s, "x", 1, ZMQ_DONTWAIT), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_recv(s, buffer, sizeof buffer, ZMQ_DONTWAIT), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_msg_send(&msg, s, ZMQ_DONTWAIT), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_msg_recv(&msg, s, ZMQ_DONTWAIT), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_LINGER, &value, sizeof value), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_getsockopt(s, ZMQ_LINGER, &value, &size), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_bind(s, "inproc://closed"), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_connect(s, "inproc://closed"), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_unbind(s, "inproc://closed"), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_disconnect(s, "inproc://closed"), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_socket_monitor(s, "inproc://closed-monitor", ZMQ_EVENT_ALL), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_close(s), ENOTSOCK);
    zmq_msg_close(&msg);

    zmq_pollitem_t item = {s, 0, ZMQ_POLLIN, 0};
    ZT_EXPECT_ERRNO(zmq_poll(&item, 1, 0), ENOTSOCK);
}

// The closed handle is not confused with a socket opened after it.
TEST(ZmxDefined, ClosedSocketStaysClosedWhileOthersOpen) {
    zt::context ctx;
    void* closed = zmq_socket(ctx, ZMQ_PAIR);
    ASSERT_NE(closed, nullptr);
    ASSERT_EQ(zmq_close(closed), 0);
    zt::socket fresh(ctx, ZMQ_PAIR);
    zt::bind(fresh, "inproc://fresh");
    ZT_EXPECT_ERRNO(zmq_bind(closed, "inproc://other"), ENOTSOCK);
    EXPECT_EQ(zt::get_int(fresh, ZMQ_TYPE), ZMQ_PAIR);
}

TEST(ZmxDefined, NullMessageIsAFault) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_PAIR);
    zmq_msg_t valid;
    zmq_msg_init(&valid);
    static char data[] = "d";
    ZT_EXPECT_ERRNO(zmq_msg_init(nullptr), EFAULT);
    ZT_EXPECT_ERRNO(zmq_msg_init_size(nullptr, 10), EFAULT);
    ZT_EXPECT_ERRNO(zmq_msg_init_data(nullptr, data, 1, nullptr, nullptr), EFAULT);
    ZT_EXPECT_ERRNO(zmq_msg_close(nullptr), EFAULT);
    ZT_EXPECT_ERRNO(zmq_msg_copy(nullptr, &valid), EFAULT);
    ZT_EXPECT_ERRNO(zmq_msg_copy(&valid, nullptr), EFAULT);
    ZT_EXPECT_ERRNO(zmq_msg_move(nullptr, &valid), EFAULT);
    ZT_EXPECT_ERRNO(zmq_msg_move(&valid, nullptr), EFAULT);
    ZT_EXPECT_ERRNO(zmq_msg_send(nullptr, s, 0), EFAULT);
    ZT_EXPECT_ERRNO(zmq_msg_recv(nullptr, s, ZMQ_DONTWAIT), EFAULT);
    ZT_EXPECT_ERRNO(zmq_msg_get(nullptr, ZMQ_MORE), EFAULT);
    errno = 0;
    EXPECT_EQ(zmq_msg_gets(nullptr, "Socket-Type"), nullptr);
    EXPECT_EQ(zmq_errno(), EFAULT);
    zmq_msg_close(&valid);
}

TEST(ZmxDefined, SendingAClosedMessageIsAFault) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_PAIR);
    zmq_msg_t closed;
    zmq_msg_init_size(&closed, 100);
    ASSERT_EQ(zmq_msg_close(&closed), 0);
    ZT_EXPECT_ERRNO(zmq_msg_send(&closed, s, ZMQ_DONTWAIT), EFAULT);
}

} // namespace
