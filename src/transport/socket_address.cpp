#include "transport/socket_address.hpp"

#include "transport/tcp_address.hpp"

#include <arpa/inet.h>
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

std::string local_endpoint_of(int fd) {
    socket_address local;
    local.length = sizeof local.storage;
    return ::getsockname(fd, local.get(), &local.length) == 0 ? endpoint_of(local) : std::string();
}

std::string remote_endpoint_of(int fd) {
    socket_address remote;
    remote.length = sizeof remote.storage;
    return ::getpeername(fd, remote.get(), &remote.length) == 0 ? endpoint_of(remote) : std::string();
}

std::string peer_address_of(int fd) {
    socket_address peer;
    peer.length = sizeof peer.storage;
    if (::getpeername(fd, peer.get(), &peer.length) < 0)
        return {};
    if (peer.is_tcp()) {
        char text[INET6_ADDRSTRLEN] = {};
        const void* ip = peer.family() == AF_INET6
                             ? static_cast<const void*>(&reinterpret_cast<const sockaddr_in6*>(&peer.storage)->sin6_addr)
                             : static_cast<const void*>(&reinterpret_cast<const sockaddr_in*>(&peer.storage)->sin_addr);
        return ::inet_ntop(peer.family(), ip, text, sizeof text) ? text : "";
    }
    ucred credentials{};
    socklen_t size = sizeof credentials;
    if (::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &size) < 0)
        return {};
    return "localhost:" + std::to_string(credentials.uid) + ":" + std::to_string(credentials.gid) + ":" +
           std::to_string(credentials.pid);
}

} // namespace zmx
