// The greeting a ZMTP peer sends first, and the peer's version as libzmq
// 4.3 tells it from those bytes (RFC 23 "Backwards Interoperability").
//
// ZMTP 3.x (RFC 23 and 37), 64 bytes:
//
//   0      1-8      9     10     11     12-31       32         33-63
//   0xFF padding   0x7F  major  minor  mechanism  as-server  31 zero bytes
//
// ZMTP 2.0 (RFC 15), 12 bytes: the same 10-byte signature, a revision byte
// of 1, then the sender's socket type (ZMQ_PUSH, ...). A revision of 0 is
// the same 12 bytes followed by ZMTP 1.0 framing.
//
// ZMTP 1.0 (RFC 13) has no greeting: the peer starts with its identity
// frame. libzmq takes a first byte other than 0xFF, or a tenth byte with
// its low bit clear (a 1.0 frame's flags), for that; any other tenth byte
// means a versioned peer, and a revision of 2 or more means 3.x.
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
inline constexpr size_t signature_size = 10;
// Signature plus major version (revision): enough to know the version.
inline constexpr size_t greeting_version_size = 11;
inline constexpr size_t legacy_greeting_size = 12;
inline constexpr size_t mechanism_name_size = 20;
inline constexpr uint8_t our_version_major = 3;
inline constexpr uint8_t our_version_minor = 1;

// Writes our 64-byte greeting (version 3.1, zero padding). The mechanism
// ("NULL", "PLAIN", "CURVE") is at most 20 characters; false if longer.
bool encode_greeting(std::span<uint8_t, greeting_size> out, std::string_view mechanism,
                     bool as_server);

// Writes the 10-byte signature as libzmq sends it: the padding holds our
// routing id's size + 1, so that a ZMTP 1.0 peer reads the signature as
// the header (long length, flags 0x7F) of our identity frame.
void encode_signature(std::span<uint8_t, signature_size> out, size_t routing_id_size);

enum class peer_version {
    zmtp1_unversioned,  // no greeting: the bytes taken start its first frame
    zmtp1,              // revision 0: 12-byte greeting, then 1.0 framing
    zmtp2,              // revision 1: 12-byte greeting, then 2.0 framing
    zmtp3,              // revision 2 or more: the 64-byte greeting
};

struct peer_greeting {
    peer_version version = peer_version::zmtp3;
    uint8_t major = 0;        // the revision byte (versioned peers)
    uint8_t minor = 0;        // 3.x
    std::string mechanism;    // 3.x: up to the first NUL of the 20-byte field
    bool as_server = false;   // 3.x
    uint8_t socket_type = 0;  // 1.0 with a revision, 2.0: the byte after it

    // ZMTP 3.1 or later, which has SUBSCRIBE and CANCEL commands (3.0 takes
    // subscriptions as messages). As libzmq decides it: any 3.x greeting
    // but a minor version of 0.
    bool has_subscription_commands() const { return version == peer_version::zmtp3 && !(major == 3 && minor == 0); }
};

// Reads a peer's greeting as its bytes arrive, in chunks of any size.
class greeting_parser {
public:
    enum class status {
        need_more,  // everything offered was consumed; feed more
        complete,   // peer() is filled in for its version; final
    };

    // Consumes bytes of `in` up to the end of the greeting (never beyond it:
    // what follows is the peer's first frame) and adds the number taken to
    // `consumed`. The version is known the moment its deciding byte
    // arrives: complete for an unversioned 1.0 peer, and from the revision
    // byte on, peer().version and peer().major while the rest comes in.
    status feed(std::span<const uint8_t> in, size_t& consumed);

    const peer_greeting& peer() const { return peer_; }
    // The bytes taken so far. For an unversioned 1.0 peer they are the
    // start of its first frame, to be decoded as such.
    std::span<const uint8_t> received() const { return {bytes_, received_}; }

private:
    status check_received();

    uint8_t bytes_[greeting_size] = {};
    size_t received_ = 0;
    size_t expected_ = greeting_size;  // 12 once a 1.0/2.0 revision is seen
    status status_ = status::need_more;
    peer_greeting peer_;
};

} // namespace zmx::zmtp
