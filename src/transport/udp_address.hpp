// udp endpoint addresses, in libzmq 4.3.4's forms (zmq_udp(7)):
//   bind (DISH, DGRAM):  "*:5555", "127.0.0.1:5555", "eth0:5555",
//                        "239.0.0.1:5555" (joins the group on any interface),
//                        "eth0;239.0.0.1:5555" (joins it on that interface)
//   connect (RADIO):     "host:5555", "239.0.0.1:5555",
//                        "wlan0;239.0.0.1:5555" (sends from that interface)
// An interface ("IFACE;") may only come before a multicast address, and is
// a name, "*" or a unicast address of this machine. A name stands for the
// interface's first address of the family ZMQ_IPV6 picks (IPv6 with it,
// else IPv4), which must be the group's.
//
// Threading: pure functions; a connect address may be looked up in DNS.
#pragma once

#include "transport/tcp_address.hpp"

#include <string>

namespace zmx {

struct udp_address {
    tcp_address target;     // bind: the local address (unicast) or group; connect: the destination
    bool multicast = false;
    tcp_address interface;  // multicast: the interface's address (any when none was named)
    unsigned interface_index = 0;  // multicast over IPv6: the named interface's index
};

// 0, or -1 with EINVAL (malformed, an interface before a unicast address, a
// multicast interface, a connect's name not found) or ENODEV (no such
// interface, or none with an address of the group's family).
int resolve_udp_address(const std::string& address, bool bind, bool ipv6, udp_address& out);

} // namespace zmx
