#include "side_figures.hpp"

namespace zmx_broker {

namespace {

using s = struct zmx_socket_stats;

constexpr const char* dropped_help = "Messages dropped, by reason (hwm, unroutable, conflated, oversize, peer_lost).";

const side_figure figures[] = {
    {&s::msgs_sent, "sent", "messages", "zmx_messages_sent_total", "", true, "Messages the socket sent to its peers."},
    {&s::bytes_sent, "sent", "bytes", "zmx_bytes_sent_total", "", true, "Bytes of the messages sent."},
    {&s::msgs_received, "received", "messages", "zmx_messages_received_total", "", true,
     "Messages the socket received from its peers."},
    {&s::bytes_received, "received", "bytes", "zmx_bytes_received_total", "", true, "Bytes of the messages received."},
    {&s::dropped_hwm, "dropped", "hwm", "zmx_messages_dropped_total", "reason=\"hwm\"", true, dropped_help},
    {&s::dropped_unroutable, "dropped", "unroutable", "zmx_messages_dropped_total", "reason=\"unroutable\"", true,
     dropped_help},
    {&s::dropped_conflated, "dropped", "conflated", "zmx_messages_dropped_total", "reason=\"conflated\"", true,
     dropped_help},
    {&s::dropped_oversize, "dropped", "oversize", "zmx_messages_dropped_total", "reason=\"oversize\"", true,
     dropped_help},
    {&s::dropped_peer_lost, "dropped", "peer_lost", "zmx_messages_dropped_total", "reason=\"peer_lost\"", true,
     dropped_help},
    {&s::queued_out, "queued", "out", "zmx_queued_messages", "direction=\"out\"", false,
     "Messages queued now between the socket and its peers."},
    {&s::queued_in, "queued", "in", "zmx_queued_messages", "direction=\"in\"", false,
     "Messages queued now between the socket and its peers."},
    {&s::peers_now, nullptr, "peers_now", "zmx_peers", "", false, "Peers connected (or being connected to) now."},
    {&s::peers_total, nullptr, "peers_total", "zmx_peers_connected_total", "", true, "Peers connected ever."},
    {&s::reconnects, nullptr, "reconnects", "zmx_reconnects_total", "", true, "Connection attempts retried."},
    {&s::handshake_failures, nullptr, "handshake_failures", "zmx_handshake_failures_total", "", true,
     "ZMTP handshakes that failed."},
};

}  // namespace

std::span<const side_figure> side_figures_shown() { return figures; }

}  // namespace zmx_broker
