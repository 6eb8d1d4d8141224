// Transport handles used directly: xlisten, xconnect, xaccept, xsend,
// xrecv, xclose and their options, over tcp, ipc and inproc.
#include "xio_test.hpp"

#include <thread>

namespace {

class XioHandles : public ::testing::TestWithParam<std::string> {};

INSTANTIATE_TEST_SUITE_P(Transports, XioHandles, ::testing::Values("tcp", "ipc", "inproc"),
                         [](const auto& info) { return info.param; });

TEST_P(XioHandles, EchoThroughAnAcceptedConnection) {
    const std::string addr = xt::address(GetParam());
    const int listener = xlisten(addr.c_str());
    ASSERT_GE(listener, 0) << strerror(errno);
    xt::set_safety_timeouts(listener);
    ASSERT_GE(xselect(XPOLLIN, 1, const_cast<int*>(&listener), 0, nullptr), 0);  // binds it
    const int client = xconnect(addr.c_str());
    ASSERT_GE(client, 0) << strerror(errno);
    xt::set_safety_timeouts(client);
    ASSERT_EQ(xsend(client, xt::ubuf_of("hello")), 0) << strerror(errno);

    const int conn = xaccept(listener);
    ASSERT_GE(conn, 0) << strerror(errno);
    xt::set_safety_timeouts(conn);
    char* got = nullptr;
    ASSERT_EQ(xrecv(conn, &got), 0) << strerror(errno);
    EXPECT_EQ(xt::take_string(got), "hello");
    ASSERT_EQ(xsend(conn, xt::ubuf_of("world")), 0) << strerror(errno);
    ASSERT_EQ(xrecv(client, &got), 0) << strerror(errno);
    EXPECT_EQ(xt::take_string(got), "world");

    int type = 0, proto = 0, size = sizeof(int);
    ASSERT_EQ(xgetopt(conn, XSO_SOCKTYPE, &type, &size), 0);
    EXPECT_EQ(type, XCONNECTOR);
    ASSERT_EQ(xgetopt(listener, XSO_SOCKTYPE, &type, &size), 0);
    EXPECT_EQ(type, XLISTENER);
    ASSERT_EQ(xgetopt(client, XSO_SOCKPROTO, &proto, &size), 0);
    EXPECT_EQ(proto, GetParam() == "inproc" ? 1 : GetParam() == "tcp" ? 2 : 3);
    EXPECT_EQ(xclose(conn), 0);
    EXPECT_EQ(xclose(client), 0);
    EXPECT_EQ(xclose(listener), 0);
}

TEST_P(XioHandles, PollWaitsForConnectionsAndMessages) {
    const std::string addr = xt::address(GetParam());
    const int listener = xlisten(addr.c_str());
    ASSERT_GE(listener, 0);
    const int poller = xpoll_create();
    ASSERT_GE(poller, 0);
    poll_fd entry{listener, nullptr, XPOLLIN, 0};
    ASSERT_EQ(xpoll_ctl(poller, XPOLL_ADD, &entry), 0);
    poll_fd ready[4];
    EXPECT_EQ(xpoll_wait(poller, ready, 4, 0), 0);  // nobody yet

    const int client = xconnect(addr.c_str());
    xt::set_safety_timeouts(client);
    ASSERT_EQ(xsend(client, xt::ubuf_of("ping")), 0);
    ASSERT_EQ(xpoll_wait(poller, ready, 4, xt::safety_timeout_ms), 1);
    EXPECT_EQ(ready[0].fd, listener);
    EXPECT_EQ(ready[0].happened, XPOLLIN);

    const int conn = xaccept(listener);
    ASSERT_GE(conn, 0);
    poll_fd conn_entry{conn, &entry, XPOLLIN, 0};
    ASSERT_EQ(xpoll_ctl(poller, XPOLL_ADD, &conn_entry), 0);
    ASSERT_EQ(xpoll_ctl(poller, XPOLL_DEL, &entry), 0);
    ASSERT_EQ(xpoll_wait(poller, ready, 4, xt::safety_timeout_ms), 1);
    EXPECT_EQ(ready[0].fd, conn);
    EXPECT_EQ(ready[0].hndl, &entry);  // the caller's pointer, as given
    EXPECT_TRUE(ready[0].happened & XPOLLIN);
    int out = -1;
    EXPECT_EQ(xselect(XPOLLIN, 1, const_cast<int*>(&conn), 1, &out), 1);
    EXPECT_EQ(out, conn);
    char* got = nullptr;
    ASSERT_EQ(xrecv(conn, &got), 0);
    EXPECT_EQ(xt::take_string(got), "ping");
    EXPECT_EQ(xselect(XPOLLIN, 1, const_cast<int*>(&conn), 1, &out), 0);
    EXPECT_EQ(xpoll_close(poller), 0);
    xclose(conn);
    xclose(client);
    xclose(listener);
}

TEST_P(XioHandles, OneListenerServesConnectionsInTheirOwnThreads) {
    const std::string addr = xt::address(GetParam());
    const int listener = xlisten(addr.c_str());
    ASSERT_GE(listener, 0);
    xt::set_safety_timeouts(listener);
    constexpr int clients = 4;
    constexpr int rounds = 50;
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&addr, c] {
            const int fd = xconnect(addr.c_str());
            xt::set_safety_timeouts(fd);
            for (int i = 0; i < rounds; ++i) {
                const std::string text = std::to_string(c) + ":" + std::to_string(i);
                ASSERT_EQ(xsend(fd, xt::ubuf_of(text)), 0);
                char* got = nullptr;
                ASSERT_EQ(xrecv(fd, &got), 0) << strerror(errno);
                EXPECT_EQ(xt::take_string(got), text);
            }
            xclose(fd);
        });
    }
    // Each accepted connection echoes in a thread of its own, all sharing
    // the listener's socket.
    for (int c = 0; c < clients; ++c) {
        const int conn = xaccept(listener);
        ASSERT_GE(conn, 0) << strerror(errno);
        xt::set_safety_timeouts(conn);
        threads.emplace_back([conn] {
            for (int i = 0; i < rounds; ++i) {
                char* got = nullptr;
                ASSERT_EQ(xrecv(conn, &got), 0) << strerror(errno);
                ASSERT_EQ(xsend(conn, got), 0);
            }
            xclose(conn);
        });
    }
    for (auto& t : threads)
        t.join();
    xclose(listener);
}

