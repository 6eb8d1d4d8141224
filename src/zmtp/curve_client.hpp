// The CURVE mechanism's client (RFC 26): it knows the server's long-term
// public key S and proves its own key pair C, c.
//
//   client                                  server
//   HELLO C', Box[zeros](C'->S)         ->
//                                       <-  WELCOME Box[S' + cookie](S->C')
//   INITIATE cookie, Box[C + vouch + metadata](C'->S')  ->
//                                       <-  READY Box[metadata](S'->C')
//
// then every frame both ways in a MESSAGE (curve_channel.hpp). A server
// that cannot open HELLO (we have the wrong key for it) drops us without
// a word; one whose ZAP handler refused us answers with an ERROR.
//
// Threading: one connection's, on its I/O thread.
#pragma once

#include "zmtp/curve_channel.hpp"
#include "zmtp/curve_wire.hpp"
#include "zmtp/mechanism.hpp"
#include "zmtp/security_options.hpp"

namespace zmx::zmtp {

class curve_client final : public mechanism {
public:
    curve_client(our_properties us, const security_options& keys);
    ~curve_client() override;

    std::string_view name() const override { return "CURVE"; }
    outcome start(bytes& out) override;
    outcome take_command(byte_view body, bytes& out) override;
    outcome no_zap_handler(bytes& out) override { return zap_approved(out); }
    frame_sealer* sealer() override { return state_ == state::ready ? &channel_ : nullptr; }

private:
    outcome zap_approved(bytes&) override { return outcome::handshaking; }  // a client asks no handler
    outcome take_welcome(byte_view body, bytes& out);
    outcome take_ready(byte_view body, bytes& out);
    // false if libsodium refuses a key (the server's short-term one, or
    // our own when unset).
    bool append_initiate(bytes& out);
    bool append_vouch(bytes& out) const;

    enum class state { expect_welcome, expect_ready, ready };
    our_properties us_;
    curve::key public_key_;
    curve::key secret_key_;
    curve::key server_key_;
    curve::keypair short_term_;
    curve::key server_short_term_{};
    bytes cookie_;
    curve_channel channel_{curve::client_message_prefix, curve::server_message_prefix};
    state state_ = state::expect_welcome;
};

} // namespace zmx::zmtp
