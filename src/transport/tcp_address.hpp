// tcp endpoint addresses, in libzmq's forms:
//   bind:    "*:5555", "127.0.0.1:5555", "[::1]:5555", "eth0:5555", "*:*" (any port)
//   connect: "host:port", "[::1]:port", "source;destination" (source may
//            carry a port: "192.168.0.1:0;host:5555")
//
// Threading: pure functions; resolve() may block on DNS for a connect.
#pragma once

#include "transport/socket_address.hpp"

#include <netinet/in.h>

#include <string>

namespace zmx {

struct tcp_address : socket_address {
    int port() const;
    // "127.0.0.1:5555" or "[::1]:5555", as LAST_ENDPOINT shows it.
    std::string to_string() const;
};

// Resolves a bind address: 0, or -1 with EINVAL (malformed, bad port) or
// ENODEV (neither an IP literal, "*", nor a local interface name). A port
// above 65535 is EINVAL (libzmq silently truncates it).
int resolve_bind_address(const std::string& address, bool ipv6, tcp_address& out);

// Checks a connect address's form without looking names up, as zmq_connect
// does: 0, or -1 with EINVAL.
int check_connect_address(const std::string& address);

// Resolves a connect address: the destination, and the optional source.
// 0, or -1 with EINVAL (malformed, bad or wildcard port) or EHOSTUNREACH
// (name not found). Names are looked up here, so the connecter calls it
// (libzmq's zmq_connect accepts a name it cannot resolve yet, and retries).
int resolve_connect_address(const std::string& address, bool ipv6, tcp_address& destination,
                            tcp_address* source, bool& has_source);

// A connect address's destination as written, not looked up: the host
// (an IPv6 literal without its brackets) and a port of 1-65535, what a
// SOCKS5 proxy is asked to connect to. 0, or -1 with EINVAL.
int split_connect_destination(const std::string& address, std::string& host, int& port);

} // namespace zmx