TEST(XioHandleOptions, NoblockAndTimeoutsGiveEagain) {
    const std::string addr = xt::address("inproc");
    const int client = xconnect(addr.c_str());
    int on = 1;
    ASSERT_EQ(xsetopt(client, XSO_NOBLOCK, &on, sizeof on), 0);
    char* got = nullptr;
    XT_EXPECT_ERRNO(xrecv(client, &got), EAGAIN);
    int off = 0, ten_ms = 10;
    ASSERT_EQ(xsetopt(client, XSO_NOBLOCK, &off, sizeof off), 0);
    ASSERT_EQ(xsetopt(client, XSO_RCVTIMEO, &ten_ms, sizeof ten_ms), 0);
    XT_EXPECT_ERRNO(xrecv(client, &got), EAGAIN);
    xclose(client);
}

TEST(XioHandleOptions, ValuesReadBack) {
    const int fd = xconnect("tcp://127.0.0.1:1");
    ASSERT_GE(fd, 0);
    for (int opt : {XSO_LINGER, XSO_SNDBUF, XSO_RCVBUF, XSO_SNDTIMEO, XSO_RCVTIMEO, XSO_VERBOSE}) {
        int value = 4096 + opt, back = 0, size = sizeof back;
        ASSERT_EQ(xsetopt(fd, opt, &value, sizeof value), 0) << opt;
        ASSERT_EQ(xgetopt(fd, opt, &back, &size), 0) << opt;
        EXPECT_EQ(back, value) << opt;
    }
    int nodelay = 0, size = sizeof nodelay;
    ASSERT_EQ(xgetopt(fd, XSO_NODELAY, &nodelay, &size), 0);
    EXPECT_EQ(nodelay, 1);
    xclose(fd);
}

