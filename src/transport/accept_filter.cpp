#include "transport/accept_filter.hpp"

#include "base/error.hpp"

#include <arpa/inet.h>
#include <grp.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pwd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <string>

namespace zmx {

namespace {

int parse_numeric_address(const std::string& text, bool ipv6, ip_mask& out) {
    addrinfo hints{};
    hints.ai_family = ipv6 ? AF_UNSPEC : AF_INET;
    hints.ai_flags = AI_NUMERICHOST;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (::getaddrinfo(text.c_str(), nullptr, &hints, &found) != 0 || !found)
        return fail(EINVAL);
    out.family = found->ai_family;
    if (out.family == AF_INET) {
        const auto* v4 = reinterpret_cast<const sockaddr_in*>(found->ai_addr);
        std::memcpy(out.bytes.data(), &v4->sin_addr, 4);
    } else {
        const auto* v6 = reinterpret_cast<const sockaddr_in6*>(found->ai_addr);
        std::memcpy(out.bytes.data(), &v6->sin6_addr, 16);
    }
    ::freeaddrinfo(found);
    return 0;
}

int address_bits(int family) { return family == AF_INET ? 32 : 128; }

bool leading_bits_match(const uint8_t* a, const uint8_t* b, int bits) {
    const int whole = bits / 8;
    if (std::memcmp(a, b, static_cast<size_t>(whole)) != 0)
        return false;
    const int rest = bits % 8;
    if (rest == 0)
        return true;
    const auto mask = static_cast<uint8_t>(0xff << (8 - rest));
    return (a[whole] & mask) == (b[whole] & mask);
}

bool matches(const ip_mask& mask, const sockaddr* peer) {
    if (peer->sa_family != mask.family)
        return false;
    const auto* bytes = mask.family == AF_INET
                            ? reinterpret_cast<const uint8_t*>(&reinterpret_cast<const sockaddr_in*>(peer)->sin_addr)
                            : reinterpret_cast<const uint8_t*>(&reinterpret_cast<const sockaddr_in6*>(peer)->sin6_addr);
    return leading_bits_match(bytes, mask.bytes.data(), mask.bits);
}

template <typename T>
bool contains(const std::vector<T>& values, T value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

// Whether the user of this uid is listed as a member of one of the groups.
bool member_of_any(uid_t uid, const std::vector<gid_t>& gids) {
    const passwd* user = ::getpwuid(uid);
    if (!user)
        return false;
    const std::string name = user->pw_name;
    for (const gid_t gid : gids) {
        const group* g = ::getgrgid(gid);
        for (char** member = g ? g->gr_mem : nullptr; member && *member; ++member)
            if (name == *member)
                return true;
    }
    return false;
}

}  // namespace

int parse_ip_mask(std::string_view text, bool ipv6, ip_mask& out) {
    const size_t slash = text.find('/');
    std::string address(text.substr(0, slash));
    if (address.size() >= 2 && address.front() == '[' && address.back() == ']')
        address = address.substr(1, address.size() - 2);
    ip_mask parsed;
    if (parse_numeric_address(address, ipv6, parsed) < 0)
        return -1;
    parsed.bits = address_bits(parsed.family);
    if (slash != std::string_view::npos) {
        // Only "0" itself means no bits: any other text reading as 0 ("foo",
        // "00", "-0") is refused, as libzmq refuses it.
        const std::string bits(text.substr(slash + 1));
        parsed.bits = std::atoi(bits.c_str());
        if ((parsed.bits < 1 && bits != "0") || parsed.bits > address_bits(parsed.family))
            return fail(EINVAL);
    }
    out = parsed;
    return 0;
}

bool accept_filters::admits_tcp_peer(const sockaddr* peer) const {
    return tcp.empty() || std::any_of(tcp.begin(), tcp.end(), [peer](const ip_mask& m) { return matches(m, peer); });
}

bool accept_filters::admits_ipc_peer(int fd) const {
    if (pids.empty() && uids.empty() && gids.empty())
        return true;
    ucred peer{};
    socklen_t length = sizeof peer;
    if (::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &peer, &length) != 0)
        return false;
    return contains(pids, peer.pid) || contains(uids, peer.uid) || contains(gids, peer.gid) ||
           member_of_any(peer.uid, gids);
}

} // namespace zmx
