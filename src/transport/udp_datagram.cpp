#include "transport/udp_datagram.hpp"

#include <cstring>

namespace zmx {

size_t encode_datagram(std::string_view group, std::span<const uint8_t> body, std::span<uint8_t> out) {
    const size_t size = 1 + group.size() + body.size();
    if (group.size() > max_datagram_group || size > max_datagram || size > out.size())
        return 0;
    out[0] = static_cast<uint8_t>(group.size());
    std::memcpy(out.data() + 1, group.data(), group.size());
    if (!body.empty())
        std::memcpy(out.data() + 1 + group.size(), body.data(), body.size());
    return size;
}

std::optional<datagram> datagram_decoder::decode(std::span<const uint8_t> bytes) {
    // The length byte is unsigned, so no group is over the limit of 255;
    // one that runs past the datagram's end is refused.
    if (bytes.empty() || bytes.size() - 1 < bytes[0]) {
        ++rejected_;
        return std::nullopt;
    }
    const size_t group_size = bytes[0];
    return datagram{std::string_view(reinterpret_cast<const char*>(bytes.data() + 1), group_size),
                    bytes.subspan(1 + group_size)};
}

} // namespace zmx
