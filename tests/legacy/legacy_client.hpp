// A raw tcp client that speaks ZMTP 1.0 or 2.0 as the libzmq releases of
// those days did (RFC 13, RFC 15), to check what a socket does with such a
// peer. It writes its greeting and identity frame at once, as those
// releases did, and reads the socket's answer frame by frame.
#pragma once

#include "raw_peer.hpp"

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace lt {

enum class version {
    zmtp1,            // 1.0 as libzmq 2.x spoke it: no greeting at all
    zmtp1_revision0,  // 1.0 framing after a 12-byte greeting with revision 0
    zmtp2,            // 2.0 as libzmq 3.x spoke it: 12-byte greeting, revision 1
};

inline void PrintTo(version v, std::ostream* os) {
    *os << (v == version::zmtp2 ? "zmtp2" : v == version::zmtp1 ? "zmtp1" : "zmtp1_revision0");
}

inline bool uses_zmtp1_framing(version v) { return v != version::zmtp2; }

inline std::string big_endian_64(uint64_t value) {
    std::string bytes(8, '\0');
    for (int i = 7; i >= 0; --i, value >>= 8)
        bytes[static_cast<size_t>(i)] = static_cast<char>(value & 0xFF);
    return bytes;
}

// One frame in a version's framing (1.0: length counting the flags byte,
// flags, body; 2.0: flags, size, body).
inline std::string frame(version v, const std::string& body, bool more = false) {
    const char more_flag = more ? '\x01' : '\x00';
    if (uses_zmtp1_framing(v)) {
        const uint64_t length = body.size() + 1;
        const std::string header = length < 0xFF ? std::string(1, static_cast<char>(length))
                                                 : '\xff' + big_endian_64(length);
        return header + more_flag + body;
    }
    if (body.size() <= 0xFF)
        return std::string{more_flag, static_cast<char>(body.size())} + body;
    return static_cast<char>(more_flag | 0x02) + big_endian_64(body.size()) + body;
}

// A whole message: every frame but the last flagged MORE.
inline std::string message(version v, const std::vector<std::string>& parts) {
    std::string bytes;
    for (size_t i = 0; i < parts.size(); ++i)
        bytes += frame(v, parts[i], i + 1 < parts.size());
    return bytes;
}

// What the client sends before its first message: its greeting (none for
// an unversioned 1.0 peer) and its identity frame.
inline std::string hello(version v, int socket_type, const std::string& identity) {
    const std::string signature = std::string("\xff", 1) + std::string(8, '\0') + '\x7f';
    switch (v) {
    case version::zmtp1: return frame(v, identity);
    case version::zmtp1_revision0: return signature + '\x00' + static_cast<char>(socket_type) + frame(v, identity);
    case version::zmtp2: return signature + '\x01' + static_cast<char>(socket_type) + frame(v, identity);
    }
    return {};
}

struct received_frame {
    std::string body;
    bool more = false;
};

// What the socket answered a versioned client's greeting with.
struct socket_greeting {
    std::string signature;
    std::string version_and_type;  // empty for an unversioned client
    std::string identity;
};

class legacy_client {
public:
    legacy_client(const std::string& endpoint, version v) : peer_(endpoint), version_(v) {}

    // Sends greeting and identity; reads the socket's greeting and identity.
    socket_greeting handshake(int socket_type, const std::string& identity = "") {
        peer_.send(hello(version_, socket_type, identity));
        socket_greeting theirs;
        if (version_ == version::zmtp1) {
            // Its signature is the header of its identity frame in 1.0 framing.
            theirs.signature = peer_.receive(10);
            const uint64_t length = read_big_endian(theirs.signature, 1, 8);
            theirs.identity = length > 0 ? peer_.receive(length - 1) : "";
            return theirs;
        }
        theirs.signature = peer_.receive(10);
        theirs.version_and_type = peer_.receive(2);
        if (auto id = read_frame())
            theirs.identity = id->body;
        return theirs;
    }

    void send(const std::vector<std::string>& parts) { peer_.send(message(version_, parts)); }
    void send_raw(const std::string& bytes) { peer_.send(bytes); }

    // The next frame, or nullopt if it does not come whole: its first byte
    // is waited for up to first_byte_timeout_ms, the rest up to the safety
    // timeout.
    std::optional<received_frame> read_frame(int first_byte_timeout_ms = zt::safety_timeout_ms) {
        received_frame f;
        uint64_t size = 0;
        if (uses_zmtp1_framing(version_)) {
            const std::string length = peer_.receive(1, first_byte_timeout_ms);
            if (length.size() != 1)
                return std::nullopt;
            const uint64_t total = length[0] == '\xff' ? read_big_endian(peer_.receive(8), 0, 8)
                                                       : static_cast<unsigned char>(length[0]);
            const std::string flags = peer_.receive(1);
            if (total == 0 || flags.size() != 1)
                return std::nullopt;
            f.more = flags[0] & 1;
            size = total - 1;
        } else {
            const std::string flags = peer_.receive(1, first_byte_timeout_ms);
            if (flags.size() != 1)
                return std::nullopt;
            f.more = flags[0] & 1;
            size = (flags[0] & 2) ? read_big_endian(peer_.receive(8), 0, 8)
                                  : read_big_endian(peer_.receive(1), 0, 1);
        }
        f.body = peer_.receive(size);
        if (f.body.size() != size)
            return std::nullopt;
        return f;
    }

    // The frames of the next message; empty if it does not come whole.
    std::vector<std::string> read_message() {
        std::vector<std::string> parts;
        while (auto f = read_frame()) {
            parts.push_back(f->body);
            if (!f->more)
                return parts;
        }
        return {};
    }

private:
    static uint64_t read_big_endian(const std::string& bytes, size_t from, size_t count) {
        uint64_t value = 0;
        for (size_t i = from; i < from + count && i < bytes.size(); ++i)
            value = (value << 8) | static_cast<unsigned char>(bytes[i]);
        return value;
    }

    tt::raw_peer peer_;
    version version_;
};

} // namespace lt
