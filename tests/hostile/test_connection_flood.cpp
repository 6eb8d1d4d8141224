// A flood of tcp connections that never send a greeting, and of ws
// connections that never finish their upgrade request: each costs the
// socket a small, fixed amount of memory until ZMQ_HANDSHAKE_IVL closes
// it, and the socket serves its good peer throughout (connection_flood.hpp;
// CURVE floods are in test_curve_attacks.cpp). Peers that finish their
// handshake, say one thing and go quiet cost little too.
#include "connection_flood.hpp"

#include <memory>
#include <string>
#include <vector>

namespace {

// A ws upgrade request cut short: a long header line unfinished, as much
// as the bounds let a client make the socket hold.
std::string unfinished_upgrade() {
    return "GET /flood HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nX-Padding: " + std::string(4000, 'p');
}

TEST(ConnectionFlood, IdleConnectionsCostLittleAndAreClosedAfterTheInterval) {
    ht::attacked_router server({.handshake_ivl_ms = ht::flood_handshake_ivl_ms});
    ht::flood_twice(server);
}

// zmx's bounds on an HTTP head (libzmq keeps fixed buffers of its own).
TEST(ConnectionFlood, ZmxOnlyUnfinishedWsUpgradesCostLittleAndAreClosedAfterTheInterval) {
    ht::attacked_router server(
        {.handshake_ivl_ms = ht::flood_handshake_ivl_ms, .bind_address = "ws://127.0.0.1:*/flood"});
    ht::flood_twice(server, unfinished_upgrade());
}

// The many idle peers of one ROUTER (issue 19): past the handshake, each
// holds no read buffer sized for messages and no full queue chunks, only
// its session, engine and pipes. libzmq keeps 8 KiB decoder and encoder
// buffers and 16 KiB queue chunks for each.
TEST(ConnectionFlood, ZmxOnlyIdlePeersPastTheirHandshakeCostLittle) {
    ht::attacked_router server;
    const size_t heap_before = ht::heap_in_use();
    std::vector<std::unique_ptr<tt::raw_peer>> peers;
    for (int wave = 0; wave < ht::flood_size / ht::wave_size; ++wave) {
        for (int i = 0; i < ht::wave_size; ++i) {
            peers.push_back(std::make_unique<tt::raw_peer>(server.endpoint()));
            peers.back()->send(tt::raw_peer::greeting("NULL") + tt::raw_peer::ready("DEALER") +
                               tt::raw_peer::message("hello"));
        }
        for (int i = 0; i < ht::wave_size; ++i) {
            const auto request = zt::recv_multipart(server.router());
            ASSERT_EQ(request.size(), 2u);
            EXPECT_EQ(request[1], "hello");
        }
    }
    EXPECT_LT(ht::heap_growth_since(heap_before) / ht::flood_size, ht::idle_connection_allowance);
    EXPECT_TRUE(server.serves_good_peer("after the peers"));
}

}  // namespace
