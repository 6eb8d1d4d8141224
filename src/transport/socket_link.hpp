// What an I/O-side object knows of the socket it serves: where to send
// commands and a snapshot of the options that shape a connection, taken
// when the socket binds or connects.
#pragma once

#include "io/command.hpp"

#include <cstdint>
#include <memory>
#include <string>

namespace zmx {

struct socket_link {
    std::shared_ptr<socket_mailbox> mailbox;
    int type;
    std::string routing_id;
    int sndhwm;
    int rcvhwm;
    int64_t maxmsgsize;
    int reconnect_ivl;
    bool ipv6;
    std::string endpoint;  // as the application named it (for disconnect)
};

} // namespace zmx
