// A socket address of any family the stream transports use (AF_INET,
// AF_INET6, AF_UNIX), as bind(2) and connect(2) take it.
#pragma once

#include <sys/socket.h>

#include <string>

namespace zmx {

struct socket_address {
    sockaddr_storage storage{};
    socklen_t length = 0;

    const sockaddr* get() const { return reinterpret_cast<const sockaddr*>(&storage); }
    sockaddr* get() { return reinterpret_cast<sockaddr*>(&storage); }
    int family() const { return storage.ss_family; }
    bool is_tcp() const { return family() == AF_INET || family() == AF_INET6; }
};

// The endpoint an address names, as LAST_ENDPOINT shows it:
// "tcp://127.0.0.1:5555", "tcp://[::1]:5555", "ipc:///tmp/x", "ipc://@name".
std::string endpoint_of(const socket_address& address);

// The endpoints of a connected descriptor's two ends, as monitor events
// name them; "" when the system cannot tell.
std::string local_endpoint_of(int fd);
std::string remote_endpoint_of(int fd);

// The "Peer-Address" property of a connection, as libzmq gives it: the
// peer's IP for tcp ("127.0.0.1", "::1"), "localhost:uid:gid:pid" from the
// peer's credentials for ipc; "" when unknown.
std::string peer_address_of(int fd);

} // namespace zmx
