#include "transport/udp_socket.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace zmx {

namespace {

int new_datagram_socket(int family) {
    return ::socket(family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
}

// Closes fd keeping the errno that made us give up: -1.
int give_up(int fd) {
    const int error = errno;
    ::close(fd);
    errno = error;
    return -1;
}

int set_flag(int fd, int level, int option, int value) {
    return setsockopt(fd, level, option, &value, sizeof value);
}

int join_group(int fd, const udp_address& a) {
    if (a.target.family() == AF_INET) {
        ip_mreq request{};
        request.imr_multiaddr = reinterpret_cast<const sockaddr_in*>(&a.target.storage)->sin_addr;
        request.imr_interface = reinterpret_cast<const sockaddr_in*>(&a.interface.storage)->sin_addr;
        return setsockopt(fd, IPPROTO_IP, IP_ADD_MEMBERSHIP, &request, sizeof request);
    }
    ipv6_mreq request{};
    request.ipv6mr_multiaddr = reinterpret_cast<const sockaddr_in6*>(&a.target.storage)->sin6_addr;
    request.ipv6mr_interface = a.interface_index;
    return setsockopt(fd, IPPROTO_IPV6, IPV6_JOIN_GROUP, &request, sizeof request);
}

// The sending side of multicast: which interface, how far, and whether
// members on this machine hear it (ZMQ_MULTICAST_LOOP).
int set_multicast_sending(int fd, const udp_address& a, int hops, bool loop) {
    if (a.target.family() == AF_INET) {
        const in_addr from = reinterpret_cast<const sockaddr_in*>(&a.interface.storage)->sin_addr;
        if (setsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, &from, sizeof from) < 0)
            return -1;
        return set_flag(fd, IPPROTO_IP, IP_MULTICAST_TTL, hops) < 0 ? -1
                                                                   : set_flag(fd, IPPROTO_IP, IP_MULTICAST_LOOP, loop);
    }
    const unsigned index = a.interface_index;
    if (index != 0 && setsockopt(fd, IPPROTO_IPV6, IPV6_MULTICAST_IF, &index, sizeof index) < 0)
        return -1;
    return set_flag(fd, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, hops) < 0
               ? -1
               : set_flag(fd, IPPROTO_IPV6, IPV6_MULTICAST_LOOP, loop);
}

}  // namespace

int open_udp_receiver(const udp_address& a) {
    const int fd = new_datagram_socket(a.target.family());
    if (fd < 0)
        return -1;
    if (set_flag(fd, SOL_SOCKET, SO_REUSEADDR, 1) < 0)
        return give_up(fd);
    tcp_address local = a.target;
    if (a.multicast) {
        // Every member on this machine hears the group: several may share
        // the port, each bound to any address and joined to the group.
        if (set_flag(fd, SOL_SOCKET, SO_REUSEPORT, 1) < 0)
            return give_up(fd);
        if (a.target.family() == AF_INET)
            reinterpret_cast<sockaddr_in*>(&local.storage)->sin_addr.s_addr = htonl(INADDR_ANY);
        else
            reinterpret_cast<sockaddr_in6*>(&local.storage)->sin6_addr = in6addr_any;
    }
    if (::bind(fd, local.get(), local.length) < 0)
        return give_up(fd);
    if (a.multicast && join_group(fd, a) < 0)
        return give_up(fd);
    return fd;
}

int open_udp_sender(const udp_address& a, int multicast_hops, bool multicast_loop) {
    const int fd = new_datagram_socket(a.target.family());
    if (fd < 0)
        return -1;
    if (a.multicast && set_multicast_sending(fd, a, multicast_hops, multicast_loop) < 0)
        return give_up(fd);
    return fd;
}

std::string udp_endpoint_of(int fd, const udp_address& a) {
    tcp_address bound;
    bound.length = sizeof bound.storage;
    if (a.multicast || getsockname(fd, bound.get(), &bound.length) < 0)
        bound = a.target;
    return "udp://" + bound.to_string();
}

} // namespace zmx
