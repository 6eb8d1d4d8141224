// Bad input to the socket calls: endpoints, socket types, handles and
// messages, with the errno libzmq 4.3.4 gives for each.
#include "zmq_test.hpp"

#include <sys/resource.h>

#include <string>
#include <vector>

namespace {

class Errors : public ::testing::Test {
protected:
    zt::context ctx;
    zt::socket s{ctx, ZMQ_PAIR};
};

TEST_F(Errors, MalformedEndpointsAreInvalid) {
    for (const char* endpoint : {"", "tcp", "tcp:/", "tcp//127.0.0.1:5555", "://x", "tcp://",
                                 "ipc://", "inproc://", "tcp://127.0.0.1", "tcp://127.0.0.1:",
                                 "tcp://127.0.0.1:abc"}) {
        ZT_EXPECT_ERRNO(zmq_bind(s, endpoint), EINVAL);
        ZT_EXPECT_ERRNO(zmq_connect(s, endpoint), EINVAL);
    }
}

// zmq_connect checks a tcp address's characters at once (the name is
// looked up later): a letter, digit, '[' or ':' first, then only those
// and ".-%;]_*".
TEST_F(Errors, ConnectRefusesATcpAddressWithOtherCharacters) {
    for (const char* endpoint : {"tcp://-bad:5555", "tcp://.bad:5555", "tcp://_bad:5555", "tcp://b/ad:5555",
                                 "tcp://b@d:5555", "tcp://b d:5555", "tcp://bad:5555 "})
        ZT_EXPECT_ERRNO(zmq_connect(s, endpoint), EINVAL);
    for (const char* endpoint : {"tcp://bad-:5555", "tcp://b_a-d.x:5555", "tcp://[::1]:5555", "tcp://[fe80::1%lo]:5555"})
        EXPECT_EQ(zmq_connect(s, endpoint), 0) << endpoint << ": " << zmq_strerror(zmq_errno());
}

TEST_F(Errors, UnknownProtocolsAreNotSupported) {
    for (const char* endpoint : {"foo://x", "TCP://127.0.0.1:5555", "http://127.0.0.1:80"}) {
        ZT_EXPECT_ERRNO(zmq_bind(s, endpoint), EPROTONOSUPPORT);
        ZT_EXPECT_ERRNO(zmq_connect(s, endpoint), EPROTONOSUPPORT);
    }
}

// Optional transports: when zmq_has says a transport is not built in, its
// endpoints fail with EPROTONOSUPPORT.
TEST_F(Errors, TransportsNotBuiltInAreNotSupported) {
    struct optional_transport { const char* capability; const char* endpoint; };
    const optional_transport transports[] = {
        {"pgm", "pgm://127.0.0.1;239.192.1.1:5555"},
        {"pgm", "epgm://127.0.0.1;239.192.1.1:5555"},
        {"norm", "norm://127.0.0.1:5555"},
        {"tipc", "tipc://{5560,0,0}"},
        {"vmci", "vmci://1:5555"},
    };
    zt::socket pub(ctx, ZMQ_PUB);
    for (auto [capability, endpoint] : transports) {
        if (zmq_has(capability))
            continue;
        ZT_EXPECT_ERRNO(zmq_bind(pub, endpoint), EPROTONOSUPPORT);
        ZT_EXPECT_ERRNO(zmq_connect(pub, endpoint), EPROTONOSUPPORT);
    }
}

// Only RADIO, DISH and DGRAM speak udp.
TEST_F(Errors, UdpIsIncompatibleWithClassicSockets) {
    ZT_EXPECT_ERRNO(zmq_bind(s, "udp://127.0.0.1:5555"), ENOCOMPATPROTO);
    ZT_EXPECT_ERRNO(zmq_connect(s, "udp://127.0.0.1:5555"), ENOCOMPATPROTO);
}

TEST_F(Errors, BindToAnUnknownInterfaceIsNoDevice) {
    ZT_EXPECT_ERRNO(zmq_bind(s, "tcp://no-such-interface.invalid:5555"), ENODEV);
    ZT_EXPECT_ERRNO(zmq_bind(s, "tcp://256.0.0.1:5555"), ENODEV);
}

TEST_F(Errors, IpcBindInAMissingDirectory) {
    ZT_EXPECT_ERRNO(zmq_bind(s, "ipc:///nonexistent-zmx-dir/sub/socket"), ENOENT);
}

TEST_F(Errors, InprocNameBoundTwice) {
    zt::bind(s, "inproc://taken");
    zt::socket other(ctx, ZMQ_PAIR);
    ZT_EXPECT_ERRNO(zmq_bind(other, "inproc://taken"), EADDRINUSE);
    ZT_EXPECT_ERRNO(zmq_bind(s, "inproc://taken"), EADDRINUSE);
}

TEST_F(Errors, TcpPortBoundTwice) {
    zt::bind(s, "tcp://127.0.0.1:*");
    char endpoint[256];
    size_t size = sizeof endpoint;
    ASSERT_EQ(zmq_getsockopt(s, ZMQ_LAST_ENDPOINT, endpoint, &size), 0);
    zt::socket other(ctx, ZMQ_PAIR);
    ZT_EXPECT_ERRNO(zmq_bind(other, endpoint), EADDRINUSE);
}

TEST_F(Errors, UnbindAndDisconnectOfUnknownEndpoints) {
    ZT_EXPECT_ERRNO(zmq_unbind(s, "inproc://never-bound"), ENOENT);
    ZT_EXPECT_ERRNO(zmq_unbind(s, "tcp://127.0.0.1:5555"), ENOENT);
    ZT_EXPECT_ERRNO(zmq_disconnect(s, "inproc://never-connected"), ENOENT);
    ZT_EXPECT_ERRNO(zmq_disconnect(s, "tcp://127.0.0.1:5555"), ENOENT);
    ZT_EXPECT_ERRNO(zmq_unbind(s, "garbage"), EINVAL);
    ZT_EXPECT_ERRNO(zmq_disconnect(s, "garbage"), EINVAL);
}

TEST_F(Errors, UnbindAndDisconnectWorkOnceEach) {
    zt::bind(s, "inproc://once");
    zt::socket peer(ctx, ZMQ_PAIR);
    zt::connect(peer, "inproc://once");
    EXPECT_EQ(zmq_disconnect(peer, "inproc://once"), 0);
    ZT_EXPECT_ERRNO(zmq_disconnect(peer, "inproc://once"), ENOENT);
    EXPECT_EQ(zmq_unbind(s, "inproc://once"), 0);
    ZT_EXPECT_ERRNO(zmq_unbind(s, "inproc://once"), ENOENT);
}

TEST_F(Errors, InvalidSocketTypes) {
    for (int type : {-1, 21, 100}) {
        errno = 0;
        void* bad = zmq_socket(ctx, type);
        EXPECT_EQ(bad, nullptr) << type;
        EXPECT_EQ(zmq_errno(), EINVAL) << type;
        if (bad)
            zmq_close(bad);
    }
}

// libzmq checks socket handles for NULL: ENOTSOCK, as its pages document.
TEST_F(Errors, NullSocketIsNotASocket) {
    char buffer[4];
    int value = 0;
    size_t size = sizeof value;
    zmq_msg_t msg;
    zmq_msg_init(&msg);
    ZT_EXPECT_ERRNO(zmq_send(nullptr, "x", 1, 0), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_recv(nullptr, buffer, sizeof buffer, 0), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_msg_send(&msg, nullptr, 0), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_msg_recv(&msg, nullptr, 0), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_setsockopt(nullptr, ZMQ_LINGER, &value, sizeof value), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_getsockopt(nullptr, ZMQ_LINGER, &value, &size), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_bind(nullptr, "inproc://x"), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_connect(nullptr, "inproc://x"), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_unbind(nullptr, "inproc://x"), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_disconnect(nullptr, "inproc://x"), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_socket_monitor(nullptr, "inproc://monitor", 0), ENOTSOCK);
    ZT_EXPECT_ERRNO(zmq_close(nullptr), ENOTSOCK);
    zmq_msg_close(&msg);
}

// ... and context handles for NULL: EFAULT.
TEST_F(Errors, NullContextIsAFault) {
    errno = 0;
    EXPECT_EQ(zmq_socket(nullptr, ZMQ_PAIR), nullptr);
    EXPECT_EQ(zmq_errno(), EFAULT);
    ZT_EXPECT_ERRNO(zmq_ctx_term(nullptr), EFAULT);
    ZT_EXPECT_ERRNO(zmq_ctx_shutdown(nullptr), EFAULT);
    ZT_EXPECT_ERRNO(zmq_ctx_set(nullptr, ZMQ_IO_THREADS, 1), EFAULT);
    ZT_EXPECT_ERRNO(zmq_ctx_get(nullptr, ZMQ_IO_THREADS), EFAULT);
}

TEST_F(Errors, ClosedMessagesAreFaults) {
    zmq_msg_t closed, target;
    zmq_msg_init(&closed);
    ASSERT_EQ(zmq_msg_close(&closed), 0);
    ZT_EXPECT_ERRNO(zmq_msg_close(&closed), EFAULT);
    zmq_msg_init(&target);
    ZT_EXPECT_ERRNO(zmq_msg_copy(&target, &closed), EFAULT);
    ZT_EXPECT_ERRNO(zmq_msg_move(&closed, &target), EFAULT);
    zmq_msg_close(&target);
}

TEST_F(Errors, RecvWithNullBufferAndZeroLength) {
    zt::bind(s, "inproc://null-buffer");
    zt::socket peer(ctx, ZMQ_PAIR);
    zt::connect(peer, "inproc://null-buffer");
    ZT_EXPECT_ERRNO(zmq_recv(s, nullptr, 0, ZMQ_DONTWAIT), EAGAIN);
    zt::send_str(peer, "abc");
    EXPECT_EQ(zmq_recv(s, nullptr, 0, 0), 3);
}

TEST_F(Errors, SendWithoutPeersWouldBlock) {
    zt::socket push(ctx, ZMQ_PUSH);
    ZT_EXPECT_ERRNO(zmq_send(push, "x", 1, ZMQ_DONTWAIT), EAGAIN);
    ZT_EXPECT_ERRNO(zmq_send(push, "x", 1, ZMQ_DONTWAIT | ZMQ_SNDMORE), EAGAIN);
    zmq_msg_t msg;
    zmq_msg_init_size(&msg, 1);
    ZT_EXPECT_ERRNO(zmq_msg_send(&msg, push, ZMQ_DONTWAIT), EAGAIN);
    EXPECT_EQ(zmq_msg_size(&msg), 1u);  // a failed send leaves the message with the caller
    zmq_msg_close(&msg);
}

TEST_F(Errors, SendAndRecvOnTheWrongSide) {
    zt::socket push(ctx, ZMQ_PUSH);
    zt::socket pull(ctx, ZMQ_PULL);
    zt::socket sub(ctx, ZMQ_SUB);
    char buffer[4];
    ZT_EXPECT_ERRNO(zmq_recv(push, buffer, sizeof buffer, ZMQ_DONTWAIT), ENOTSUP);
    ZT_EXPECT_ERRNO(zmq_send(pull, "x", 1, ZMQ_DONTWAIT), ENOTSUP);
    ZT_EXPECT_ERRNO(zmq_send(sub, "x", 1, ZMQ_DONTWAIT), ENOTSUP);
}

TEST_F(Errors, ReqRepOutOfOrderIsAStateError) {
    zt::socket req(ctx, ZMQ_REQ);
    zt::socket rep(ctx, ZMQ_REP);
    char buffer[4];
    ZT_EXPECT_ERRNO(zmq_recv(req, buffer, sizeof buffer, ZMQ_DONTWAIT), EFSM);
    ZT_EXPECT_ERRNO(zmq_send(rep, "x", 1, ZMQ_DONTWAIT), EFSM);
}

// Out of file descriptors, zmq_socket fails with EMFILE instead of
// aborting the process (each socket needs one for its wake-up signal).
TEST(ErrorsLimits, SocketCreationWithoutDescriptorsIsEmfile) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    // The sanitizer runtimes need free descriptors of their own to check
    // memory; starving the process of them makes them report false errors.
    GTEST_SKIP() << "not meaningful under a sanitizer";
#endif
    zt::context ctx;
    rlimit old{};
    ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &old), 0);
    rlimit tight = old;
    tight.rlim_cur = 16;
    ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &tight), 0);
    std::vector<void*> made;
    void* s = nullptr;
    while (made.size() < 100 && (s = zmq_socket(ctx, ZMQ_PAIR)) != nullptr)
        made.push_back(s);
    const int error = s ? 0 : zmq_errno();
    setrlimit(RLIMIT_NOFILE, &old);
    EXPECT_EQ(s, nullptr);
    EXPECT_EQ(error, EMFILE);
    for (void* m : made)
        zmq_close(m);
}

} // namespace
