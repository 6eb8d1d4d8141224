// zmq_setsockopt/zmq_getsockopt for the options of transport_options
// (heartbeats, tcp tuning, backlog, connect timeout, reconnect stop, the
// SOCKS5 proxy), with libzmq 4.3.4's ranges. Same contract as
// options::set/get: `known` is false for an option that is not one of these.
#pragma once

#include "transport/transport_options.hpp"

#include <cstddef>

namespace zmx {

int set_transport_option(transport_options& options, int option, const void* value, size_t size, bool& known);
int get_transport_option(const transport_options& options, int option, void* value, size_t* size, bool& known);

} // namespace zmx
