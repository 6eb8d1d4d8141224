#include "transport/ws_address.hpp"

#include "base/error.hpp"

#include <cerrno>

namespace zmx {

int split_ws_address(std::string_view address, ws_address& out) {
    const size_t slash = address.find('/');
    out.host_port = std::string(address.substr(0, slash));
    out.path = slash == std::string_view::npos ? "/" : std::string(address.substr(slash));
    return out.host_port.empty() ? fail(EINVAL) : 0;
}

std::string ws_endpoint_from_tcp(std::string_view tcp_endpoint, std::string_view path) {
    constexpr std::string_view tcp_scheme = "tcp://";
    if (tcp_endpoint.starts_with(tcp_scheme))
        tcp_endpoint.remove_prefix(tcp_scheme.size());
    return "ws://" + std::string(tcp_endpoint) + std::string(path);
}

bool runs_over_tcp(std::string_view endpoint) { return endpoint.starts_with("tcp://") || endpoint.starts_with("ws://"); }

} // namespace zmx
