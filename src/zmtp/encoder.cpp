#include "zmtp/encoder.hpp"

#include "base/msg.hpp"
#include "zmtp/big_endian.hpp"

namespace zmx::zmtp {

namespace {
constexpr uint8_t zmtp1_long_length = 0xFF;

void append_header_and_body(std::vector<uint8_t>& out, const uint8_t* header, size_t header_size,
                            const void* body, size_t size) {
    const auto* bytes = static_cast<const uint8_t*>(body);
    out.insert(out.end(), header, header + header_size);
    if (size)
        out.insert(out.end(), bytes, bytes + size);
}

void append_with_header(std::vector<uint8_t>& out, const void* body, size_t size, bool more,
                        bool command) {
    uint8_t header[max_frame_header_size];
    const size_t header_size = encode_frame_header(header, size, more, command);
    append_header_and_body(out, header, header_size, body, size);
}
} // namespace

void append_frame_header(std::vector<uint8_t>& out, uint64_t size, bool more, bool command) {
    uint8_t header[max_frame_header_size];
    const size_t header_size = encode_frame_header(header, size, more, command);
    append_header_and_body(out, header, header_size, nullptr, 0);
}

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

size_t encode_zmtp1_frame_header(uint8_t* out, uint64_t size, bool more) {
    const uint64_t length = size + 1;  // the flags byte counts
    const uint8_t flags = more ? more_flag : 0;
    if (length <= zmtp1_short_length_max) {
        out[0] = static_cast<uint8_t>(length);
        out[1] = flags;
        return 2;
    }
    out[0] = zmtp1_long_length;
    put_big_endian<uint64_t>(out + 1, length);
    out[max_zmtp1_header_size - 1] = flags;
    return max_zmtp1_header_size;
}

void append_zmtp1_frame(std::vector<uint8_t>& out, const msg& frame) {
    uint8_t header[max_zmtp1_header_size];
    const size_t header_size = encode_zmtp1_frame_header(header, frame.size(), frame.has(msg::more));
    append_header_and_body(out, header, header_size, frame.data(), frame.size());
}

} // namespace zmx::zmtp
