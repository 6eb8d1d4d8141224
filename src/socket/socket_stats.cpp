// zmx_socket_stats and zmx_peer_stats (include/zmx.h): the socket's own
// counters, its pipes' and those of the pipes already gone, and the
// monitor's counts of connection events.
#include "socket/monitor.hpp"
#include "socket/socket_base.hpp"

#include "base/error.hpp"

#include <zmx.h>

#include <algorithm>
#include <cstring>

namespace zmx {

namespace {

// Copies text into a fixed field, cut to fit, always NUL-terminated.
template <size_t N>
void put_text(char (&field)[N], const std::string& text) {
    const size_t n = std::min(text.size(), N - 1);
    std::memcpy(field, text.data(), n);
    field[n] = '\0';
}

}  // namespace

int socket_base::stats(struct zmx_socket_stats& out) {
    const auto lock = enter();
    if (const int error = refusal())
        return fail(error);
    // Peers come and go through the mailbox: as ZMQ_EVENTS does, look first.
    if (mailbox_->pending() && process_commands(0) < 0)
        return -1;
    pipe::traffic_counts t = counters_.retired;
    uint64_t conflated = counters_.retired_conflated;
    uint64_t lost = counters_.peer_lost;
    for (const auto& p : pipes_) {
        const pipe::traffic_counts now = p->traffic();
        t.msgs_written += now.msgs_written;
        t.bytes_written += now.bytes_written;
        t.msgs_read += now.msgs_read;
        t.bytes_read += now.bytes_read;
        conflated += p->conflated();
        lost += p->unread_by_gone_peer();  // gone, its pipe not yet reaped
        const pipe::queue_counts q = p->queued();
        out.queued_out += q.outbound;
        out.queued_in += q.inbound;
    }
    const socket_monitor::connection_counts events = monitor_->counts();
    out.msgs_sent = t.msgs_written;
    out.bytes_sent = t.bytes_written;
    out.msgs_received = t.msgs_read;
    out.bytes_received = t.bytes_read;
    out.dropped_hwm = counters_.hwm_drops.total();
    out.dropped_unroutable = counters_.unroutable;
    // Only a socket that conflates drops so (an inproc peer's pipe is shared).
    out.dropped_conflated = conflates() ? conflated : 0;
    out.dropped_oversize = events.oversize;
    out.dropped_peer_lost = lost;
    out.peers_now = pipes_.size();
    out.peers_total = counters_.peers_total;
    out.reconnects = events.reconnects;
    out.handshake_failures = events.handshake_failures;
    return 0;
}

int socket_base::peer_stats(size_t index, struct zmx_peer_stats& out) {
    const auto lock = enter();
    if (const int error = refusal())
        return fail(error);
    // Peers come and go through the mailbox: as ZMQ_EVENTS does, look first.
    if (mailbox_->pending() && process_commands(0) < 0)
        return -1;
    if (index < pipes_.size()) {
        const pipe& p = *pipes_[index];
        const pipe::traffic_counts t = p.traffic();
        const pipe::queue_counts q = p.queued();
        out.msgs_sent = t.msgs_written;
        out.bytes_sent = t.bytes_written;
        out.msgs_received = t.msgs_read;
        out.bytes_received = t.bytes_read;
        out.queued_out = q.outbound;
        out.queued_in = q.inbound;
        out.dropped_conflated = conflates() ? p.conflated() : 0;
        const std::string& id = p.peer_routing_id();
        out.routing_id_size = std::min(id.size(), sizeof out.routing_id);
        std::memcpy(out.routing_id, id.data(), out.routing_id_size);
        const endpoint_pair ends = p.connection_ends();
        put_text(out.local_address, ends.local);
        put_text(out.remote_address, ends.remote);
        put_text(out.endpoint, p.endpoint());
    }
    return static_cast<int>(pipes_.size());
}

} // namespace zmx
