#include "transport/endpoint_uri.hpp"

#include "base/error.hpp"

#include <array>
#include <string_view>

namespace zmx {

int endpoint_uri::parse(const char* text) {
    if (!text)
        return fail(EINVAL);
    const std::string_view uri(text);
    const size_t separator = uri.find("://");
    if (separator == std::string_view::npos)
        return fail(EINVAL);
    protocol = uri.substr(0, separator);
    address = uri.substr(separator + 3);
    if (protocol.empty() || address.empty())
        return fail(EINVAL);
    // The protocols zmx knows; the optional ones of libzmq (pgm, epgm, norm,
    // tipc, vmci) are not built, as zmq_has reports.
    static constexpr std::array<std::string_view, 6> offered{"inproc", "tcp", "ipc", "udp", "ws", "wss"};
    for (auto name : offered)
        if (protocol == name)
            return 0;
    return fail(EPROTONOSUPPORT);
}

} // namespace zmx
