// The security settings of a socket (zmq_setsockopt's ZMQ_PLAIN_*,
// ZMQ_CURVE_*, ZMQ_ZAP_*), as a connection's handshake needs them. The
// socket layer keeps one set and each connection takes a copy; the
// mechanism factory (mechanism_factory.hpp) picks NULL, PLAIN or CURVE
// from it.
//
// Threading: a plain value.
#pragma once

#include <string>

namespace zmx::zmtp {

enum class mechanism_kind { null, plain, curve };

struct security_options {
    mechanism_kind mechanism = mechanism_kind::null;
    bool as_server = false;
    std::string plain_username;
    std::string plain_password;
    // CURVE keys, 32 bytes each once set (empty until then).
    std::string curve_public_key;
    std::string curve_secret_key;
    std::string curve_server_key;
    std::string zap_domain;
    bool zap_enforce_domain = false;
};

} // namespace zmx::zmtp
