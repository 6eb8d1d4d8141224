#include "transport/socket_link.hpp"

namespace zmx {

bool socket_link::through_socks_proxy() const {
    // As in libzmq: tcp only (not ws), and only where we connect.
    return !accepted && !transport.socks.address.empty() && endpoint.starts_with("tcp://");
}

std::string socket_link::remote_endpoint_for_events() const {
    return through_socks_proxy() ? "tcp://" + transport.socks.address : endpoint;
}

} // namespace zmx
