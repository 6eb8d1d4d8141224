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

bool is_websocket(std::string_view protocol) { return protocol == "ws" || protocol == "wss"; }

std::string_view websocket_scheme(std::string_view endpoint) {
    for (std::string_view scheme : {"ws://", "wss://"})
        if (endpoint.starts_with(scheme))
            return scheme;
    return {};
}

std::string ws_endpoint_from_tcp(std::string_view scheme, std::string_view tcp_endpoint, std::string_view path) {
    constexpr std::string_view tcp_scheme = "tcp://";
    if (tcp_endpoint.starts_with(tcp_scheme))
        tcp_endpoint.remove_prefix(tcp_scheme.size());
    return std::string(scheme) + std::string(tcp_endpoint) + std::string(path);
}

std::string ws_endpoint_with_path(std::string_view endpoint) {
    const bool has_path = endpoint.find('/', websocket_scheme(endpoint).size()) != std::string_view::npos;
    return std::string(endpoint) + (has_path ? "" : "/");
}

bool runs_over_tcp(std::string_view endpoint) {
    return endpoint.starts_with("tcp://") || !websocket_scheme(endpoint).empty();
}

} // namespace zmx