TEST(XioHandleOptions, BadOptionsAreEinval) {
    const int fd = xconnect("inproc://options");
    int value = 1, size = sizeof value;
    XT_EXPECT_ERRNO(xsetopt(fd, 99, &value, sizeof value), EINVAL);
    XT_EXPECT_ERRNO(xgetopt(fd, 99, &value, &size), EINVAL);
    XT_EXPECT_ERRNO(xsetopt(fd, XSO_SOCKTYPE, &value, sizeof value), EINVAL);
    XT_EXPECT_ERRNO(xsetopt(fd, XSO_LINGER, &value, 2), EINVAL);
    XT_EXPECT_ERRNO(xsetopt(fd, XSO_LINGER, nullptr, sizeof value), EINVAL);
    int zero = 0;
    XT_EXPECT_ERRNO(xsetopt(fd, XSO_NODELAY, &zero, sizeof zero), EINVAL);
    int small = 1;
    XT_EXPECT_ERRNO(xgetopt(fd, XSO_LINGER, &value, &small), EINVAL);
    xclose(fd);
}

TEST(XioHandleAddresses, FormsOfXioAndZmq) {
    const int port = xt::free_tcp_port();
    const std::string target = "127.0.0.1:" + std::to_string(port);
    const int listener = xlisten(("tcp://" + target).c_str());
    ASSERT_GE(listener, 0);
    xt::set_safety_timeouts(listener);
    // Connect from a chosen interface: by address, then by name.
    for (const std::string from : {"127.0.0.1", "lo"}) {
        const int client = xconnect(("tcp@" + from + "://" + target).c_str());
        ASSERT_GE(client, 0) << from << ": " << strerror(errno);
        ASSERT_EQ(xsend(client, xt::ubuf_of(from)), 0);
        const int conn = xaccept(listener);
        ASSERT_GE(conn, 0) << strerror(errno);
        xt::set_safety_timeouts(conn);
        char* got = nullptr;
        ASSERT_EQ(xrecv(conn, &got), 0) << strerror(errno);
        EXPECT_EQ(xt::take_string(got), from);
        xclose(conn);
        xclose(client);
    }
    xclose(listener);
}

TEST(XioHandleAddresses, BadAddressesAreRefused) {
    XT_EXPECT_ERRNO(xlisten(nullptr), EINVAL);
    XT_EXPECT_ERRNO(xlisten("no-scheme"), EINVAL);
    XT_EXPECT_ERRNO(xlisten("tcp://"), EINVAL);
    XT_EXPECT_ERRNO(xlisten("tcp://127.0.0.1"), EINVAL);
    XT_EXPECT_ERRNO(xlisten("tcp://127.0.0.1:70000"), EINVAL);
    XT_EXPECT_ERRNO(xlisten("tcp@lo://127.0.0.1:5555"), EINVAL);  // only connects choose
    XT_EXPECT_ERRNO(xconnect("tcp://127.0.0.1:*"), EINVAL);
    XT_EXPECT_ERRNO(xconnect("ipc@lo://x"), EINVAL);
    XT_EXPECT_ERRNO(xconnect("udp://127.0.0.1:5555"), EPROTO);
    XT_EXPECT_ERRNO(xlisten("mix://inproc://a+tcp://127.0.0.1:5555"), EPROTO);
    XT_EXPECT_ERRNO(xconnect(("inproc://" + std::string(XSOCKADDRLEN, 'x')).c_str()), EINVAL);
}

TEST(XioHandleAddresses, PortInUseIsReportedByXlisten) {
    const std::string addr = xt::address("tcp");
    const int first = xlisten(addr.c_str());
    ASSERT_GE(first, 0);
    ASSERT_GE(xselect(XPOLLIN, 1, const_cast<int*>(&first), 0, nullptr), 0);  // now bound
    XT_EXPECT_ERRNO(xlisten(addr.c_str()), EADDRINUSE);
    xclose(first);
}

