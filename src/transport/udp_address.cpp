#include "transport/udp_address.hpp"

#include "base/error.hpp"

#include <net/if.h>
#include <netinet/in.h>

namespace zmx {

namespace {

bool is_multicast(const tcp_address& a) {
    if (a.family() == AF_INET)
        return IN_MULTICAST(ntohl(reinterpret_cast<const sockaddr_in*>(&a.storage)->sin_addr.s_addr));
    return a.family() == AF_INET6 && IN6_IS_ADDR_MULTICAST(&reinterpret_cast<const sockaddr_in6*>(&a.storage)->sin6_addr);
}

int resolve_interface(const std::string& name, bool ipv6, udp_address& out) {
    if (resolve_bind_address(name + ":0", ipv6, out.interface) < 0)
        return -1;
    if (is_multicast(out.interface))
        return fail(EINVAL);  // a group is no interface to send or join from
    out.interface_index = name == "*" ? 0 : if_nametoindex(name.c_str());
    return 0;
}

}  // namespace

int resolve_udp_address(const std::string& address, bool bind, bool ipv6, udp_address& out) {
    const size_t semicolon = address.rfind(';');
    const bool has_interface = semicolon != std::string::npos;
    if (has_interface && resolve_interface(address.substr(0, semicolon), ipv6, out) < 0)
        return -1;
    const std::string target = has_interface ? address.substr(semicolon + 1) : address;
    bool has_source = false;
    if (bind ? resolve_bind_address(target, ipv6, out.target) < 0
             : resolve_connect_address(target, ipv6, out.target, nullptr, has_source) < 0)
        return bind ? -1 : fail(EINVAL);  // a RADIO's name not found is EINVAL to libzmq
    out.multicast = is_multicast(out.target);
    if (has_interface && (!out.multicast || out.interface.family() != out.target.family()))
        return fail(EINVAL);
    if (!has_interface && out.multicast && resolve_interface("*", out.target.family() == AF_INET6, out) < 0)
        return -1;
    return 0;
}

} // namespace zmx
