// The PLAIN mechanism (RFC 24): a user name and password in clear text,
// checked by the server's ZAP handler. No confidentiality: it keeps out
// the peers that do not know a password, not an eavesdropper.
//
//   client                       server
//   HELLO username password  ->
//                            <-  WELCOME          (once ZAP said 200)
//   INITIATE metadata        ->
//                            <-  READY metadata
//
// A server with no ZAP handler bound refuses every client, as libzmq 4.3.4
// does (HANDSHAKE_FAILED_NO_DETAIL with EFAULT). A refused client hears the
// ZAP status in an ERROR spelt as libzmq 4.3 spells it (see the .cpp).
//
// Threading: one connection's, on its I/O thread.
#pragma once

#include "zmtp/mechanism.hpp"

namespace zmx::zmtp {

class plain_client final : public mechanism {
public:
    plain_client(our_properties us, std::string username, std::string password)
        : us_(std::move(us)), username_(std::move(username)), password_(std::move(password)) {}

    std::string_view name() const override { return "PLAIN"; }
    outcome start(bytes& out) override;
    outcome take_command(byte_view body, bytes& out) override;
    outcome no_zap_handler(bytes& out) override { return zap_approved(out); }

private:
    outcome zap_approved(bytes&) override { return outcome::handshaking; }  // a client asks no handler

    enum class state { expect_welcome, expect_ready };
    our_properties us_;
    std::string username_;
    std::string password_;
    state state_ = state::expect_welcome;
};

class plain_server final : public mechanism {
public:
    explicit plain_server(our_properties us) : us_(std::move(us)) {}

    std::string_view name() const override { return "PLAIN"; }
    outcome start(bytes&) override { return outcome::handshaking; }
    outcome take_command(byte_view body, bytes& out) override;
    outcome no_zap_handler(bytes& out) override;

private:
    outcome zap_approved(bytes& out) override;
    void append_refusal(bytes& out, std::string_view status) const override;
    outcome take_hello(byte_view data);

    enum class state { expect_hello, awaiting_zap, expect_initiate };
    our_properties us_;
    state state_ = state::expect_hello;
};

// The body of a HELLO: false if a name or password is over 255 bytes.
bool encode_plain_hello(bytes& out, std::string_view username, std::string_view password);

} // namespace zmx::zmtp
