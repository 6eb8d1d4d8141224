// Both directions of the greeting, as libzmq 4.3 stages its side so that a
// peer of any version understands it (RFC 23 "Backwards Interoperability"):
//
//   1. at once, the 10-byte signature (encode_signature);
//   2. once the peer's signature shows a versioned peer, our major version;
//   3. once the peer's revision is in: for 3.x the rest of our 64-byte
//      greeting, for 1.0/2.0 our socket type;
//   4. for a 1.0/2.0 peer, once its greeting is complete, our identity
//      frame (ZMQ_ROUTING_ID, in the peer's framing): the first message a
//      legacy peer expects. An unversioned 1.0 peer took our signature as
//      that frame's header, so it gets the body alone.
//
// A socket whose security mechanism is not NULL, or that asks a ZAP
// handler about its peers (a NULL socket with a ZAP domain), refuses every
// 1.0/2.0 peer: those versions cannot authenticate, so accepting them
// would let anyone skip the mechanism or the handler by claiming an old
// version (the downgrade class of CVE-2014-9721). This is the one place
// that rule lives.
//
// After the greeting, the peer's first frame is its identity (1.0/2.0) or
// its first command (3.x); that is the engine's business.
//
// Sans-I/O: bytes in, bytes to send out. Threading: belongs to one
// connection and is used by the one thread driving it.
#pragma once

#include "zmtp/commands.hpp"
#include "zmtp/greeting.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace zmx::zmtp {

// Whether a socket with this security mechanism ("NULL", "PLAIN", "CURVE")
// may talk to a ZMTP 1.0 or 2.0 peer.
bool accepts_legacy_peers(std::string_view mechanism, bool asks_zap);

class greeting_exchange {
public:
    struct our_side {
        std::string mechanism;   // "NULL", "PLAIN", "CURVE": at most 20 characters
        bool as_server = false;
        uint8_t socket_type = 0;  // ZMQ_PUSH, ...: what a 2.0 greeting carries
        std::string routing_id;  // ZMQ_ROUTING_ID, sent to a legacy peer first
        bool asks_zap = false;   // a ZAP domain is set (ZMQ_ZAP_DOMAIN)
    };

    enum class status {
        need_more,  // everything offered was consumed; feed more
        complete,   // peer() says what it speaks; final
        refused,    // a 1.0/2.0 peer and a mechanism other than NULL, or ZAP; final
    };

    explicit greeting_exchange(our_side us) : us_(std::move(us)) {}

    // Appends our signature: what we send before the peer has said anything.
    void start(bytes& out) const;
    // Takes the peer's bytes up to the end of its greeting (adding the number
    // taken to `consumed`) and appends to `out` what we send in answer.
    status feed(byte_view in, size_t& consumed, bytes& out);

    const peer_greeting& peer() const { return parser_.peer(); }
    // The peer's bytes taken: for an unversioned 1.0 peer, the start of its
    // identity frame (see greeting_parser::received).
    byte_view received() const { return parser_.received(); }

private:
    void send_version_stages(bytes& out);
    void send_identity(bytes& out) const;

    our_side us_;
    greeting_parser parser_;
    status status_ = status::need_more;
    bool sent_major_ = false;
    bool sent_rest_ = false;
};

} // namespace zmx::zmtp
