// ws endpoint addresses: "host:port/path" as libzmq takes them. The part
// before the first '/' is a tcp address (tcp_address.hpp: "*" and "*:*"
// bind, names connect); the path, "/" when none is given, is the resource
// the HTTP upgrade asks for.
//
// Threading: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace zmx {

struct ws_address {
    std::string host_port;  // "127.0.0.1:5555"
    std::string path;       // "/zmq"
};

// Splits an address: 0, or -1 with EINVAL when the tcp part is empty.
int split_ws_address(std::string_view address, ws_address& out);

// "ws" or "wss" (WebSocket over TLS).
bool is_websocket(std::string_view protocol);

// "ws://" or "wss://" for an endpoint of either, "" for any other.
std::string_view websocket_scheme(std::string_view endpoint);

// "ws://127.0.0.1:41234/path" from a tcp endpoint "tcp://127.0.0.1:41234"
// and the scheme "ws://" (or "wss://"), as libzmq names a ws listener and
// its connections.
std::string ws_endpoint_from_tcp(std::string_view scheme, std::string_view tcp_endpoint, std::string_view path);

// A ws or wss connect's endpoint as ZMQ_LAST_ENDPOINT shows it, with its
// path: "/" added when none was given, as libzmq shows it.
std::string ws_endpoint_with_path(std::string_view endpoint);

// Whether an endpoint's connections run over tcp (tcp://, ws:// and
// wss://): they get the tcp socket options and the connect timeout.
bool runs_over_tcp(std::string_view endpoint);

} // namespace zmx
