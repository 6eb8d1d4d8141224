// ZMQ_SOCKS_PROXY, ZMQ_SOCKS_USERNAME, ZMQ_SOCKS_PASSWORD: tcp connects
// through a SOCKS5 proxy (RFC 1928, RFC 1929 authentication). The options'
// values and errors; messages through a real proxy (Debian's microsocks,
// skipped when it is not installed); the bytes a socket sends a proxy it
// plays by hand, and what it does with replies that fail. Every
// expectation holds for Debian's libzmq too, and all but the ZmxOnly ones
// run against it (reference.transport_socks_proxy_draft); among the monitor
// events, both name the proxy, not the peer.
//
// The ZmxOnly tests are the failed attempts: libzmq 4.3.4 reports them as
// these tests expect (checked by hand with pyzmq: CLOSED, then
// CONNECT_RETRIED, naming the proxy), but a socket closed after one, before
// its next attempt, aborts the process ("Bad file descriptor
// (src/epoll.cpp:113)": its SOCKS connecter forgets that it let go of the
// descriptor). One more differs: zmx gives the exchange ZMQ_HANDSHAKE_IVL,
// libzmq waits for a silent proxy for ever. ZMQ_SOCKS_USERNAME and ZMQ_SOCKS_PASSWORD are
// draft names in zmq.h, though Debian's build takes them too.
#include "monitor_events.hpp"
#include "raw_server.hpp"
#include "socks_proxy_process.hpp"
#include "zmq_test.hpp"

#include <string>
#include <vector>

namespace {

std::string get_string(void* s, int option) {
    char value[300];
    size_t size = sizeof value;
    if (zmq_getsockopt(s, option, value, &size) < 0)
        return "<" + std::string(zmq_strerror(zmq_errno())) + ">";
    return std::string(value, size - 1);  // the size counts the NUL
}

int set_string(void* s, int option, const std::string& value) {
    return zmq_setsockopt(s, option, value.data(), value.size());
}

// ---------------------------------------------------------------- the options

TEST(SocksOptions, AreEmptyOnEverySocketTypeUntilSet) {
    zt::context ctx;
    for (const int type : {ZMQ_DEALER, ZMQ_ROUTER, ZMQ_SUB, ZMQ_STREAM}) {
        zt::socket s(ctx, type);
        for (const int option : {ZMQ_SOCKS_PROXY, ZMQ_SOCKS_USERNAME, ZMQ_SOCKS_PASSWORD})
            EXPECT_EQ(get_string(s, option), "") << type << " " << option;
    }
}

TEST(SocksOptions, AreReadBackAsSet) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_DEALER);
    ASSERT_EQ(set_string(s, ZMQ_SOCKS_PROXY, "proxy.example:1080"), 0);
    ASSERT_EQ(set_string(s, ZMQ_SOCKS_USERNAME, std::string(255, 'u')), 0);
    ASSERT_EQ(set_string(s, ZMQ_SOCKS_PASSWORD, "secret"), 0);
    EXPECT_EQ(get_string(s, ZMQ_SOCKS_PROXY), "proxy.example:1080");
    EXPECT_EQ(get_string(s, ZMQ_SOCKS_USERNAME), std::string(255, 'u'));
    EXPECT_EQ(get_string(s, ZMQ_SOCKS_PASSWORD), "secret");
    // Read into a buffer without room for the NUL: refused.
    char small[6];
    size_t size = sizeof small;
    ZT_EXPECT_ERRNO(zmq_getsockopt(s, ZMQ_SOCKS_PASSWORD, small, &size), EINVAL);
}

TEST(SocksOptions, TheProxyIsClearedOnlyByNullAndNothing) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_DEALER);
    ASSERT_EQ(set_string(s, ZMQ_SOCKS_PROXY, "127.0.0.1:1080"), 0);
    ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_SOCKS_PROXY, "x", 0), EINVAL);
    // (Not 4 bytes: libzmq reads an int-sized value before it looks at the option.)
    ZT_EXPECT_ERRNO(zmq_setsockopt(s, ZMQ_SOCKS_PROXY, nullptr, 5), EINVAL);
    EXPECT_EQ(get_string(s, ZMQ_SOCKS_PROXY), "127.0.0.1:1080");
    ASSERT_EQ(zmq_setsockopt(s, ZMQ_SOCKS_PROXY, nullptr, 0), 0);
    EXPECT_EQ(get_string(s, ZMQ_SOCKS_PROXY), "");
}

