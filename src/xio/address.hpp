// xio's address forms, as zmq endpoint strings. xio and zmq agree on
// tcp://host:port, ipc://path and inproc://name; xio's
// tcp@interface://host:port (connect from a chosen interface) is zmq's
// tcp://interface;host:port.
#pragma once

#include <string>

namespace zmx::xio {

// XSO_SOCKPROTO's values.
enum transport_id { transport_inproc = 1, transport_tcp = 2, transport_ipc = 3 };

struct address {
    transport_id transport;
    std::string endpoint;  // for zmq_bind or zmq_connect
};

// 0, or -1 with EINVAL (malformed, too long) or EPROTO (unknown transport).
int parse_listen_address(const char* text, address& out);
int parse_connect_address(const char* text, address& out);

// A tcp address that zmq would bind is free to bind now: 0, or -1 with the
// errno bind(2) gave (EADDRINUSE, EADDRNOTAVAIL, ...). Hosts that are not
// numeric (interface names) and other transports are not probed.
int probe_listen_address(const address& a);

} // namespace zmx::xio
