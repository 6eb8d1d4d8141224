// zmq_setsockopt/zmq_getsockopt for the security options (ZMQ_MECHANISM,
// ZMQ_PLAIN_*, ZMQ_CURVE_*, ZMQ_ZAP_DOMAIN, ZMQ_ZAP_ENFORCE_DOMAIN), with
// libzmq 4.3.4's rules: setting a PLAIN credential makes the socket a
// PLAIN client, PLAIN_SERVER 1 a PLAIN server, 0 back to NULL; likewise
// for CURVE. Same contract as options::set/get: `known` is false for an
// option that is not one of these.
#pragma once

#include "zmtp/security_options.hpp"

#include <cstddef>

namespace zmx {

int set_security_option(zmtp::security_options& options, int option, const void* value, size_t size, bool& known);
int get_security_option(const zmtp::security_options& options, int option, void* value, size_t* size, bool& known);

} // namespace zmx
