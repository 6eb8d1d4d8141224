#include "transport/ws_frame_encoder.hpp"

#include "base/msg.hpp"
#include "zmtp/big_endian.hpp"

#include "transport/ws_mask.hpp"

#include <array>
#include <optional>
#include <random>

namespace zmx::ws {

namespace {

mask_key new_mask() {
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
mask_key append_header(std::vector<uint8_t>& out, opcode code, uint64_t size, bool masked) {
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
    mask_key mask{};
    if (masked) {
        mask = new_mask();
        std::copy(mask.begin(), mask.end(), header + used);
        used += mask.size();
    }
    out.insert(out.end(), header, header + used);
    return mask;
}

// Appends a frame's payload: the ZWS flags byte (none for a control
// frame) then `bytes`, masked in place in the output buffer.
void append_payload(std::vector<uint8_t>& out, std::span<const uint8_t> bytes, const mask_key& mask,
                    std::optional<uint8_t> flags) {
    const size_t start = out.size();
    if (flags)
        out.push_back(*flags);
    out.insert(out.end(), bytes.begin(), bytes.end());
    if (mask != mask_key{})
        apply_mask(out.data() + start, out.size() - start, mask, 0);
}

void append_zws(std::vector<uint8_t>& out, uint8_t flags, std::span<const uint8_t> body, bool masked) {
    const auto mask = append_header(out, opcode::binary, uint64_t{body.size()} + 1, masked);
    append_payload(out, body, mask, flags);
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
    append_payload(out, payload, append_header(out, code, payload.size(), masked), std::nullopt);
}

} // namespace zmx::ws
