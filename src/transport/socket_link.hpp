// What an I/O-side object knows of the socket it serves: where to send
// commands, what its connections must do for its type, and a snapshot of
// the options that shape a connection, taken when the socket binds or
// connects. The socket layer fills it in; the transports read it and never
// look at the socket type themselves.
#pragma once

#include "io/command.hpp"
#include "transport/event_sink.hpp"
#include "transport/tcp_address.hpp"
#include "transport/transport_options.hpp"
#include "zmtp/security_options.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <string>

namespace zmx {

class inproc_registry;
class tls_credentials;

// What speaks over a connection.
enum class engine_kind : uint8_t {
    zmtp,  // ZMTP: greeting, handshake, frames
    raw,   // the bytes as they come (the STREAM socket)
    udp,   // datagrams (RADIO, DISH, DGRAM over udp://)
};

// How a connection carries message groups (RADIO and DISH, RFC 48).
enum class group_role : uint8_t {
    none,
    radio,  // sends each message as a group frame then its body; takes JOIN/LEAVE
    dish,   // reads group frame then body as one message; sends JOIN/LEAVE
};

struct socket_link {
    std::shared_ptr<command_mailbox> mailbox;
    std::shared_ptr<event_sink> events;
    // --- what the socket type asks of its connections
    int type;                   // as ZMTP announces and checks it (zmtp/socket_type_table.hpp)
    engine_kind engine;
    bool announces_routing_id;  // our READY carries an Identity (a ROUTER peer may use it)
    bool conflate;              // pipes keep only the newest message (ZMQ_CONFLATE, where honoured)
    bool subscribes_zmtp1_peers;  // a ZMTP 1.0 peer filters for itself: it gets everything
    group_role groups;
    // --- options
    std::string routing_id;
    std::string connect_routing_id;  // ROUTER/STREAM: the id to give the peer we connect to
    int sndhwm;
    int rcvhwm;
    int64_t maxmsgsize;
    int reconnect_ivl;      // -1: never reconnect
    int reconnect_ivl_max;  // 0: no back-off
    int handshake_ivl;      // ms to finish the ZMTP handshake in; 0: no limit
    bool ipv6;
    bool immediate;         // connecting: a pipe only while connected
    int router_notify;      // ZMQ_NOTIFY_* bits: an empty message up the pipe when the peer comes or goes
    std::string hello_msg;       // sent first on each connection; empty: none
    std::string disconnect_msg;  // up the pipe when an accepted peer goes; empty: none
    std::map<std::string, std::string> metadata;  // our "X-" properties
    transport_options transport;
    zmtp::security_options security;
    std::shared_ptr<const tls_credentials> tls;  // wss://: the bind's or connect's; null otherwise
    inproc_registry* inproc = nullptr;  // the context's: where a ZAP handler is bound
    std::string endpoint;  // as the application named it (for disconnect)
    tcp_address udp_destination{};  // a udp RADIO's: where its datagrams go
    bool accepted = false;  // a listener's connection: endpoint is our end, not the peer's

    // A tcp connect that goes through the SOCKS5 proxy of ZMQ_SOCKS_PROXY.
    bool through_socks_proxy() const;
    // The remote end a connect's monitor events name: the endpoint, or
    // for one through a proxy "tcp://" and the proxy's address (libzmq's
    // naming: the connection it sees is to the proxy).
    std::string remote_endpoint_for_events() const;
};

} // namespace zmx