TEST(SocksOptions, CredentialsTakeUpTo255BytesAndClearWithNothing) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_DEALER);
    for (const int option : {ZMQ_SOCKS_USERNAME, ZMQ_SOCKS_PASSWORD}) {
        ASSERT_EQ(set_string(s, option, "kept"), 0);
        ZT_EXPECT_ERRNO(set_string(s, option, std::string(256, 'x')), EINVAL);
        EXPECT_EQ(get_string(s, option), "kept");
        ASSERT_EQ(zmq_setsockopt(s, option, "x", 0), 0);
        EXPECT_EQ(get_string(s, option), "");
        ASSERT_EQ(set_string(s, option, "kept"), 0);
        ASSERT_EQ(zmq_setsockopt(s, option, nullptr, 5), 0);
        EXPECT_EQ(get_string(s, option), "");
    }
}

// ---------------------------------------------------------------- through microsocks

class SocksProxy : public ::testing::Test {
protected:
    void SetUp() override {
        if (!tt::socks_proxy_process::installed())
            GTEST_SKIP() << tt::socks_proxy_process::program
                         << " is missing (apt-get install microsocks): no SOCKS5 proxy to test through";
    }

    // The DEALER's connects go through the proxy at proxy_address.
    static void use_proxy(void* dealer, const std::string& proxy_address, const std::string& username = "",
                          const std::string& password = "") {
        EXPECT_EQ(set_string(dealer, ZMQ_SOCKS_PROXY, proxy_address), 0);
        EXPECT_EQ(set_string(dealer, ZMQ_SOCKS_USERNAME, username), 0);
        EXPECT_EQ(set_string(dealer, ZMQ_SOCKS_PASSWORD, password), 0);
    }

    // The port of a ROUTER bound on loopback.
    int bind_router() {
        const std::string endpoint = zt::bind_tcp(router_);
        return std::stoi(endpoint.substr(endpoint.rfind(':') + 1));
    }

    // A request and its reply, between dealer and router_.
    void expect_round_trip(void* dealer) {
        zt::send_str(dealer, "ping");
        const std::vector<std::string> request = zt::recv_multipart(router_);
        ASSERT_EQ(request.size(), 2u);
        EXPECT_EQ(request[1], "ping");
        zt::send_multipart(router_, {request[0], "pong"});
        EXPECT_EQ(zt::recv_str(dealer), "pong");
    }

    // The next attempt fails as a connect fails: CLOSED, then a retry, both
    // naming the proxy.
    static void expect_failed_attempt(tt::event_monitor& monitor, const std::string& proxy_address) {
        const auto closed = monitor.wait_for(ZMQ_EVENT_CLOSED);
        ASSERT_TRUE(closed.has_value());
        EXPECT_EQ(closed->endpoint, "tcp://" + proxy_address);
        const auto retried = monitor.wait_for(ZMQ_EVENT_CONNECT_RETRIED);
        ASSERT_TRUE(retried.has_value());
        EXPECT_EQ(retried->endpoint, "tcp://" + proxy_address);
    }

    zt::context ctx_;
    zt::socket router_{ctx_, ZMQ_ROUTER};
};

TEST_F(SocksProxy, CarriesMessagesBothWaysToAnAddress) {
    tt::socks_proxy_process proxy;
    ASSERT_TRUE(proxy.ready());
    const int port = bind_router();
    zt::socket dealer(ctx_, ZMQ_DEALER);
    use_proxy(dealer, proxy.address());
    tt::event_monitor monitor(ctx_, dealer);
    zt::connect(dealer, ("tcp://127.0.0.1:" + std::to_string(port)).c_str());
    expect_round_trip(dealer);
    const auto connected = monitor.wait_for(ZMQ_EVENT_CONNECTED);
    ASSERT_TRUE(connected.has_value());
    EXPECT_EQ(connected->endpoint, "tcp://" + proxy.address());
}

TEST_F(SocksProxy, AsksTheProxyToResolveAHostName) {
    tt::socks_proxy_process proxy;
    ASSERT_TRUE(proxy.ready());
    const int port = bind_router();
    zt::socket dealer(ctx_, ZMQ_DEALER);
    use_proxy(dealer, proxy.address());
    zt::connect(dealer, ("tcp://localhost:" + std::to_string(port)).c_str());
    expect_round_trip(dealer);
}

TEST_F(SocksProxy, AuthenticatesWithUsernameAndPassword) {
    tt::socks_proxy_process proxy("zmx", "s3cret");
    ASSERT_TRUE(proxy.ready());
    const int port = bind_router();
    zt::socket dealer(ctx_, ZMQ_DEALER);
    use_proxy(dealer, proxy.address(), "zmx", "s3cret");
    zt::connect(dealer, ("tcp://127.0.0.1:" + std::to_string(port)).c_str());
    expect_round_trip(dealer);
}

