#include "xio/address.hpp"

#include "base/error.hpp"

#include <xio/socket.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string_view>

namespace zmx::xio {

namespace {

struct split_address {
    std::string_view scheme;     // before "://", without any "@interface"
    std::string_view interface;  // after '@', for tcp connects
    std::string_view rest;       // after "://"
};

int split(const char* text, split_address& out) {
    if (!text)
        return fail(EINVAL);
    const std::string_view all(text);
    const size_t sep = all.find("://");
    if (all.size() >= XSOCKADDRLEN || sep == std::string_view::npos || sep + 3 == all.size())
        return fail(EINVAL);
    std::string_view scheme = all.substr(0, sep);
    const size_t at = scheme.find('@');
    out.interface = at == std::string_view::npos ? std::string_view{} : scheme.substr(at + 1);
    out.scheme = scheme.substr(0, at);
    out.rest = all.substr(sep + 3);
    if (at != std::string_view::npos && out.interface.empty())
        return fail(EINVAL);
    return 0;
}

int transport_of(std::string_view scheme, transport_id& out) {
    if (scheme == "tcp")
        out = transport_tcp;
    else if (scheme == "ipc")
        out = transport_ipc;
    else if (scheme == "inproc")
        out = transport_inproc;
    else
        return fail(EPROTO);
    return 0;
}

// "host:port" with a port zmq accepts ("*" only when binding).
bool valid_host_port(std::string_view hp, bool binding) {
    const size_t colon = hp.rfind(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == hp.size())
        return false;
    const std::string_view port = hp.substr(colon + 1);
    if (port == "*")
        return binding;
    if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string_view::npos)
        return false;
    return std::atoi(std::string(port).c_str()) <= 65535;
}

int parse(const char* text, bool binding, address& out) {
    split_address parts;
    if (split(text, parts) < 0 || transport_of(parts.scheme, out.transport) < 0)
        return -1;
    if (!parts.interface.empty() && (binding || out.transport != transport_tcp))
        return fail(EINVAL);  // only a tcp connect chooses its interface
    if (out.transport == transport_tcp && !valid_host_port(parts.rest, binding))
        return fail(EINVAL);
    out.endpoint = std::string(parts.scheme) + "://";
    if (!parts.interface.empty())
        out.endpoint += std::string(parts.interface) + ";";
    out.endpoint += parts.rest;
    return 0;
}

} // namespace

int parse_listen_address(const char* text, address& out) { return parse(text, true, out); }

int parse_connect_address(const char* text, address& out) { return parse(text, false, out); }

int probe_listen_address(const address& a) {
    if (a.transport != transport_tcp)
        return 0;
    std::string hp = a.endpoint.substr(std::strlen("tcp://"));
    const size_t colon = hp.rfind(':');
    std::string host = hp.substr(0, colon);
    const std::string port = hp.substr(colon + 1);
    if (port == "*" || port == "0")
        return 0;  // any free port will do
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    sockaddr_storage ss{};
    socklen_t len;
    auto* v4 = reinterpret_cast<sockaddr_in*>(&ss);
    auto* v6 = reinterpret_cast<sockaddr_in6*>(&ss);
    const auto port_number = htons(static_cast<uint16_t>(std::atoi(port.c_str())));
    if (host == "*" || inet_pton(AF_INET, host.c_str(), &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = port_number;
        len = sizeof *v4;
    } else if (inet_pton(AF_INET6, host.c_str(), &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = port_number;
        len = sizeof *v6;
    } else {
        return 0;  // an interface name: zmq resolves it when binding
    }
    const int fd = ::socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);  // as zmq binds
    const int rc = ::bind(fd, reinterpret_cast<sockaddr*>(&ss), len);
    const int error = errno;
    ::close(fd);
    return rc == 0 ? 0 : fail(error);
}

} // namespace zmx::xio
