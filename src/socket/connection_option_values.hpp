// zmq_setsockopt/zmq_getsockopt for the options of connection_options
// (heartbeats, tcp tuning, backlog, connect timeout, reconnect stop), with
// libzmq 4.3.4's ranges. Same contract as options::set/get: `known` is
// false for an option that is not one of these.
#pragma once

#include "transport/connection_options.hpp"

#include <cstddef>

namespace zmx {

int set_connection_option(connection_options& options, int option, const void* value, size_t size, bool& known);
int get_connection_option(const connection_options& options, int option, void* value, size_t* size, bool& known);

} // namespace zmx
