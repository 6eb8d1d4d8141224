// The CURVE mechanism's server (RFC 26): it holds the long-term secret key
// s and learns each client's long-term public key C from its INITIATE,
// which the ZAP handler, if one is bound, allows or refuses (mechanism
// "CURVE", credential: C's 32 bytes). With no handler the client is let
// in (encryption without authentication), unless ZMQ_ZAP_ENFORCE_DOMAIN
// asks for one, as libzmq 4.3 does.
//
// The cookie of WELCOME lets a server forget a client between WELCOME and
// INITIATE (RFC 26). Ours keeps the connection's state anyway, so the
// cookie key is drawn fresh for each WELCOME and wiped as soon as INITIATE
// has been checked against it: no key outlives its one use, which is
// stronger than the RFC's rotation every minute, and a cookie replayed on
// another connection never opens.
//
// Threading: one connection's, on its I/O thread.
#pragma once

#include "zmtp/curve_channel.hpp"
#include "zmtp/curve_wire.hpp"
#include "zmtp/mechanism.hpp"
#include "zmtp/security_options.hpp"

namespace zmx::zmtp {

class curve_server final : public mechanism {
public:
    curve_server(our_properties us, const security_options& keys);
    ~curve_server() override;

    std::string_view name() const override { return "CURVE"; }
    outcome start(bytes&) override { return outcome::handshaking; }
    outcome take_command(byte_view body, bytes& out) override;
    outcome no_zap_handler(bytes& out) override;
    frame_sealer* sealer() override { return state_ == state::ready ? &channel_ : nullptr; }

private:
    outcome zap_approved(bytes& out) override;
    outcome take_hello(byte_view body, bytes& out);
    // false if libsodium refuses the client's short-term key.
    bool append_welcome(bytes& out);
    bytes cookie();
    outcome take_initiate(byte_view body, bytes& out);
    bool cookie_matches(byte_view cookie);
    // C, the vouch for C' and the metadata, out of INITIATE's box.
    outcome take_vouch(byte_view plain, bytes& out);
    // HANDSHAKE_FAILED_PROTOCOL with a ZMQ_PROTOCOL_ERROR_* code.
    outcome fail_protocol(uint32_t code);

    enum class state { expect_hello, expect_initiate, awaiting_zap, ready };
    our_properties us_;
    curve::key secret_key_;
    curve::key public_key_;
    curve::keypair short_term_;
    curve::key client_short_term_{};
    curve::key cookie_key_{};
    curve::key client_key_{};
    bytes metadata_;  // the client's, checked once ZAP has answered
    curve_channel channel_{curve::server_message_prefix, curve::client_message_prefix};
    state state_ = state::expect_hello;
};

} // namespace zmx::zmtp
