// zmq_setsockopt/zmq_getsockopt for the options that shape what a bind
// listens on and whom it takes: ZMQ_TCP_ACCEPT_FILTER, ZMQ_IPC_FILTER_PID,
// _UID and _GID (set only, as in libzmq), ZMQ_USE_FD and ZMQ_BINDTODEVICE
// (which also binds a connecting descriptor to its device). Same contract as
// options::set/get: `known` is false for an option that is not one of these.
#pragma once

#include "transport/transport_options.hpp"

#include <cstddef>

namespace zmx {

// ipv6: the socket's ZMQ_IPV6 now, which decides whether an accept filter
// may be an IPv6 address (libzmq reads it when the filter is set).
int set_listener_option(transport_options& options, bool ipv6, int option, const void* value, size_t size,
                        bool& known);
int get_listener_option(const transport_options& options, int option, void* value, size_t* size, bool& known);

} // namespace zmx
