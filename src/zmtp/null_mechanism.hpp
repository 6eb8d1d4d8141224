// The NULL mechanism (RFC 23/37): no security. Each side sends READY with
// its properties as soon as the greeting is done and is ready once the
// peer's READY has come and its socket type is one we may talk to.
//
// With a ZAP domain set (ZMQ_ZAP_DOMAIN), libzmq asks the ZAP handler
// before sending READY, and so do we; with none bound the connection goes
// ahead unless ZMQ_ZAP_ENFORCE_DOMAIN is on.
//
// Threading: one connection's, on its I/O thread.
#pragma once

#include "zmtp/mechanism.hpp"

namespace zmx::zmtp {

class null_mechanism final : public mechanism {
public:
    explicit null_mechanism(our_properties us) : us_(std::move(us)) {}

    std::string_view name() const override { return "NULL"; }
    outcome start(bytes& out) override;
    outcome take_command(byte_view body, bytes& out) override;
    outcome no_zap_handler(bytes& out) override;

private:
    outcome zap_approved(bytes& out) override;

    our_properties us_;
};

} // namespace zmx::zmtp
