// ZMTP 3.1 heartbeats (ZMQ_HEARTBEAT_IVL, _TIMEOUT, _TTL): the PINGs a
// socket sends, a silent peer taken for dead, a peer that answers kept,
// and the TTL a peer's PING imposes. A raw tcp server plays the peer, so
// every byte is seen. Checked against libzmq 4.3.4.
#include "endpoints.hpp"
#include "monitor_events.hpp"
#include "raw_server.hpp"

#include <string>

namespace {

using names_t = std::vector<std::string>;

// A PING command frame as libzmq sends it: TTL in deciseconds, no context.
std::string ping_frame(uint16_t ttl) {
    return tt::raw_peer::command("PING", std::string{static_cast<char>(ttl >> 8), static_cast<char>(ttl & 0xff)});
}

std::string pong_frame(const std::string& context = {}) { return tt::raw_peer::command("PONG", context); }

void set_heartbeats(void* s, int interval, int timeout, int ttl) {
    zt::set_int(s, ZMQ_HEARTBEAT_IVL, interval);
    zt::set_int(s, ZMQ_HEARTBEAT_TIMEOUT, timeout);
    zt::set_int(s, ZMQ_HEARTBEAT_TTL, ttl);
    zt::set_int(s, ZMQ_RECONNECT_IVL, 60000);  // one connection per test, unless set again
}

TEST(Heartbeat, APeerSilentAfterAPingIsDisconnectedAndReconnected) {
    zt::context ctx;
    tt::raw_server server;
    zt::socket dealer(ctx, ZMQ_DEALER);
    set_heartbeats(dealer, 20, 60, 0);
    zt::set_int(dealer, ZMQ_RECONNECT_IVL, 10);
    tt::event_monitor events(ctx, dealer);
    zt::connect(dealer, server.endpoint().c_str());
    auto peer = server.accept_handshake("DEALER");
    ASSERT_TRUE(peer);
    ASSERT_TRUE(events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));
    // No PONG, nothing at all: the socket gives up on this connection.
    EXPECT_TRUE(peer->closed_by_peer());
    auto after = events.until(ZMQ_EVENT_CONNECT_RETRIED);
    EXPECT_EQ(tt::names(after), (names_t{"DISCONNECTED", "CONNECT_RETRIED"})) << tt::describe(after);
    EXPECT_TRUE(server.accept()) << "the socket connects again";
}

TEST(Heartbeat, PingsEveryIntervalWithItsTtlAndStaysUpWhileAnswered) {
    zt::context ctx;
    tt::raw_server server;
    zt::socket dealer(ctx, ZMQ_DEALER);
    set_heartbeats(dealer, 10, 500, 1550);
    zt::connect(dealer, server.endpoint().c_str());
    auto peer = server.accept_handshake("DEALER");
    ASSERT_TRUE(peer);
    // The TTL in deciseconds, rounded down. Each PONG comes inside the
    // timeout: many intervals pass, and the connection carries a message
    // at the end.
    const std::string ping = ping_frame(15);
    for (int i = 0; i < 20; ++i) {
        ASSERT_EQ(peer->receive(ping.size()), ping) << "PING " << i;
        peer->send(pong_frame());
    }
    peer->send(tt::raw_peer::message("still here"));
    // Had the socket dropped the connection, it would not be reading it.
    EXPECT_EQ(zt::recv_str(dealer), "still here");
}

TEST(Heartbeat, TwoSocketsWithHeartbeatsKeepAnIdleConnection) {
    zt::context ctx;
    zt::socket router(ctx, ZMQ_ROUTER);
    zt::set_int(router, ZMQ_HEARTBEAT_IVL, 20);
    zt::set_int(router, ZMQ_HEARTBEAT_TIMEOUT, 250);
    const std::string endpoint = tt::bind_any(router, tt::transport::tcp);
    zt::socket dealer(ctx, ZMQ_DEALER);
    set_heartbeats(dealer, 20, 250, 500);
    tt::event_monitor events(ctx, dealer);
    zt::connect(dealer, endpoint.c_str());
    ASSERT_TRUE(events.wait_for(ZMQ_EVENT_HANDSHAKE_SUCCEEDED));
    // Idle for many timeouts: the PINGs and PONGs alone keep it up.
    auto idle = events.during(600);
    EXPECT_TRUE(idle.empty()) << tt::describe(idle);
    zt::send_str(dealer, "after the idle time");
    EXPECT_EQ(zt::recv_multipart(router).back(), "after the idle time");
}

TEST(Heartbeat, APingWithATtlMakesTheSocketDropAPeerThatFallsSilent) {
    zt::context ctx;
    tt::raw_server server;
    zt::socket dealer(ctx, ZMQ_DEALER);  // no heartbeat options of its own
    tt::event_monitor events(ctx, dealer);
    zt::connect(dealer, server.endpoint().c_str());
    auto peer = server.accept_handshake("DEALER");
    ASSERT_TRUE(peer);
    peer->send(ping_frame(1));  // "hear from me within 100 ms"
    EXPECT_EQ(peer->receive(pong_frame().size()), pong_frame());
    EXPECT_TRUE(peer->closed_by_peer());
    EXPECT_TRUE(events.wait_for(ZMQ_EVENT_DISCONNECTED));
}

// A DEALER with no heartbeat options, connected to a raw DEALER peer.
struct dealer_and_raw_peer {
    dealer_and_raw_peer() : dealer(ctx, ZMQ_DEALER) {
        zt::connect(dealer, server.endpoint().c_str());
        peer = server.accept_handshake("DEALER");
    }
    zt::context ctx;
    tt::raw_server server;
    zt::socket dealer;
    std::unique_ptr<tt::raw_peer> peer;
};

TEST(Heartbeat, TrafficAfterAPingLiftsItsTtl) {
    dealer_and_raw_peer pair;
    auto& peer = pair.peer;
    ASSERT_TRUE(peer);
    peer->send(ping_frame(1));
    peer->send(tt::raw_peer::message("first"));
    EXPECT_EQ(zt::recv_str(pair.dealer), "first");
    EXPECT_EQ(peer->receive(pong_frame().size()), pong_frame());
    // Silent for three TTLs now: the PING's deadline was met.
    EXPECT_FALSE(peer->closed_by_peer(300));
    zt::send_str(pair.dealer, "reply");
    EXPECT_EQ(peer->receive(7), tt::raw_peer::message("reply"));
}

// RFC 37 allows a context of up to 16 bytes; libzmq answers a longer one
// with its first 16 rather than leaving the peer without a PONG.
TEST(Heartbeat, APingContextOver16BytesIsAnsweredWithItsFirst16) {
    dealer_and_raw_peer pair;
    auto& peer = pair.peer;
    ASSERT_TRUE(peer);
    const std::string context = "0123456789abcdef-and-more";
    peer->send(tt::raw_peer::command("PING", std::string("\0\0", 2) + context));
    const std::string expected = pong_frame(context.substr(0, 16));
    EXPECT_EQ(peer->receive(expected.size()), expected);
}

} // namespace
