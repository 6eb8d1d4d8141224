// RFC 6455 framing as ZWS 2.0 (ZeroMQ RFC 45) uses it, the facts both the
// encoder and the decoder need.
//
//   byte 0   FIN (0x80), three reserved bits, the opcode (low nibble)
//   byte 1   MASK (0x80), a 7-bit length: 126 means a 16-bit length
//            follows, 127 a 64-bit one (big-endian, top bit clear)
//   then     the 4-byte masking key when MASK is set (every frame from a
//            client, none from a server), then the payload XORed with it
//
// A ZWS 2.0 message is one binary frame (or a fragmented series) whose
// payload starts with a ZMTP flags byte of its own (bit 0 MORE, bit 1
// COMMAND) and goes on with the ZMTP frame's body. Ping, pong and close are
// WebSocket control frames: at most 125 bytes, never fragmented.
#pragma once

#include <cstddef>
#include <cstdint>

namespace zmx::ws {

enum class opcode : uint8_t { continuation = 0x0, text = 0x1, binary = 0x2, close = 0x8, ping = 0x9, pong = 0xA };

inline constexpr uint8_t fin_bit = 0x80;
inline constexpr uint8_t reserved_bits = 0x70;
inline constexpr uint8_t opcode_bits = 0x0F;
inline constexpr uint8_t mask_bit = 0x80;
inline constexpr uint8_t length_bits = 0x7F;
inline constexpr uint8_t length_16 = 126;
inline constexpr uint8_t length_64 = 127;
inline constexpr size_t max_short_length = 125;  // also the control frame limit
inline constexpr size_t max_header_size = 14;    // 2 + 8 + 4

// The flags byte in front of each ZWS 2.0 message payload.
enum zws_flag : uint8_t { zws_more = 0x01, zws_command = 0x02 };

} // namespace zmx::ws
