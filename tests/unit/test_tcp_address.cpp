// tcp address forms, with the results Debian's libzmq 4.3.4 gives for them
// (checked through pyzmq: bind resolution and connect syntax).
#include "transport/tcp_address.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <string>

namespace {

using zmx::tcp_address;

int bind_errno(const std::string& address, bool ipv6 = false) {
    tcp_address a;
    errno = 0;
    return zmx::resolve_bind_address(address, ipv6, a) == 0 ? 0 : errno;
}

std::string bound(const std::string& address, bool ipv6 = false) {
    tcp_address a;
    EXPECT_EQ(zmx::resolve_bind_address(address, ipv6, a), 0) << address;
    return a.to_string();
}

TEST(TcpAddress, BindFormsResolve) {
    EXPECT_EQ(bound("127.0.0.1:5555"), "127.0.0.1:5555");
    EXPECT_EQ(bound("127.0.0.1:*"), "127.0.0.1:0");
    EXPECT_EQ(bound("*:*"), "0.0.0.0:0");
    EXPECT_EQ(bound("lo:7000"), "127.0.0.1:7000");
    EXPECT_EQ(bound("lo:7000", true), "[::1]:7000");  // with ZMQ_IPV6, an interface's IPv6 address
    EXPECT_EQ(bound("[::1]:5555", true), "[::1]:5555");
    EXPECT_EQ(bound("*:5555", true), "[::]:5555");
}

// A link-local address needs its zone, by name or index; libzmq shows
// the name. An unknown zone, or a source before the address, is EINVAL.
TEST(TcpAddress, BindTakesAnIpv6ZoneAsLibzmqDoes) {
    EXPECT_EQ(bound("[fe80::1%lo]:5555", true), "[fe80::1%lo]:5555");
    EXPECT_EQ(bound("[fe80::1%1]:5555", true), "[fe80::1%lo]:5555");
    EXPECT_EQ(bind_errno("[fe80::1%no-such-zone]:5555", true), EINVAL);
    EXPECT_EQ(bind_errno("127.0.0.1;127.0.0.1:5555"), EINVAL);
}

TEST(TcpAddress, BindRefusesWhatIsNeitherLiteralNorInterface) {
    EXPECT_EQ(bind_errno("localhost:5555"), ENODEV);  // names are not resolved for a bind
    EXPECT_EQ(bind_errno("256.0.0.1:5555"), ENODEV);
    EXPECT_EQ(bind_errno("no-such-interface.invalid:5555"), ENODEV);
    EXPECT_EQ(bind_errno("[::1]:5555"), ENODEV);  // IPv6 only with ZMQ_IPV6
}

TEST(TcpAddress, MalformedAddressesAreInvalid) {
    for (const char* address : {"127.0.0.1", "127.0.0.1:", ":5555", "127.0.0.1:abc", "127.0.0.1:-1",
                                "127.0.0.1:70000", "[]:5555"})
        EXPECT_EQ(bind_errno(address), EINVAL) << address;
}

TEST(TcpAddress, ConnectFormsResolve) {
    tcp_address to, from;
    bool has_source = true;
    ASSERT_EQ(zmx::resolve_connect_address("127.0.0.1:5555", false, to, &from, has_source), 0);
    EXPECT_EQ(to.to_string(), "127.0.0.1:5555");
    EXPECT_FALSE(has_source);
    ASSERT_EQ(zmx::resolve_connect_address("127.0.0.1:0", false, to, &from, has_source), 0);
    ASSERT_EQ(zmx::resolve_connect_address("127.0.0.1;127.0.0.1:5555", false, to, &from, has_source), 0);
    EXPECT_TRUE(has_source);
    EXPECT_EQ(from.to_string(), "127.0.0.1:0");
    ASSERT_EQ(zmx::resolve_connect_address("127.0.0.1:6000;127.0.0.1:5555", false, to, &from, has_source), 0);
    EXPECT_EQ(from.to_string(), "127.0.0.1:6000");
    ASSERT_EQ(zmx::resolve_connect_address("[::1]:5555", true, to, &from, has_source), 0);
    EXPECT_EQ(to.to_string(), "[::1]:5555");
}

TEST(TcpAddress, ConnectRefusesAWildcardPort) {
    tcp_address to;
    bool has_source = false;
    errno = 0;
    EXPECT_EQ(zmx::resolve_connect_address("127.0.0.1:*", false, to, nullptr, has_source), -1);
    EXPECT_EQ(errno, EINVAL);
}

} // namespace
