// A hand-made WebSocket client for the ws tests: the upgrade request with
// chosen parts, RFC 6455 frames with chosen flaws, and the server's
// frames read back.
#pragma once

#include "raw_peer.hpp"

#include <cstdint>
#include <string>

namespace tt {

// RFC 6455's own example key, and the accept key it gives.
inline const std::string sample_key = "dGhlIHNhbXBsZSBub25jZQ==";
inline const std::string sample_accept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

inline std::string upgrade_request(const std::string& protocol = "ZWS2.0/NULL", const std::string& key = sample_key,
                                   const std::string& extra = "") {
    std::string request = "GET /zmx HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n";
    if (!key.empty())
        request += "Sec-WebSocket-Key: " + key + "\r\n";
    if (!protocol.empty())
        request += "Sec-WebSocket-Protocol: " + protocol + "\r\n";
    return request + "Sec-WebSocket-Version: 13\r\n" + extra + "\r\n";
}

struct ws_frame_spec {
    uint8_t opcode = 0x2;
    bool fin = true;
    bool masked = true;
    uint64_t claimed_length = UINT64_MAX;  // the payload's own length unless set
};

// One frame as a client writes it (masked with a fixed key unless told).
inline std::string ws_frame(const std::string& payload, ws_frame_spec spec = {}) {
    const uint64_t length = spec.claimed_length == UINT64_MAX ? payload.size() : spec.claimed_length;
    std::string bytes{static_cast<char>((spec.fin ? 0x80 : 0) | spec.opcode)};
    const char mask_bit = spec.masked ? '\x80' : 0;
    if (length <= 125) {
        bytes += static_cast<char>(mask_bit | static_cast<char>(length));
    } else if (length <= 0xFFFF) {
        bytes += static_cast<char>(mask_bit | 126);
        bytes += static_cast<char>(length >> 8);
        bytes += static_cast<char>(length);
    } else {
        bytes += static_cast<char>(mask_bit | 127);
        for (int shift = 56; shift >= 0; shift -= 8)
            bytes += static_cast<char>(length >> shift);
    }
    const std::string mask = "\x12\x34\x56\x78";
    if (!spec.masked)
        return bytes + payload;
    bytes += mask;
    for (size_t i = 0; i < payload.size(); ++i)
        bytes += static_cast<char>(payload[i] ^ mask[i % 4]);
    return bytes;
}

// A ZWS 2.0 message: its flags byte (0 final, 1 more, 2 command), the body.
inline std::string zws(uint8_t flags, const std::string& body) {
    return ws_frame(std::string(1, static_cast<char>(flags)) + body);
}

// A NULL READY command body announcing a socket type.
inline std::string ready_body(const std::string& socket_type) {
    const std::string frame = raw_peer::ready(socket_type);
    return frame.substr(2);  // less ZMTP's flags and size bytes
}

struct received_frame {
    int opcode = -1;  // -1: none came, or the connection closed
    std::string payload;
};

// Reads one unmasked frame from the server.
inline received_frame read_ws_frame(raw_peer& peer) {
    const std::string head = peer.receive(2);
    if (head.size() < 2)
        return {};
    uint64_t length = static_cast<uint8_t>(head[1]) & 0x7F;
    const size_t extended = length == 126 ? 2 : length == 127 ? 8 : 0;
    if (extended) {
        const std::string bytes = peer.receive(extended);
        length = 0;
        for (unsigned char byte : bytes)
            length = (length << 8) | byte;
    }
    return {static_cast<uint8_t>(head[0]) & 0x0F, peer.receive(length)};
}

// Reads the server's response head (up to the empty line).
inline std::string read_head(raw_peer& peer) {
    std::string head;
    while (head.find("\r\n\r\n") == std::string::npos) {
        const std::string byte = peer.receive(1);
        if (byte.empty())
            break;
        head += byte;
    }
    return head;
}

} // namespace tt
