// Handles that are not what a call expects: libzmq tags its contexts,
// sockets, messages and timer sets and refuses a pointer without the right
// tag (EFAULT, for a socket ENOTSOCK) instead of using it.
#include "zmq_test.hpp"

#include <cstdint>

namespace {

// Zeroed memory large enough that libzmq, reading the tag of whatever
// object it expects, stays inside it.
alignas(64) unsigned char not_a_handle[64 * 1024];

void noop_timer(int, void*) {}

TEST(Handles, TimersRefuseWhatIsNotATimerSet) {
    zt::context ctx;
    for (void* bad : {static_cast<void*>(not_a_handle), static_cast<void*>(ctx), static_cast<void*>(nullptr)}) {
        ZT_EXPECT_ERRNO(zmq_timers_add(bad, 10, noop_timer, nullptr), EFAULT);
        ZT_EXPECT_ERRNO(zmq_timers_cancel(bad, 1), EFAULT);
        ZT_EXPECT_ERRNO(zmq_timers_set_interval(bad, 1, 10), EFAULT);
        ZT_EXPECT_ERRNO(zmq_timers_reset(bad, 1), EFAULT);
        ZT_EXPECT_ERRNO(zmq_timers_timeout(bad), EFAULT);
        ZT_EXPECT_ERRNO(zmq_timers_execute(bad), EFAULT);
        void* copy = bad;
        ZT_EXPECT_ERRNO(zmq_timers_destroy(&copy), EFAULT);
        EXPECT_EQ(copy, bad);
    }
}

TEST(Handles, TimersDestroyedTwiceAreRefusedTheSecondTime) {
    void* timers = zmq_timers_new();
    ASSERT_NE(timers, nullptr);
    ASSERT_EQ(zmq_timers_destroy(&timers), 0);
    EXPECT_EQ(timers, nullptr);
    ZT_EXPECT_ERRNO(zmq_timers_destroy(&timers), EFAULT);
}

TEST(Handles, ContextCallsRefuseWhatIsNotAContext) {
    void* bad = not_a_handle;
    errno = 0;
    EXPECT_EQ(zmq_socket(bad, ZMQ_PAIR), nullptr);
    EXPECT_EQ(zmq_errno(), EFAULT);
    ZT_EXPECT_ERRNO(zmq_ctx_set(bad, ZMQ_IO_THREADS, 1), EFAULT);
    ZT_EXPECT_ERRNO(zmq_ctx_get(bad, ZMQ_IO_THREADS), EFAULT);
    ZT_EXPECT_ERRNO(zmq_ctx_shutdown(bad), EFAULT);
    ZT_EXPECT_ERRNO(zmq_ctx_term(bad), EFAULT);
}

TEST(Handles, SocketCallsRefuseWhatIsNotASocket) {
    void* bad = not_a_handle;
    int value = 0;
    size_t size = sizeof value;
    ZT_EXPECT_ERRNO(zmq_setsockopt(bad, ZMQ_LINGER, &value, sizeof value), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_getsockopt(bad, ZMQ_LINGER, &value, &size), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_bind(bad, "inproc://x"), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_connect(bad, "inproc://x"), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_send(bad, "x", 1, 0), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_recv(bad, &value, sizeof value, 0), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_close(bad), ENOTSOCK);
}

// A zmq_msg_t that was never initialised (all zero bytes) is no message.
// (zmq_msg_send is left out: libzmq asserts on one, zmx gives EFAULT.)
TEST(Handles, MessageCallsRefuseWhatIsNotAMessage) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_PAIR);
    zmq_msg_t bad{}, good;
    zmq_msg_init(&good);
    ZT_EXPECT_ERRNO(zmq_msg_close(&bad), EFAULT);
    ZT_EXPECT_ERRNO(zmq_msg_copy(&good, &bad), EFAULT);
    ZT_EXPECT_ERRNO(zmq_msg_move(&good, &bad), EFAULT);
    ZT_EXPECT_ERRNO(zmq_msg_recv(&bad, s, ZMQ_DONTWAIT), EFAULT);
    zmq_msg_close(&good);
}

} // namespace
