// ZMTP 3.1 byte strings an attacker builds by hand, beyond the well-formed
// pieces of raw_peer.hpp: frames whose header claims any size.
#pragma once

#include "raw_peer.hpp"

#include <cstdint>
#include <string>

namespace ht {

inline constexpr char more_flag = 0x01;
inline constexpr char long_flag = 0x02;
inline constexpr char command_flag = 0x04;

// Does the handshake as a peer of socket_type in the order libzmq needs:
// our greeting, the socket's whole greeting, then our READY. True when the
// socket's greeting came.
inline bool complete_handshake(tt::raw_peer& client, const std::string& socket_type) {
    constexpr size_t greeting_size = 64;
    if (!client.send_unless_closed(tt::raw_peer::greeting("NULL")))
        return false;
    if (client.receive(greeting_size).size() != greeting_size)
        return false;
    return client.send_unless_closed(tt::raw_peer::ready(socket_type));
}

// A READY announcing socket_type and one application property
// ("X-name"), which every message of the connection then carries.
inline std::string ready_with_property(const std::string& socket_type, const std::string& name,
                                       const std::string& value) {
    auto property = [](const std::string& n, const std::string& v) {
        const auto size = static_cast<uint32_t>(v.size());
        std::string bytes{static_cast<char>(n.size())};
        bytes += n;
        for (int shift = 24; shift >= 0; shift -= 8)
            bytes += static_cast<char>((size >> shift) & 0xff);
        return bytes + v;
    };
    return tt::raw_peer::command("READY", property("Socket-Type", socket_type) + property(name, value));
}

// A long frame header (flags | LONG, then 8 bytes of size, big-endian) that
// claims `size` bytes of body, whatever follows it.
inline std::string long_frame_header(char flags, uint64_t size) {
    std::string header(1, static_cast<char>(flags | long_flag));
    for (int shift = 56; shift >= 0; shift -= 8)
        header += static_cast<char>((size >> shift) & 0xff);
    return header;
}

// A short message frame flagged MORE: a multipart message left unfinished
// unless more follows.
inline std::string first_part(const std::string& body) {
    return std::string{more_flag, static_cast<char>(body.size())} + body;
}

} // namespace ht
