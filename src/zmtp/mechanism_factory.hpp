// The mechanism a connection's handshake runs, chosen from the socket's
// security settings: the only place that names NULL, PLAIN and CURVE, so
// the engine never does.
//
// Threading: stateless.
#pragma once

#include "zmtp/mechanism.hpp"
#include "zmtp/security_options.hpp"

#include <memory>

namespace zmx::zmtp {

std::unique_ptr<mechanism> make_mechanism(const security_options& security, our_properties us);

// Whether a greeting must announce us as the server (the as-server bit).
inline bool announces_server(const security_options& security) {
    return security.as_server && security.mechanism != mechanism_kind::null;
}

} // namespace zmx::zmtp