TEST(XioHandleErrors, BadDescriptorsAndUbufs) {
    char* u = xt::ubuf_of("x");
    char* got = nullptr;
    int value = 0, size = sizeof value;
    XT_EXPECT_ERRNO(xsend(12345, u), EBADF);
    XT_EXPECT_ERRNO(xrecv(-1, &got), EBADF);
    XT_EXPECT_ERRNO(xaccept(12345), EBADF);
    XT_EXPECT_ERRNO(xclose(12345), EBADF);
    XT_EXPECT_ERRNO(xsetopt(-5, XSO_LINGER, &value, size), EBADF);
    XT_EXPECT_ERRNO(xgetopt(-5, XSO_LINGER, &value, &size), EBADF);

    const int client = xconnect("inproc://errors");
    char foreign[16] = {};
    XT_EXPECT_ERRNO(xsend(client, foreign + 8), EINVAL);
    XT_EXPECT_ERRNO(xrecv(client, nullptr), EINVAL);
    XT_EXPECT_ERRNO(xaccept(client), EOPNOTSUPP);
    ufree(u);
    XT_EXPECT_ERRNO(xsend(client, u), EINVAL);  // freed
    EXPECT_EQ(xclose(client), 0);
    XT_EXPECT_ERRNO(xclose(client), EBADF);
}

TEST(XioHandleErrors, BadPollArguments) {
    poll_fd entry{12345, nullptr, XPOLLIN, 0};
    poll_fd out[1];
    XT_EXPECT_ERRNO(xpoll_ctl(12345, XPOLL_ADD, &entry), EBADF);
    XT_EXPECT_ERRNO(xpoll_wait(12345, out, 1, 0), EBADF);
    XT_EXPECT_ERRNO(xpoll_close(12345), EBADF);
    const int poller = xpoll_create();
    XT_EXPECT_ERRNO(xpoll_ctl(poller, XPOLL_ADD, &entry), EBADF);  // no such handle
    const int fd = xconnect("inproc://poll-errors");
    entry.fd = fd;
    XT_EXPECT_ERRNO(xpoll_ctl(poller, XPOLL_MOD, &entry), ENOENT);
    XT_EXPECT_ERRNO(xpoll_ctl(poller, XPOLL_DEL, &entry), ENOENT);
    ASSERT_EQ(xpoll_ctl(poller, XPOLL_ADD, &entry), 0);
    XT_EXPECT_ERRNO(xpoll_ctl(poller, XPOLL_ADD, &entry), EEXIST);
    XT_EXPECT_ERRNO(xpoll_ctl(poller, 7, &entry), EINVAL);
    XT_EXPECT_ERRNO(xpoll_ctl(poller, XPOLL_ADD, nullptr), EINVAL);
    XT_EXPECT_ERRNO(xpoll_wait(poller, out, 0, 0), EINVAL);
    XT_EXPECT_ERRNO(xpoll_wait(poller, nullptr, 1, 0), EINVAL);
    XT_EXPECT_ERRNO(xselect(XPOLLIN, 1, nullptr, 0, nullptr), EINVAL);
    // A handle closed while registered reports XPOLLERR.
    xclose(fd);
    ASSERT_EQ(xpoll_wait(poller, out, 1, 0), 1);
    EXPECT_EQ(out[0].happened, XPOLLERR);
    xpoll_close(poller);
}

TEST(XioHandleClose, WakesAThreadWaitingToReceive) {
    const int client = xconnect("inproc://close-wakes");
    char* got = nullptr;
    // Start direct use before the other thread waits on it.
    int on = 1;
    xsetopt(client, XSO_NOBLOCK, &on, sizeof on);
    XT_EXPECT_ERRNO(xrecv(client, &got), EAGAIN);
    int off = 0;
    xsetopt(client, XSO_NOBLOCK, &off, sizeof off);
    xt::expect_close_ends_wait(
        [client] {
            char* none = nullptr;
            return xrecv(client, &none);
        },
        [client] { return xclose(client); });
}

} // namespace
