// What a socket counts beyond what its pipes count: drops decided by its
// type, peers come and gone, and the traffic of pipes already gone, so
// zmx_socket_stats keeps counting after a peer leaves.
//
// Threading: the socket's thread (under its lock for a thread-safe type).
#pragma once

#include "io/pipe.hpp"
#include "socket/drop_tracker.hpp"

#include <cstdint>

namespace zmx {

struct socket_counters {
    explicit socket_counters(socket_monitor& monitor) : hwm_drops(monitor) {}

    // A pipe leaves the socket: keep what it carried, and count what it
    // still held for a peer that went.
    void retire(const pipe& p) {
        const pipe::traffic_counts t = p.traffic();
        retired.msgs_written += t.msgs_written;
        retired.bytes_written += t.bytes_written;
        retired.msgs_read += t.msgs_read;
        retired.bytes_read += t.bytes_read;
        retired_conflated += p.conflated();
        peer_lost += p.unread_by_gone_peer();
    }

    drop_tracker hwm_drops;
    uint64_t unroutable = 0;
    uint64_t peer_lost = 0;
    uint64_t peers_total = 0;
    pipe::traffic_counts retired{};
    uint64_t retired_conflated = 0;
};

} // namespace zmx
