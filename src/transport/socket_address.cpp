#include "transport/socket_address.hpp"

#include "transport/tcp_address.hpp"

#include <sys/un.h>

#include <cstddef>
#include <cstring>

namespace zmx {

std::string endpoint_of(const socket_address& address) {
    if (address.is_tcp()) {
        tcp_address tcp;
        static_cast<socket_address&>(tcp) = address;
        return "tcp://" + tcp.to_string();
    }
    const auto* un = reinterpret_cast<const sockaddr_un*>(&address.storage);
    const size_t offset = offsetof(sockaddr_un, sun_path);
    if (address.length <= offset)
        return "ipc://";
    if (un->sun_path[0] == '\0')  // abstract: the name runs to the length given
        return "ipc://@" + std::string(un->sun_path + 1, address.length - offset - 1);
    return std::string("ipc://") + un->sun_path;
}

} // namespace zmx
