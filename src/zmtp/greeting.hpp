// The ZMTP 3.x greeting (RFC 23 and 37): 64 bytes each peer sends first.
//
//   0      1-8      9     10     11     12-31       32         33-63
//   0xFF padding   0x7F  major  minor  mechanism  as-server  31 zero bytes
//
// Sans-I/O: the caller moves the bytes. Threading: a parser belongs to one
// connection and is used by the one thread driving it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace zmx::zmtp {

inline constexpr size_t greeting_size = 64;
// Signature plus major version: enough for a peer to detect the version
// (RFC 37 "Version Negotiation"), so an engine may send these first.
inline constexpr size_t greeting_version_size = 11;
inline constexpr size_t mechanism_name_size = 20;
inline constexpr uint8_t our_version_major = 3;
inline constexpr uint8_t our_version_minor = 1;

// Writes our 64-byte greeting (version 3.1). The mechanism ("NULL",
// "PLAIN", "CURVE") is at most 20 characters; false if it is longer.
bool encode_greeting(std::span<uint8_t, greeting_size> out, std::string_view mechanism,
                     bool as_server);

struct peer_greeting {
    uint8_t major = 0;
    uint8_t minor = 0;
    std::string mechanism;  // up to the first NUL of the 20-byte field
    bool as_server = false;
};

// Reads a peer's greeting as its bytes arrive, in chunks of any size.
class greeting_parser {
public:
    enum class status {
        need_more,            // everything offered was consumed; feed more
        complete,             // peer() is filled in
        bad_signature,        // not a ZMTP 2.0+ peer (byte 0 or 9 is wrong)
        unsupported_version,  // major version below 3: peer() has major set
    };

    // Consumes bytes of `in` up to the end of the greeting (never beyond it:
    // what follows is the peer's first frame) and adds the number taken to
    // `consumed`. Errors are reported as soon as the offending byte arrives
    // and are final.
    status feed(std::span<const uint8_t> in, size_t& consumed);

    const peer_greeting& peer() const { return peer_; }

private:
    status check_received();

    uint8_t bytes_[greeting_size] = {};
    size_t received_ = 0;
    status status_ = status::need_more;
    peer_greeting peer_;
};

} // namespace zmx::zmtp
