#include "transport/peer_address.hpp"

#include "base/error.hpp"
#include "transport/ipc_address.hpp"
#include "transport/tcp_address.hpp"

namespace zmx {

int check_peer_address(const endpoint_uri& ep) {
    if (ep.protocol == "tcp")
        return check_connect_address(ep.address);
    socket_address unused;
    return resolve_ipc_address(ep.address, unused);
}

int resolve_peer_address(const endpoint_uri& ep, bool ipv6, peer_address& out) {
    if (ep.protocol != "tcp")
        return resolve_ipc_address(ep.address, out.destination);
    tcp_address destination, source;
    if (resolve_connect_address(ep.address, ipv6, destination, &source, out.has_source) < 0)
        return -1;
    out.destination = destination;
    out.source = source;
    return 0;
}

} // namespace zmx
