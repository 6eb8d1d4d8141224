// A flood of tcp connections that each send an opening (nothing, an
// unfinished ws upgrade, a CURVE HELLO...) and then stall: each costs the
// attacked socket a small, fixed amount of memory until ZMQ_HANDSHAKE_IVL
// closes it, the socket serves its good peer throughout, and a second
// flood leaves nothing of the first behind.
#pragma once

#include "attacked_router.hpp"
#include "heap_gauge.hpp"
#include "raw_peer.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ht {

constexpr int flood_size = 300;
constexpr int wave_size = 50;
// What an idle connection may cost, all told (session, engine, buffers):
// a read buffer sized for messages (64 KiB) would exceed it.
constexpr int64_t idle_connection_allowance = 16 * ht::kib;
// Long enough for the whole flood to connect before the first is closed.
constexpr int flood_handshake_ivl_ms = 1000;
// What a second flood may leave beyond the first: no trace of 300 sessions.
constexpr int64_t leftover_allowance = 32 * ht::kib;

// Reads monitor events until `count` of `type` have come: false if they
// stop coming first.
inline bool count_events(tt::event_monitor& events, int type, int count) {
    for (int seen = 0; seen < count; ++seen)
        if (!events.wait_for(type))
            return false;
    return true;
}

// One flood: every connection accepted (each sends `opening` first), then
// closed by the socket when its interval is over.
inline void flood_and_wait_until_closed(ht::attacked_router& server, std::string_view opening = {},
                                        int64_t connection_allowance = idle_connection_allowance) {
    const size_t heap_before = ht::heap_in_use();
    std::vector<std::unique_ptr<tt::raw_peer>> flood;
    // In waves, each accepted before the next, so that the listen backlog
    // never overflows (the kernel would then retry a connect after 1 s).
    for (int wave = 0; wave < flood_size / wave_size; ++wave) {
        for (int i = 0; i < wave_size; ++i) {
            flood.push_back(std::make_unique<tt::raw_peer>(server.endpoint()));
            if (!opening.empty())
                flood.back()->send(std::string(opening));
        }
        ASSERT_TRUE(count_events(server.events(), ZMQ_EVENT_ACCEPTED, wave_size));
        ASSERT_TRUE(server.serves_good_peer("during the flood"));
    }
    EXPECT_LT(ht::heap_growth_since(heap_before) / flood_size, connection_allowance);
    for (auto& client : flood)
        EXPECT_TRUE(client->closed_by_peer());
    EXPECT_TRUE(count_events(server.events(), ZMQ_EVENT_DISCONNECTED, flood_size));
    EXPECT_TRUE(server.serves_good_peer("after the flood"));
    server.settle();
}

// Two floods: the first may leave grown containers behind (hash buckets,
// queue chunks); the second must cost nothing more, or connections leak.
inline void flood_twice(ht::attacked_router& server, std::string_view opening = {},
                        int64_t connection_allowance = idle_connection_allowance) {
    flood_and_wait_until_closed(server, opening, connection_allowance);
    const size_t after_first = ht::heap_in_use();
    flood_and_wait_until_closed(server, opening, connection_allowance);
    EXPECT_LT(ht::heap_growth_since(after_first), leftover_allowance) << "closed connections left memory behind";
}

} // namespace ht
