// The datagram a RADIO sends a DISH over udp (RFC 48, as libzmq 4.3.4
// writes it): one byte, the group's length; the group; the body, up to the
// datagram's end. A DISH reads at most max_datagram bytes of a datagram,
// as libzmq does, so a RADIO sends none longer.
//
// Threading: encode is a pure function; a decoder belongs to one engine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace zmx {

inline constexpr size_t max_datagram = 8192;  // libzmq's MAX_UDP_MSG
inline constexpr size_t max_datagram_group = 255;  // ZMQ_GROUP_MAX_LENGTH

// Writes the datagram for group and body into out: its size, or 0 when it
// does not fit in out (or in max_datagram), or the group is too long.
size_t encode_datagram(std::string_view group, std::span<const uint8_t> body, std::span<uint8_t> out);

struct datagram {
    std::string_view group;
    std::span<const uint8_t> body;
};

class datagram_decoder {
public:
    // The group and body of a datagram from the network (views into it);
    // nullopt, counted, for one too short to hold its group's length or
    // its group.
    std::optional<datagram> decode(std::span<const uint8_t> bytes);
    // How many datagrams were refused.
    uint64_t rejected() const { return rejected_; }

private:
    uint64_t rejected_ = 0;
};

} // namespace zmx
