// The deprecated calls of libzmq 4.3.4 that old programs still use:
// zmq_sendmsg(3)/zmq_recvmsg(3) ("returns number of bytes in the message")
// and zmq_device, which is zmq_proxy without capture whatever its type.
#include "zmq_test.hpp"

#include <cstring>
#include <thread>

namespace {

TEST(Deprecated, SendmsgAndRecvmsgReturnTheMessageSize) {
    zt::context ctx;
    zt::socket push(ctx, ZMQ_PUSH);
    zt::socket pull(ctx, ZMQ_PULL);
    zt::bind(pull, "inproc://sendmsg");
    zt::connect(push, "inproc://sendmsg");
    zmq_msg_t msg;
    ASSERT_EQ(zmq_msg_init_size(&msg, 5), 0);
    memcpy(zmq_msg_data(&msg), "hello", 5);
    EXPECT_EQ(zmq_sendmsg(push, &msg, ZMQ_SNDMORE), 5);
    ASSERT_EQ(zmq_msg_init_size(&msg, 0), 0);
    EXPECT_EQ(zmq_sendmsg(push, &msg, 0), 0);
    ASSERT_EQ(zmq_msg_init(&msg), 0);
    EXPECT_EQ(zmq_recvmsg(pull, &msg, 0), 5);
    EXPECT_EQ(zmq_msg_more(&msg), 1);
    EXPECT_EQ(zmq_recvmsg(pull, &msg, 0), 0);
    EXPECT_EQ(zmq_msg_more(&msg), 0);
    ZT_EXPECT_ERRNO(zmq_recvmsg(pull, &msg, ZMQ_DONTWAIT), EAGAIN);
    EXPECT_EQ(zmq_msg_close(&msg), 0);
}

// zmq_device ignores its type: every value relays like a queue device.
void relays_until_terminated(int type) {
    void* ctx = zmq_ctx_new();
    void* frontend = zmq_socket(ctx, ZMQ_PULL);
    void* backend = zmq_socket(ctx, ZMQ_PUSH);
    zt::bind(frontend, "inproc://device-in");
    zt::bind(backend, "inproc://device-out");
    int result = 0;
    int result_errno = 0;
    std::thread device([&] {
        result = zmq_device(type, frontend, backend);
        result_errno = zmq_errno();
    });
    {
        zt::socket client(ctx, ZMQ_PUSH);
        zt::socket worker(ctx, ZMQ_PULL);
        zt::connect(client, "inproc://device-in");
        zt::connect(worker, "inproc://device-out");
        zt::send_str(client, "through");
        EXPECT_EQ(zt::recv_str(worker), "through");
    }
    // zmq_device returns only when the context shuts down.
    ASSERT_EQ(zmq_ctx_shutdown(ctx), 0);
    device.join();
    EXPECT_EQ(result, -1);
    EXPECT_EQ(result_errno, ETERM);
    int linger = 0;
    zmq_setsockopt(frontend, ZMQ_LINGER, &linger, sizeof linger);
    zmq_setsockopt(backend, ZMQ_LINGER, &linger, sizeof linger);
    zmq_close(frontend);
    zmq_close(backend);
    EXPECT_EQ(zmq_ctx_term(ctx), 0);
}

TEST(Deprecated, DeviceOfEveryTypeRelaysUntilTheContextEnds) {
    for (int type : {ZMQ_STREAMER, ZMQ_FORWARDER, ZMQ_QUEUE, 0})
        relays_until_terminated(type);
}

} // namespace
