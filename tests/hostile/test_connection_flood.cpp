// A flood of tcp connections that never send a greeting, and of ws
// connections that never finish their upgrade request: each costs the
// socket a small, fixed amount of memory until ZMQ_HANDSHAKE_IVL closes
// it, and the socket serves its good peer throughout (connection_flood.hpp;
// CURVE floods are in test_curve_attacks.cpp).
#include "connection_flood.hpp"

#include <string>

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

}  // namespace
