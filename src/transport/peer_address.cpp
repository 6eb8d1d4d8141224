#include "transport/peer_address.hpp"

#include "base/error.hpp"
#include "transport/ipc_address.hpp"
#include "transport/tcp_address.hpp"
#include "transport/ws_address.hpp"

namespace zmx {

namespace {

// The tcp part of a tcp, ws or wss address ("host:port" of "host:port/path").
int tcp_part(const endpoint_uri& ep, std::string& out) {
    ws_address ws{ep.address, {}};
    if (is_websocket(ep.protocol) && split_ws_address(ep.address, ws) < 0)
        return -1;
    out = std::move(ws.host_port);
    return 0;
}

}  // namespace

int check_peer_address(const endpoint_uri& ep) {
    std::string tcp;
    if (ep.protocol == "tcp" || is_websocket(ep.protocol))
        return tcp_part(ep, tcp) < 0 ? -1 : check_connect_address(tcp);
    socket_address unused;
    return resolve_ipc_address(ep.address, unused);
}

int resolve_peer_address(const endpoint_uri& ep, bool ipv6, peer_address& out) {
    if (ep.protocol != "tcp" && !is_websocket(ep.protocol))
        return resolve_ipc_address(ep.address, out.destination);
    std::string tcp;
    tcp_address destination, source;
    if (tcp_part(ep, tcp) < 0 || resolve_connect_address(tcp, ipv6, destination, &source, out.has_source) < 0)
        return -1;
    out.destination = destination;
    out.source = source;
    return 0;
}

} // namespace zmx
