// Which peers a listener takes: ZMQ_TCP_ACCEPT_FILTER (IP masks, "10.0.0.0/8")
// and ZMQ_IPC_FILTER_PID/_UID/_GID (the connecting process's credentials),
// both deprecated in libzmq in favour of ZAP but still honoured. With no
// filter of a transport's kind every peer is taken; with some, a peer must
// match one of them, else it is closed as soon as it is accepted.
//
// Threading: a value; copied into each listener at bind time, so a filter
// set later applies to later binds only, as in libzmq.
#pragma once

#include <sys/socket.h>
#include <sys/types.h>

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace zmx {

// An address and how many of its leading bits must match.
struct ip_mask {
    int family = AF_UNSPEC;  // AF_INET or AF_INET6
    std::array<uint8_t, 16> bytes{};
    int bits = 0;
};

// Parses "address" or "address/bits" as libzmq takes them: a numeric IPv4
// address (an IPv6 one too when ipv6 is set, bracketed or not), the bits
// read as atoi reads them, 1 to 32 or 128, or "0" itself. 0, or -1 with
// EINVAL.
int parse_ip_mask(std::string_view text, bool ipv6, ip_mask& out);

struct accept_filters {
    std::vector<ip_mask> tcp;
    std::vector<pid_t> pids;
    std::vector<uid_t> uids;
    std::vector<gid_t> gids;  // also matches a user who is a member of the group

    bool empty() const { return tcp.empty() && pids.empty() && uids.empty() && gids.empty(); }
    // Whether a tcp peer at this address may stay.
    bool admits_tcp_peer(const sockaddr* peer) const;
    // Whether the process at the other end of a connected unix socket may stay.
    bool admits_ipc_peer(int fd) const;
};

} // namespace zmx
