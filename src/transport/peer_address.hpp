// Where a connecting session connects: the destination of a tcp or ipc
// endpoint, and for tcp an optional source address ("src;dst").
//
// Threading: pure functions; resolving may block on DNS (I/O thread).
#pragma once

#include "transport/endpoint_uri.hpp"
#include "transport/socket_address.hpp"

namespace zmx {

struct peer_address {
    socket_address destination;
    socket_address source;
    bool has_source = false;
};

// What zmq_connect checks before anything is started: 0, or -1 with EINVAL
// (or ENAMETOOLONG for an ipc path). Names are not looked up yet.
int check_peer_address(const endpoint_uri& ep);

// Resolves the endpoint now: 0, or -1 with errno.
int resolve_peer_address(const endpoint_uri& ep, bool ipv6, peer_address& out);

} // namespace zmx
