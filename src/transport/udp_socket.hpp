// Opens the datagram socket of a udp endpoint, as libzmq 4.3.4 sets it up:
// a DISH's or DGRAM's bound (to any address and the port, joining the
// group on the interface, for a multicast address); a RADIO's unbound and
// unconnected (its engine sends each datagram to the destination: the
// kernel refuses to connect to a link-local IPv6 group when no interface
// is named, but sends to it), sending multicast from the named interface
// with ZMQ_MULTICAST_HOPS as its TTL, looped back to this machine's
// members unless ZMQ_MULTICAST_LOOP is 0.
//
// Threading: pure functions.
#pragma once

#include "transport/udp_address.hpp"

#include <string>

namespace zmx {

// A non-blocking descriptor, or -1 with errno (EADDRINUSE, ENODEV, ...).
int open_udp_receiver(const udp_address& address);
int open_udp_sender(const udp_address& address, int multicast_hops, bool multicast_loop);

// What LAST_ENDPOINT shows of a bound udp descriptor: the port the system
// gave (for "*"), the group for a multicast address.
std::string udp_endpoint_of(int fd, const udp_address& address);

} // namespace zmx
