// Writes RFC 6455 frames carrying ZWS 2.0 messages (ws_frame.hpp). A
// client masks each frame with a fresh random key; a server never masks.
//
// Sans-I/O: appends to caller memory. Threading: the engine's thread; the
// masking keys come from a per-thread generator.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "transport/ws_frame.hpp"

namespace zmx {
class msg;
}

namespace zmx::ws {

// One ZMTP message frame (MORE taken from the msg).
void append_message(std::vector<uint8_t>& out, const msg& frame, bool masked);
// One ZMTP command frame; body is the command's name and data.
void append_command(std::vector<uint8_t>& out, std::span<const uint8_t> body, bool masked);
// A ping, pong or close frame: payload at most max_short_length bytes.
void append_control(std::vector<uint8_t>& out, opcode code, std::span<const uint8_t> payload, bool masked);

} // namespace zmx::ws
