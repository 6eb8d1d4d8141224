#include "zmtp/encoder.hpp"

#include "base/msg.hpp"
#include "zmtp/big_endian.hpp"

namespace zmx::zmtp {

namespace {
void append_with_header(std::vector<uint8_t>& out, const void* body, size_t size, bool more,
                        bool command) {
    uint8_t header[max_frame_header_size];
    const size_t header_size = encode_frame_header(header, size, more, command);
    const auto* bytes = static_cast<const uint8_t*>(body);
    out.insert(out.end(), header, header + header_size);
    if (size)
        out.insert(out.end(), bytes, bytes + size);
}
} // namespace

size_t encode_frame_header(uint8_t* out, uint64_t size, bool more, bool command) {
    uint8_t flags = (more ? more_flag : 0) | (command ? command_flag : 0);
    if (size <= short_frame_max) {
        out[0] = flags;
        out[1] = static_cast<uint8_t>(size);
        return 2;
    }
    out[0] = flags | long_flag;
    put_big_endian<uint64_t>(out + 1, size);
    return max_frame_header_size;
}

void append_frame(std::vector<uint8_t>& out, const msg& frame) {
    append_with_header(out, frame.data(), frame.size(), frame.has(msg::more), false);
}

void append_command(std::vector<uint8_t>& out, std::span<const uint8_t> body) {
    append_with_header(out, body.data(), body.size(), false, true);
}

} // namespace zmx::zmtp
