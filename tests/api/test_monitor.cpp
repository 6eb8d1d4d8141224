// zmq_socket_monitor over inproc: the event layout and MONITOR_STOPPED on close
// (connection events come with tcp and ipc). Checked against libzmq 4.3.4.
#include "zmq_test.hpp"

#include <cstdint>
#include <cstring>

namespace {

TEST(Monitor, StoppedEventWhenTheSocketCloses) {
    zt::context ctx;
    void* s = zmq_socket(ctx, ZMQ_DEALER);
    ASSERT_EQ(zmq_socket_monitor(s, "inproc://mon", ZMQ_EVENT_ALL), 0);
    zt::socket watcher(ctx, ZMQ_PAIR);
    zt::connect(watcher, "inproc://mon");
    ASSERT_EQ(zmq_close(s), 0);
    zmq_msg_t frame;
    zmq_msg_init(&frame);
    ASSERT_EQ(zmq_msg_recv(&frame, watcher, 0), 6);
    uint16_t event;
    std::memcpy(&event, zmq_msg_data(&frame), sizeof event);
    EXPECT_EQ(event, ZMQ_EVENT_MONITOR_STOPPED);
    EXPECT_TRUE(zmq_msg_more(&frame));
    ASSERT_GE(zmq_msg_recv(&frame, watcher, 0), 0);
    EXPECT_FALSE(zmq_msg_more(&frame));
    zmq_msg_close(&frame);
}

TEST(Monitor, OnlyInprocAddresses) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_DEALER);
    ZT_EXPECT_ERRNO(zmq_socket_monitor(s, "tcp://127.0.0.1:5555", ZMQ_EVENT_ALL), EPROTONOSUPPORT);
    ZT_EXPECT_ERRNO(zmq_socket_monitor(s, "nonsense", ZMQ_EVENT_ALL), EINVAL);
    EXPECT_EQ(zmq_socket_monitor(s, nullptr, 0), 0);
}

} // namespace
