#include "transport/ws_frame_encoder.hpp"

#include "base/msg.hpp"
#include "zmtp/big_endian.hpp"

#include <array>
#include <random>

namespace zmx::ws {

namespace {

std::array<uint8_t, 4> new_mask() {
    // RFC 6455 asks for unpredictable keys so that a browser's page cannot
    // steer the bytes a proxy sees; a seeded generator per thread does it
    // without a system call per frame.
    thread_local std::mt19937 source(std::random_device{}());
    const uint32_t bits = source();
    return {static_cast<uint8_t>(bits >> 24), static_cast<uint8_t>(bits >> 16), static_cast<uint8_t>(bits >> 8),
            static_cast<uint8_t>(bits)};
}

// Appends the header of a frame of `size` payload bytes; returns the
// masking key (all zero when unmasked, which XORs to nothing).
std::array<uint8_t, 4> append_header(std::vector<uint8_t>& out, opcode code, uint64_t size, bool masked) {
    uint8_t header[max_header_size];
    size_t used = 0;
    header[used++] = static_cast<uint8_t>(fin_bit | static_cast<uint8_t>(code));
    const uint8_t mask_flag = masked ? mask_bit : 0;
    if (size <= max_short_length) {
        header[used++] = static_cast<uint8_t>(mask_flag | size);
    } else if (size <= 0xFFFF) {
        header[used++] = mask_flag | length_16;
        zmtp::put_big_endian(header + used, static_cast<uint16_t>(size));
        used += 2;
    } else {
        header[used++] = mask_flag | length_64;
        zmtp::put_big_endian(header + used, size);
        used += 8;
    }
    std::array<uint8_t, 4> mask{};
    if (masked) {
        mask = new_mask();
        std::copy(mask.begin(), mask.end(), header + used);
        used += mask.size();
    }
    out.insert(out.end(), header, header + used);
    return mask;
}

// Appends payload bytes XORed with the key, from key position `phase`.
void append_masked(std::vector<uint8_t>& out, std::span<const uint8_t> bytes, const std::array<uint8_t, 4>& mask,
                   size_t phase) {
    const size_t start = out.size();
    out.insert(out.end(), bytes.begin(), bytes.end());
    if (mask == std::array<uint8_t, 4>{})
        return;
    for (size_t i = 0; i < bytes.size(); ++i)
        out[start + i] ^= mask[(phase + i) % 4];
}

void append_zws(std::vector<uint8_t>& out, uint8_t flags, std::span<const uint8_t> body, bool masked) {
    const auto mask = append_header(out, opcode::binary, uint64_t{body.size()} + 1, masked);
    const uint8_t flags_byte[1] = {flags};
    append_masked(out, flags_byte, mask, 0);
    append_masked(out, body, mask, 1);
}

}  // namespace

void append_message(std::vector<uint8_t>& out, const msg& frame, bool masked) {
    const std::span<const uint8_t> body(static_cast<const uint8_t*>(frame.data()), frame.size());
    append_zws(out, frame.has(msg::more) ? zws_more : 0, body, masked);
}

void append_command(std::vector<uint8_t>& out, std::span<const uint8_t> body, bool masked) {
    append_zws(out, zws_command, body, masked);
}

void append_control(std::vector<uint8_t>& out, opcode code, std::span<const uint8_t> payload, bool masked) {
    append_masked(out, payload, append_header(out, code, payload.size(), masked), 0);
}

} // namespace zmx::ws
