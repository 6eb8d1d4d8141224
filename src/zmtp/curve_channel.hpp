// One CURVE connection's session key and nonces (RFC 26): the short-term
// keys' precomputed shared key, our short-nonce counter, and the highest
// short nonce the peer has used. Every box under the session key (INITIATE
// and READY in the handshake, then every MESSAGE) takes the next of our
// nonces, and each of the peer's must be higher than the last: a replayed
// or reordered command is refused.
//
// After the handshake it seals and opens frames as MESSAGE commands:
//   "\x07MESSAGE", short nonce (8 bytes), Box[flags + body](session key)
// with flags' bit 0 MORE and bit 1 COMMAND of what it carries (libzmq's
// message flags, which it defines the byte as). The outer frame is a
// plain message frame, as libzmq 4.3 sends it.
//
// Threading: one connection's, on its I/O thread.
#pragma once

#include "zmtp/curve_crypto.hpp"
#include "zmtp/frame_sealer.hpp"

#include <cstdint>
#include <string_view>

namespace zmx::zmtp {

class curve_channel final : public frame_sealer {
public:
    // Our MESSAGE nonce prefix and the peer's ("CurveZMQMESSAGEC" for a
    // client's messages, "CurveZMQMESSAGES" for a server's).
    curve_channel(std::string_view our_prefix, std::string_view peer_prefix)
        : our_prefix_(our_prefix), peer_prefix_(peer_prefix) {}
    ~curve_channel() override { curve::wipe(session_key_.data(), session_key_.size()); }
    curve_channel(const curve_channel&) = delete;
    curve_channel& operator=(const curve_channel&) = delete;

    // The short-term keys are known: the peer's public, our secret. false
    // if libsodium refuses the peer's key (a low-order point).
    [[nodiscard]] bool set_session_key(const curve::key& peer_public, const curve::key& our_secret);

    // Our next short nonce: 1, 2, 3, ...
    uint64_t next_nonce() { return ++our_nonce_; }
    // Takes a short nonce of the peer's: false unless above the last one.
    bool take_peer_nonce(uint64_t nonce);

    // Appends short nonce then Box[plain](session key) under prefix.
    void box(bytes& out, std::string_view prefix, byte_view plain);
    // Sets out to the plain text of boxed (MAC then ciphertext), whose
    // short nonce the caller has taken; false if it does not open.
    bool unbox(bytes& out, std::string_view prefix, uint64_t nonce, byte_view boxed) const;

    void seal(uint8_t flags, byte_view body, bytes& out) override;
    opened open(msg& frame) override;
    uint32_t error() const override { return error_; }

private:
    static bool take_body(msg& frame, size_t offset, size_t size);
    opened refuse(uint32_t code) {
        error_ = code;
        return opened::error;
    }

    std::string_view our_prefix_;
    std::string_view peer_prefix_;
    curve::key session_key_{};
    uint64_t our_nonce_ = 0;
    uint64_t peer_nonce_ = 0;
    uint32_t error_ = 0;
};

} // namespace zmx::zmtp
