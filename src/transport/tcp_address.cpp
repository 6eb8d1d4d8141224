#include "transport/tcp_address.hpp"

#include "base/error.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netdb.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <string_view>

namespace zmx {

namespace {

struct host_port {
    std::string host;
    int port;  // -1 for "*"
};

// Splits "host:port" / "[v6]:port"; the port is 0-65535 or "*".
int split(const std::string& address, host_port& out) {
    const size_t colon = address.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == address.size())
        return fail(EINVAL);
    std::string host = address.substr(0, colon);
    const std::string port = address.substr(colon + 1);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    if (host.empty())
        return fail(EINVAL);
    if (port == "*") {
        out = {host, -1};
        return 0;
    }
    int value = -1;
    const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (error != std::errc() || end != port.data() + port.size() || value < 0 || value > 65535)
        return fail(EINVAL);
    out = {host, value};
    return 0;
}

void set_port(tcp_address& a, int port) {
    const uint16_t net = htons(static_cast<uint16_t>(port < 0 ? 0 : port));
    if (a.storage.ss_family == AF_INET6)
        reinterpret_cast<sockaddr_in6*>(&a.storage)->sin6_port = net;
    else
        reinterpret_cast<sockaddr_in*>(&a.storage)->sin_port = net;
}

// The interface a zone names: "eth0", or its index ("2"); 0 for none.
unsigned zone_index(const std::string& zone) {
    if (const unsigned index = if_nametoindex(zone.c_str()); index != 0)
        return index;
    unsigned number = 0;
    const auto [end, error] = std::from_chars(zone.data(), zone.data() + zone.size(), number);
    char name[IF_NAMESIZE];
    const bool whole = error == std::errc() && end == zone.data() + zone.size();
    return whole && if_indextoname(number, name) ? number : 0;
}

// An IPv6 literal with the zone a link-local address needs ("fe80::1%eth0").
bool from_zoned_literal(const std::string& host, tcp_address& out) {
    const size_t percent = host.find('%');
    auto* v6 = reinterpret_cast<sockaddr_in6*>(&out.storage);
    if (percent == std::string::npos || inet_pton(AF_INET6, host.substr(0, percent).c_str(), &v6->sin6_addr) != 1)
        return false;
    v6->sin6_scope_id = zone_index(host.substr(percent + 1));
    v6->sin6_family = AF_INET6;
    out.length = sizeof(sockaddr_in6);
    return v6->sin6_scope_id != 0;
}

// An IPv4 or (when allowed) IPv6 literal.
bool from_literal(const std::string& host, bool ipv6, tcp_address& out) {
    auto* v4 = reinterpret_cast<sockaddr_in*>(&out.storage);
    if (inet_pton(AF_INET, host.c_str(), &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        out.length = sizeof(sockaddr_in);
        return true;
    }
    auto* v6 = reinterpret_cast<sockaddr_in6*>(&out.storage);
    if (ipv6 && inet_pton(AF_INET6, host.c_str(), &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        out.length = sizeof(sockaddr_in6);
        return true;
    }
    return ipv6 && from_zoned_literal(host, out);
}

// The first address of a local interface named host, of one family as
// libzmq takes it: IPv6 with ZMQ_IPV6, else IPv4 ("lo" is then ::1, and an
// interface without an address of that family is none).
bool from_interface(const std::string& host, bool ipv6, tcp_address& out) {
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0)
        return false;
    bool found = false;
    for (ifaddrs* i = list; i && !found; i = i->ifa_next) {
        if (!i->ifa_addr || host != i->ifa_name)
            continue;
        const int family = i->ifa_addr->sa_family;
        if (family == (ipv6 ? AF_INET6 : AF_INET)) {
            out.length = family == AF_INET ? sizeof(sockaddr_in) : sizeof(sockaddr_in6);
            std::memcpy(&out.storage, i->ifa_addr, out.length);
            found = true;
        }
    }
    freeifaddrs(list);
    return found;
}

// The characters libzmq's zmq_connect lets through before it looks at a
// tcp address: a letter, digit, '[' or ':' first, then only those, '.',
// '-', '%', ';', ']', '_' and '*' (no space, no '/').
bool has_connect_characters(std::string_view address) {
    const auto allowed = [](char c, std::string_view punctuation) {
        return std::isalnum(static_cast<unsigned char>(c)) || punctuation.find(c) != std::string_view::npos;
    };
    return !address.empty() && allowed(address.front(), "[:") &&
           std::all_of(address.begin(), address.end(), [&](char c) { return allowed(c, "[]:.-%;_*"); });
}

// "%eth0" for a link-local address's zone, as libzmq shows it; "" for none.
std::string zone_text(unsigned index) {
    char name[IF_NAMESIZE];
    if (index == 0)
        return {};
    return "%" + (if_indextoname(index, name) ? std::string(name) : std::to_string(index));
}

void any_address(bool ipv6, tcp_address& out) {
    if (ipv6) {
        auto* v6 = reinterpret_cast<sockaddr_in6*>(&out.storage);
        v6->sin6_family = AF_INET6;
        v6->sin6_addr = in6addr_any;
        out.length = sizeof(sockaddr_in6);
    } else {
        auto* v4 = reinterpret_cast<sockaddr_in*>(&out.storage);
        v4->sin_family = AF_INET;
        v4->sin_addr.s_addr = htonl(INADDR_ANY);
        out.length = sizeof(sockaddr_in);
    }
}

int resolve_name(const std::string& host, bool ipv6, tcp_address& out) {
    addrinfo hints{};
    hints.ai_family = ipv6 ? AF_UNSPEC : AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (getaddrinfo(host.c_str(), nullptr, &hints, &found) != 0 || !found)
        return fail(EHOSTUNREACH);
    std::memcpy(&out.storage, found->ai_addr, found->ai_addrlen);
    out.length = found->ai_addrlen;
    freeaddrinfo(found);
    return 0;
}

}  // namespace

int tcp_address::port() const {
    if (storage.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6*>(&storage)->sin6_port);
    return ntohs(reinterpret_cast<const sockaddr_in*>(&storage)->sin_port);
}

std::string tcp_address::to_string() const {
    char text[INET6_ADDRSTRLEN] = {};
    if (storage.ss_family == AF_INET6) {
        const auto& v6 = reinterpret_cast<const sockaddr_in6&>(storage);
        inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
        return "[" + std::string(text) + zone_text(v6.sin6_scope_id) + "]:" + std::to_string(port());
    }
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(&storage)->sin_addr, text, sizeof text);
    return std::string(text) + ":" + std::to_string(port());
}