TEST_F(SocksProxy, ZmxOnlyAWrongPasswordIsAFailedAttemptRetried) {
    tt::socks_proxy_process proxy("zmx", "s3cret");
    ASSERT_TRUE(proxy.ready());
    const int port = bind_router();
    zt::socket dealer(ctx_, ZMQ_DEALER);
    use_proxy(dealer, proxy.address(), "zmx", "wrong");
    tt::event_monitor monitor(ctx_, dealer);
    zt::connect(dealer, ("tcp://127.0.0.1:" + std::to_string(port)).c_str());
    expect_failed_attempt(monitor, proxy.address());
    expect_failed_attempt(monitor, proxy.address());
}

TEST_F(SocksProxy, ZmxOnlyNoCredentialsForAProxyThatWantsThemIsAFailedAttempt) {
    tt::socks_proxy_process proxy("zmx", "s3cret");
    ASSERT_TRUE(proxy.ready());
    zt::socket dealer(ctx_, ZMQ_DEALER);
    use_proxy(dealer, proxy.address());
    tt::event_monitor monitor(ctx_, dealer);
    zt::connect(dealer, ("tcp://127.0.0.1:" + std::to_string(bind_router())).c_str());
    expect_failed_attempt(monitor, proxy.address());
}

TEST_F(SocksProxy, ZmxOnlyAPeerTheProxyCannotReachIsAFailedAttempt) {
    tt::socks_proxy_process proxy;
    ASSERT_TRUE(proxy.ready());
    zt::socket dealer(ctx_, ZMQ_DEALER);
    use_proxy(dealer, proxy.address());
    tt::event_monitor monitor(ctx_, dealer);
    const int nobody = tt::socks_proxy_process::free_port();
    zt::connect(dealer, ("tcp://127.0.0.1:" + std::to_string(nobody)).c_str());
    expect_failed_attempt(monitor, proxy.address());
}

TEST_F(SocksProxy, ZmxOnlyAProxyThatIsNotThereIsAFailedAttempt) {
    const std::string nowhere = "127.0.0.1:" + std::to_string(tt::socks_proxy_process::free_port());
    zt::socket dealer(ctx_, ZMQ_DEALER);
    use_proxy(dealer, nowhere);
    tt::event_monitor monitor(ctx_, dealer);
    zt::connect(dealer, ("tcp://127.0.0.1:" + std::to_string(bind_router())).c_str());
    expect_failed_attempt(monitor, nowhere);
}

// ---------------------------------------------------------------- a proxy played by hand

// The proxy's side of a SOCKS5 exchange up to the CONNECT request.
struct hand_played_proxy {
    hand_played_proxy(void* ctx, const std::string& target, const std::string& username = "",
                      const std::string& password = "")
        : dealer(ctx, ZMQ_DEALER), monitor(ctx, dealer) {
        zt::set_int(dealer, ZMQ_IPV6, 1);  // for an IPv6 target
        EXPECT_EQ(set_string(dealer, ZMQ_SOCKS_PROXY, server.endpoint().substr(6)), 0);
        EXPECT_EQ(set_string(dealer, ZMQ_SOCKS_USERNAME, username), 0);
        EXPECT_EQ(set_string(dealer, ZMQ_SOCKS_PASSWORD, password), 0);
        zt::connect(dealer, target.c_str());
        connection = server.accept();
        EXPECT_NE(connection, nullptr);
    }
    // Expects the greeting offering no authentication, chooses it, and
    // returns the request that follows.
    std::string request_after_greeting(size_t request_size) {
        EXPECT_EQ(connection->receive(3), std::string("\x05\x01\x00", 3));
        connection->send(std::string("\x05\x00", 2));
        return connection->receive(request_size);
    }
    // Reports the CONNECT a success and waits for the socket to take the
    // connection (which is also how libzmq lets go of the exchange cleanly).
    void relay() {
        connection->send(std::string("\x05\x00\x00\x01\x7f\x00\x00\x01\x15\xb3", 10));
        EXPECT_TRUE(monitor.wait_for(ZMQ_EVENT_CONNECTED).has_value());
    }
    void expect_failed_attempt() {
        const auto closed = monitor.wait_for(ZMQ_EVENT_CLOSED);
        ASSERT_TRUE(closed.has_value());
        EXPECT_EQ(closed->endpoint, server.endpoint());
        EXPECT_TRUE(monitor.wait_for(ZMQ_EVENT_CONNECT_RETRIED).has_value());
    }

    tt::raw_server server;
    zt::socket dealer;
    tt::event_monitor monitor;
    std::unique_ptr<tt::raw_peer> connection;
};

