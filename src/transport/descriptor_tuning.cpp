#include "transport/descriptor_tuning.hpp"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace zmx {

namespace {

void set_int(int fd, int level, int name, int value) { ::setsockopt(fd, level, name, &value, sizeof value); }

void set_if_given(int fd, int level, int name, int value) {
    if (value != -1)
        set_int(fd, level, name, value);
}

int family_of(int fd) {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    return ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0 ? address.ss_family : AF_UNSPEC;
}

}  // namespace

void tune_before_connecting(int fd, const tcp_tuning& options) {
    set_if_given(fd, SOL_SOCKET, SO_SNDBUF, options.sndbuf);
    set_if_given(fd, SOL_SOCKET, SO_RCVBUF, options.rcvbuf);
    if (options.priority > 0)
        set_int(fd, SOL_SOCKET, SO_PRIORITY, options.priority);
    if (options.tos == 0)
        return;
    if (family_of(fd) == AF_INET6)
        set_int(fd, IPPROTO_IPV6, IPV6_TCLASS, options.tos);
    else
        set_int(fd, IPPROTO_IP, IP_TOS, options.tos);
}

int bind_to_device(int fd, const std::string& device) {
    if (device.empty())
        return 0;
    return ::setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, device.c_str(), static_cast<socklen_t>(device.size()));
}

void tune_connected_tcp(int fd, const tcp_tuning& options) {
    set_int(fd, IPPROTO_TCP, TCP_NODELAY, 1);
    set_if_given(fd, SOL_SOCKET, SO_KEEPALIVE, options.keepalive);
    if (options.keepalive == 1) {
        set_if_given(fd, IPPROTO_TCP, TCP_KEEPCNT, options.keepalive_cnt);
        set_if_given(fd, IPPROTO_TCP, TCP_KEEPIDLE, options.keepalive_idle);
        set_if_given(fd, IPPROTO_TCP, TCP_KEEPINTVL, options.keepalive_intvl);
    }
    if (options.maxrt > 0)
        set_int(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, options.maxrt);
    if (options.priority > 0)
        set_int(fd, SOL_SOCKET, SO_PRIORITY, options.priority);  // an accepted descriptor does not inherit it
}

} // namespace zmx
