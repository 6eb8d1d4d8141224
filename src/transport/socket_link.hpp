// What an I/O-side object knows of the socket it serves: where to send
// commands and a snapshot of the options that shape a connection, taken
// when the socket binds or connects.
#pragma once

#include "io/command.hpp"
#include "transport/transport_options.hpp"
#include "transport/event_sink.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <string>

namespace zmx {

struct socket_link {
    std::shared_ptr<socket_mailbox> mailbox;
    std::shared_ptr<event_sink> events;
    int type;
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
    std::map<std::string, std::string> metadata;  // our "X-" properties
    transport_options transport;
    std::string endpoint;  // as the application named it (for disconnect)
};

} // namespace zmx
