// The ERRORS sections of zmq_bind(3), zmq_connect(3), zmq_unbind(3),
// zmq_disconnect(3) and zmq_close(3) that need a particular context: ETERM
// once the context is shut down, EMTHREAD when it has no I/O thread for a
// transport that needs one, ENOTSOCK for a NULL socket.
#include "zmq_test.hpp"

namespace {

TEST(EndpointErrors, EveryEndpointCallOfAShutDownContextIsEterm) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_PAIR);
    zt::bind(s, "inproc://eterm-bound");
    ASSERT_EQ(zmq_ctx_shutdown(ctx), 0);
    ZT_EXPECT_ERRNO(zmq_bind(s, "inproc://eterm"), ETERM);
    ZT_EXPECT_ERRNO(zmq_connect(s, "inproc://eterm"), ETERM);
    ZT_EXPECT_ERRNO(zmq_unbind(s, "inproc://eterm-bound"), ETERM);
    ZT_EXPECT_ERRNO(zmq_disconnect(s, "inproc://eterm-bound"), ETERM);
    // zmq_close is the one call that still works.
    s.close();
}

// zmq_ctx_set(ZMQ_IO_THREADS, 0) leaves the context without I/O threads:
// tcp and ipc need one, inproc does not.
TEST(EndpointErrors, WithoutIoThreadsTcpAndIpcAreEmthread) {
    zt::context ctx;
    ASSERT_EQ(zmq_ctx_set(ctx, ZMQ_IO_THREADS, 0), 0);
    zt::socket s(ctx, ZMQ_PAIR);
    ZT_EXPECT_ERRNO(zmq_bind(s, "tcp://127.0.0.1:*"), EMTHREAD);
    ZT_EXPECT_ERRNO(zmq_connect(s, "tcp://127.0.0.1:5555"), EMTHREAD);
    ZT_EXPECT_ERRNO(zmq_bind(s, "ipc://*"), EMTHREAD);
    EXPECT_EQ(zmq_bind(s, "inproc://no-io-thread"), 0);
    zt::socket peer(ctx, ZMQ_PAIR);
    EXPECT_EQ(zmq_connect(peer, "inproc://no-io-thread"), 0);
    zt::send_str(peer, "inproc needs none");
    EXPECT_EQ(zt::recv_str(s), "inproc needs none");
}

TEST(EndpointErrors, NullSocketIsEnotsockForEveryCall) {
    ZT_EXPECT_ERRNO(zmq_bind(nullptr, "inproc://x"), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_connect(nullptr, "inproc://x"), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_unbind(nullptr, "inproc://x"), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_disconnect(nullptr, "inproc://x"), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_close(nullptr), ENOTSOCK);
}

// libzmq 4.3.4 asserts (aborts) on a NULL endpoint; zmx refuses it.
TEST(EndpointErrors, ZmxOnlyNullEndpointIsEinval) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_PAIR);
    ZT_EXPECT_ERRNO(zmq_bind(s, nullptr), EINVAL);
    ZT_EXPECT_ERRNO(zmq_connect(s, nullptr), EINVAL);
    ZT_EXPECT_ERRNO(zmq_unbind(s, nullptr), EINVAL);
    ZT_EXPECT_ERRNO(zmq_disconnect(s, nullptr), EINVAL);
}

// zmq_bind(3): an address that is not local is EADDRNOTAVAIL.
TEST(EndpointErrors, BindToANonLocalAddressIsEaddrnotavail) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_PAIR);
    // 192.0.2.1 is TEST-NET-1 (RFC 5737): never one of this host's addresses.
    ZT_EXPECT_ERRNO(zmq_bind(s, "tcp://192.0.2.1:*"), EADDRNOTAVAIL);
}

} // namespace