int resolve_bind_address(const std::string& address, bool ipv6, tcp_address& out) {
    host_port hp;
    if (split(address, hp) < 0)
        return -1;
    out = {};
    if (hp.host == "*")
        any_address(ipv6, out);
    else if (!from_literal(hp.host, ipv6, out) && !from_interface(hp.host, ipv6, out))
        return fail(address.find_first_of("%;") == std::string::npos ? ENODEV : EINVAL);  // a zone or source: no interface
    set_port(out, hp.port);
    return 0;
}

int check_connect_address(const std::string& address) {
    const size_t semicolon = address.find(';');
    host_port hp;
    if (split(semicolon == std::string::npos ? address : address.substr(semicolon + 1), hp) < 0)
        return -1;
    if (hp.port < 0 || !has_connect_characters(address))
        return fail(EINVAL);
    return 0;
}

int split_connect_destination(const std::string& address, std::string& host, int& port) {
    const size_t semicolon = address.find(';');
    host_port hp;
    if (split(semicolon == std::string::npos ? address : address.substr(semicolon + 1), hp) < 0)
        return -1;
    if (hp.port <= 0)
        return fail(EINVAL);
    host = std::move(hp.host);
    port = hp.port;
    return 0;
}

int resolve_connect_address(const std::string& address, bool ipv6, tcp_address& destination,
                            tcp_address* source, bool& has_source) {
    std::string target = address;
    has_source = false;
    const size_t semicolon = address.find(';');
    if (semicolon != std::string::npos) {
        std::string from = address.substr(0, semicolon);
        target = address.substr(semicolon + 1);
        // The source may omit its port: any port is then used.
        if (from.find(':') == std::string::npos || (from.front() == '[' && from.back() == ']'))
            from += ":0";
        if (!source || resolve_bind_address(from, ipv6, *source) < 0)
            return fail(EINVAL);
        has_source = true;
    }
    host_port hp;
    if (split(target, hp) < 0)
        return -1;
    if (hp.port < 0)
        return fail(EINVAL);  // "*" is for binding
    destination = {};
    if (!from_literal(hp.host, ipv6, destination) && resolve_name(hp.host, ipv6, destination) < 0)
        return -1;
    set_port(destination, hp.port);
    return 0;
}

} // namespace zmx
