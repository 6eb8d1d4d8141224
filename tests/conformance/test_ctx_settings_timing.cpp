// zmq_ctx_set(3): when a setting takes effect. ZMQ_IO_THREADS "only
// applies before creating any sockets on the context"; ZMQ_BLOCKY false
// gives "all new sockets" a linger of zero (the ones already made keep
// theirs).
#include "zmq_test.hpp"

namespace {

TEST(CtxSettingsTiming, IoThreadsSetAfterTheFirstSocketChangesNothing) {
    zt::context ctx;
    zt::socket first(ctx, ZMQ_PAIR);
    ASSERT_EQ(zmq_ctx_set(ctx, ZMQ_IO_THREADS, 0), 0);
    zt::socket second(ctx, ZMQ_PAIR);
    // The pool was sized at the first socket: tcp still has its thread.
    EXPECT_EQ(zmq_bind(second, "tcp://127.0.0.1:*"), 0) << zmq_strerror(zmq_errno());
}

TEST(CtxSettingsTiming, BlockyFalseGivesNewSocketsLingerZero) {
    zt::context ctx;
    void* before = zmq_socket(ctx, ZMQ_DEALER);
    ASSERT_EQ(zmq_ctx_set(ctx, ZMQ_BLOCKY, 0), 0);
    void* after = zmq_socket(ctx, ZMQ_DEALER);
    EXPECT_EQ(zt::get_int(before, ZMQ_LINGER), -1);
    EXPECT_EQ(zt::get_int(after, ZMQ_LINGER), 0);
    // A linger set afterwards is kept.
    zt::set_int(after, ZMQ_LINGER, 250);
    EXPECT_EQ(zt::get_int(after, ZMQ_LINGER), 250);
    zt::set_int(before, ZMQ_LINGER, 0);
    zmq_close(before);
    zmq_close(after);
}

} // namespace
