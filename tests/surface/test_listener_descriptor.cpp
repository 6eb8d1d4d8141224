// ZMQ_USE_FD (a bind takes a descriptor the application bound and
// listened on, as a systemd socket) and ZMQ_BINDTODEVICE (SO_BINDTODEVICE
// on tcp descriptors): set, read back, refused when malformed, and acting.
#include "zmq_test.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <string>

namespace {

// A tcp socket listening on a free loopback port, as a service manager
// would hand it over.
int listening_descriptor(int& port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), length) < 0 || ::listen(fd, 8) < 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) < 0)
        return -1;
    port = ntohs(address.sin_port);
    return fd;
}

TEST(UseFd, DefaultsToMinusOneAndReadsBack) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_PULL);
    EXPECT_EQ(zt::get_int(s, ZMQ_USE_FD), -1);
    zt::set_int(s, ZMQ_USE_FD, 5);
    EXPECT_EQ(zt::get_int(s, ZMQ_USE_FD), 5);
    ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_USE_FD, "\xfe\xff\xff\xff", 4), EINVAL);  // -2
    const int64_t wide = 3;
    ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_USE_FD, &wide, sizeof wide), EINVAL);
    EXPECT_EQ(zt::get_int(s, ZMQ_USE_FD), 5);
    zt::set_int(s, ZMQ_USE_FD, -1);
    EXPECT_EQ(zt::get_int(s, ZMQ_USE_FD), -1);
}

TEST(UseFd, BindListensOnTheGivenDescriptor) {
    int port = 0;
    const int fd = listening_descriptor(port);
    ASSERT_GE(fd, 0);
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    zt::set_int(pull, ZMQ_USE_FD, fd);
    // The address named is not used: the descriptor's own is.
    zt::bind(pull, "tcp://127.0.0.1:*");
    const std::string endpoint = "tcp://127.0.0.1:" + std::to_string(port);
    EXPECT_EQ(zt::last_endpoint(pull), endpoint);
    zt::socket push(ctx, ZMQ_PUSH);
    zt::connect(push, endpoint.c_str());
    zt::send_str(push, "through the given descriptor");
    EXPECT_EQ(zt::recv_str(pull), "through the given descriptor");
}

TEST(BindToDevice, DefaultsToEmptyAndReadsBack) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_DEALER);
    char name[32];
    size_t size = sizeof name;
    ASSERT_EQ(zmq_getsockopt(s, ZMQ_BINDTODEVICE, name, &size), 0);
    EXPECT_EQ(size, 1u);
    EXPECT_STREQ(name, "");
    ASSERT_EQ(zmq_setsockopt(s, ZMQ_BINDTODEVICE, "lo", 2), 0);
    size = sizeof name;
    ASSERT_EQ(zmq_getsockopt(s, ZMQ_BINDTODEVICE, name, &size), 0);
    EXPECT_EQ(size, 3u);
    EXPECT_STREQ(name, "lo");
    // 16 characters at most; an empty name is refused, NULL clears it.
    ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_BINDTODEVICE, "abcdefghijklmnopq", 17), EINVAL);
    ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_BINDTODEVICE, "", 0), EINVAL);
    size = sizeof name;
    ASSERT_EQ(zmq_getsockopt(s, ZMQ_BINDTODEVICE, name, &size), 0);
    EXPECT_STREQ(name, "lo");
    ASSERT_EQ(zmq_setsockopt(s, ZMQ_BINDTODEVICE, nullptr, 0), 0);
    size = sizeof name;
    ASSERT_EQ(zmq_getsockopt(s, ZMQ_BINDTODEVICE, name, &size), 0);
    EXPECT_STREQ(name, "");
}

TEST(BindToDevice, AnUnknownDeviceFailsATcpBind) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_PULL);
    ASSERT_EQ(zmq_setsockopt(s, ZMQ_BINDTODEVICE, "nosuchdev0", 10), 0);
    ZT_EXPECT_ERRNO(zmq_bind(s, "tcp://127.0.0.1:*"), ENODEV);
}

TEST(BindToDevice, LoopbackCarriesLoopbackTraffic) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    ASSERT_EQ(zmq_setsockopt(pull, ZMQ_BINDTODEVICE, "lo", 2), 0);
    const std::string endpoint = zt::bind_tcp(pull);
    zt::socket push(ctx, ZMQ_PUSH);
    ASSERT_EQ(zmq_setsockopt(push, ZMQ_BINDTODEVICE, "lo", 2), 0);
    zt::connect(push, endpoint.c_str());
    zt::send_str(push, "on lo");
    EXPECT_EQ(zt::recv_str(pull), "on lo");
}

} // namespace
