// How a mechanism that encrypts (CURVE) carries the frames that follow its
// handshake: each message frame or command (PING, SUBSCRIBE, ...) goes
// sealed in one frame of its own, and each frame the peer sends is opened
// back into what it carries. NULL and PLAIN have none: their frames go as
// they are.
//
// Threading: one connection's, on its I/O thread.
#pragma once

#include "zmtp/commands.hpp"

#include <cstdint>

namespace zmx {
class msg;
}

namespace zmx::zmtp {

class frame_sealer {
public:
    enum class opened {
        message,  // the frame now holds a message frame, msg::more as sent
        command,  // the frame now holds a command body (name and data)
        error,    // the peer's frame is not a valid sealed frame: error() says why
    };

    virtual ~frame_sealer() = default;

    // Appends the wire frame carrying `body`; flags: more_flag and/or
    // command_flag (encoder.hpp) of what it carries.
    virtual void seal(uint8_t flags, byte_view body, bytes& out) = 0;
    // Replaces a received frame's content with what it carries.
    virtual opened open(msg& frame) = 0;
    // After opened::error: its ZMQ_PROTOCOL_ERROR_* code.
    virtual uint32_t error() const = 0;
};

} // namespace zmx::zmtp
