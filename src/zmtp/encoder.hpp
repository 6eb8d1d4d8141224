// ZMTP 3.x frame encoding: the flags byte, then a 1-byte size for bodies up
// to 255 bytes or an 8-byte big-endian size ("long" frame), then the body.
// ZMTP 2.0 message frames are the same; ZMTP 1.0 frames have their own
// functions below (framing.hpp shows the three formats).
//
// Sans-I/O: writes into caller memory. Threading: stateless functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace zmx {
class msg;
}

namespace zmx::zmtp {

// Bits of the flags byte (RFC 37 "Framing"); bits 7-3 are reserved.
enum frame_flag : uint8_t {
    more_flag = 0x01,     // another frame of this message follows
    long_flag = 0x02,     // the size is 8 bytes
    command_flag = 0x04,  // the frame is a command, not message data
};
inline constexpr uint8_t reserved_flags = 0xF8;
inline constexpr size_t short_frame_max = 255;
inline constexpr size_t max_frame_header_size = 9;

// Writes the header of a frame whose body has `size` bytes into `out` (at
// least max_frame_header_size bytes) and returns how many bytes it wrote.
size_t encode_frame_header(uint8_t* out, uint64_t size, bool more, bool command);

// Appends only the header: the body follows by other means (spliced in by
// the engine's output queue).
void append_frame_header(std::vector<uint8_t>& out, uint64_t size, bool more, bool command);

// Appends header and body of a message frame (MORE taken from the msg)
// to `out`: engines batch many frames into one write this way.
void append_frame(std::vector<uint8_t>& out, const msg& frame);

// Appends a command frame whose body (name and data) is `body`.
void append_command(std::vector<uint8_t>& out, std::span<const uint8_t> body);

// ZMTP 1.0: the length counts the flags byte; it takes one byte up to
// zmtp1_short_length_max, else 0xFF and 8 bytes (as libzmq writes it).
inline constexpr uint64_t zmtp1_short_length_max = 254;
inline constexpr size_t max_zmtp1_header_size = 10;

// Writes the 1.0 header of a frame whose body has `size` bytes into `out`
// (at least max_zmtp1_header_size bytes) and returns how many it wrote.
size_t encode_zmtp1_frame_header(uint8_t* out, uint64_t size, bool more);

// Appends header and body of a message frame in 1.0 framing.
void append_zmtp1_frame(std::vector<uint8_t>& out, const msg& frame);

} // namespace zmx::zmtp