TEST(SocksWire, AsksForAnIpv4AddressAsFourBytes) {
    zt::context ctx;
    hand_played_proxy proxy(ctx, "tcp://127.0.0.1:5555");
    EXPECT_EQ(proxy.request_after_greeting(10), std::string("\x05\x01\x00\x01\x7f\x00\x00\x01\x15\xb3", 10));
    proxy.relay();
}

TEST(SocksWire, AsksForAnIpv6AddressAsSixteenBytes) {
    zt::context ctx;
    hand_played_proxy proxy(ctx, "tcp://[::1]:5555");
    const std::string loopback6 = std::string(15, '\0') + '\x01';
    EXPECT_EQ(proxy.request_after_greeting(22), std::string("\x05\x01\x00\x04", 4) + loopback6 + "\x15\xb3");
    proxy.relay();
}

TEST(SocksWire, AsksForAHostByName) {
    zt::context ctx;
    hand_played_proxy proxy(ctx, "tcp://peer.example:5555");
    EXPECT_EQ(proxy.request_after_greeting(19), std::string("\x05\x01\x00\x03\x0cpeer.example\x15\xb3", 19));
    proxy.relay();
}

TEST(SocksWire, OffersUsernameAndPasswordWhenAUsernameIsSet) {
    zt::context ctx;
    hand_played_proxy proxy(ctx, "tcp://127.0.0.1:5555", "user", "pass");
    EXPECT_EQ(proxy.connection->receive(3), std::string("\x05\x01\x02", 3));
    proxy.connection->send(std::string("\x05\x02", 2));
    EXPECT_EQ(proxy.connection->receive(11), std::string("\x01\x04user\x04pass", 11));
    proxy.connection->send(std::string("\x01\x00", 2));  // accepted
    EXPECT_EQ(proxy.connection->receive(10).size(), 10u);  // the CONNECT
    proxy.relay();
}

TEST(SocksWire, TheTargetMaySpeakRightBehindTheReply) {
    zt::context ctx;
    hand_played_proxy proxy(ctx, "tcp://127.0.0.1:5555");
    proxy.request_after_greeting(10);
    // The reply and the peer's whole ZMTP greeting and READY in one write.
    proxy.connection->send(std::string("\x05\x00\x00\x01\x7f\x00\x00\x01\x15\xb3", 10) + tt::raw_peer::greeting("NULL") +
                           tt::raw_peer::ready("ROUTER"));
    EXPECT_TRUE(proxy.monitor.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED).has_value());
}

TEST(SocksWire, ZmxOnlyARefusalIsAFailedAttempt) {
    zt::context ctx;
    hand_played_proxy proxy(ctx, "tcp://127.0.0.1:5555");
    proxy.request_after_greeting(10);
    proxy.connection->send(std::string("\x05\x05\x00\x01\x00\x00\x00\x00\x00\x00", 10));  // connection refused
    proxy.expect_failed_attempt();
}

TEST(SocksWire, ZmxOnlyNoAcceptableMethodIsAFailedAttempt) {
    zt::context ctx;
    hand_played_proxy proxy(ctx, "tcp://127.0.0.1:5555");
    EXPECT_EQ(proxy.connection->receive(3), std::string("\x05\x01\x00", 3));
    proxy.connection->send(std::string("\x05\xff", 2));
    proxy.expect_failed_attempt();
}

TEST(SocksWire, ZmxOnlyAMalformedReplyIsAFailedAttempt) {
    zt::context ctx;
    hand_played_proxy proxy(ctx, "tcp://127.0.0.1:5555");
    proxy.request_after_greeting(10);
    proxy.connection->send(std::string("\x05\x00\x00\x09garbage", 11));  // no such address type
    proxy.expect_failed_attempt();
}

// zmx gives the exchange ZMQ_HANDSHAKE_IVL, as it gives a ZMTP handshake.
TEST(SocksWire, ZmxOnlyASilentProxyTimesOutAfterTheHandshakeInterval) {
    zt::context ctx;
    tt::raw_server server;
    zt::socket dealer(ctx, ZMQ_DEALER);
    zt::set_int(dealer, ZMQ_HANDSHAKE_IVL, 100);
    ASSERT_EQ(set_string(dealer, ZMQ_SOCKS_PROXY, server.endpoint().substr(6)), 0);
    tt::event_monitor monitor(ctx, dealer);
    zt::connect(dealer, "tcp://127.0.0.1:5555");
    const auto connection = server.accept();
    ASSERT_NE(connection, nullptr);
    EXPECT_TRUE(monitor.wait_for(ZMQ_EVENT_CLOSED).has_value());
    EXPECT_TRUE(monitor.wait_for(ZMQ_EVENT_CONNECT_RETRIED).has_value());
}

}  // namespace
