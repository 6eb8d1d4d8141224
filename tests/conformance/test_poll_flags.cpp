// zmq_poll(3) event flags as libzmq 4.3.4 handles them: ZMQ_POLLPRI on a
// file descriptor (urgent data) and on a socket (ignored), an item that asks
// for no events, and revents rewritten on every call.
#include "zmq_test.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// A connected pair of plain tcp descriptors on a free loopback port.
class tcp_pair {
public:
    tcp_pair() {
        int listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        EXPECT_EQ(::bind(listener, reinterpret_cast<sockaddr*>(&addr), len), 0);
        EXPECT_EQ(::listen(listener, 1), 0);
        EXPECT_EQ(getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len), 0);
        client_ = ::socket(AF_INET, SOCK_STREAM, 0);
        EXPECT_EQ(::connect(client_, reinterpret_cast<sockaddr*>(&addr), len), 0);
        server_ = ::accept(listener, nullptr, nullptr);
        ::close(listener);
    }
    ~tcp_pair() { ::close(client_); ::close(server_); }
    tcp_pair(const tcp_pair&) = delete;
    tcp_pair& operator=(const tcp_pair&) = delete;
    int client() const { return client_; }
    int server() const { return server_; }
private:
    int client_ = -1;
    int server_ = -1;
};

TEST(PollFlags, PollpriReportsUrgentDataOnADescriptor) {
    tcp_pair tcp;
    zmq_pollitem_t item{nullptr, tcp.server(), ZMQ_POLLPRI, 0};
    EXPECT_EQ(zmq_poll(&item, 1, 0), 0);
    ASSERT_EQ(send(tcp.client(), "!", 1, MSG_OOB), 1);
    // Waits (the safety timeout bounds it) for the urgent byte to arrive.
    EXPECT_EQ(zmq_poll(&item, 1, zt::safety_timeout_ms), 1);
    EXPECT_EQ(item.revents, ZMQ_POLLPRI);
}

TEST(PollFlags, PollpriIsNeverReportedForASocket) {
    zt::context ctx;
    zt::socket push(ctx, ZMQ_PUSH);
    zt::socket pull(ctx, ZMQ_PULL);
    zt::bind(pull, "inproc://pollpri");
    zt::connect(push, "inproc://pollpri");
    zt::send_str(push, "x");
    zmq_pollitem_t item{pull, 0, ZMQ_POLLPRI, 0};
    EXPECT_EQ(zmq_poll(&item, 1, 0), 0);
    EXPECT_EQ(item.revents, 0);
    item.events = ZMQ_POLLIN | ZMQ_POLLPRI;
    EXPECT_EQ(zmq_poll(&item, 1, 0), 1);
    EXPECT_EQ(item.revents, ZMQ_POLLIN);
}

// poll(2) reports a hang-up whatever was asked for, and libzmq passes it on
// as ZMQ_POLLERR even to an item that asked for nothing.
TEST(PollFlags, DescriptorAskingForNothingStillGetsPollerrOnHangUp) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    zmq_pollitem_t item{nullptr, fds[0], 0, 0};
    EXPECT_EQ(zmq_poll(&item, 1, 0), 0);
    EXPECT_EQ(item.revents, 0);
    ::close(fds[1]);
    EXPECT_EQ(zmq_poll(&item, 1, 0), 1);
    EXPECT_EQ(item.revents, ZMQ_POLLERR);
    ::close(fds[0]);
}

TEST(PollFlags, DescriptorAskingForNothingIsNotReportedWhenReadable) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    ASSERT_EQ(write(fds[1], "x", 1), 1);
    zmq_pollitem_t item{nullptr, fds[0], 0, 0};
    EXPECT_EQ(zmq_poll(&item, 1, 0), 0);
    EXPECT_EQ(item.revents, 0);
    ::close(fds[0]);
    ::close(fds[1]);
}

TEST(PollFlags, ReventsIsRewrittenOnEveryCall) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    zmq_pollitem_t item{nullptr, fds[0], ZMQ_POLLIN, ZMQ_POLLIN | ZMQ_POLLERR};
    EXPECT_EQ(zmq_poll(&item, 1, 0), 0);
    EXPECT_EQ(item.revents, 0);
    ::close(fds[0]);
    ::close(fds[1]);
}

// An item naming a socket and a descriptor is a socket item: the
// descriptor's hang-up is not seen.
TEST(PollFlags, SocketItemIgnoresAHungUpDescriptorField) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    ::close(fds[1]);
    zmq_pollitem_t item{pull, fds[0], ZMQ_POLLIN, 0};
    EXPECT_EQ(zmq_poll(&item, 1, 0), 0);
    EXPECT_EQ(item.revents, 0);
    ::close(fds[0]);
}

} // namespace
