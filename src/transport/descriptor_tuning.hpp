// Applies a socket's tcp_tuning to a descriptor, the way libzmq does: on
// a connecting descriptor before connect(2), on a listener before
// listen(2) (accepted descriptors inherit from it) and on every connected
// one. The system refusing a value is not an error: the connection works
// with the system's setting, as libzmq's would.
//
// Threading: any thread; touches only the descriptor.
#pragma once

#include "transport/transport_options.hpp"

#include <string>

namespace zmx {

// Type of service, priority and buffer sizes: what must be set before the
// connection exists to take effect on it (the listener too, as libzmq
// sets them). For tcp, ws and wss only: libzmq leaves an ipc descriptor
// as the system makes it, buffers included (a program that sets
// ZMQ_SNDBUF 0, the "system default" of older versions, keeps ipc fast).
void tune_before_connecting(int fd, const tcp_tuning& options);
// ZMQ_BINDTODEVICE on a tcp descriptor before bind(2) or connect(2):
// 0, or -1 with the system's errno (ENODEV for an unknown device), which
// fails the bind or the connection as in libzmq. An empty name does nothing.
int bind_to_device(int fd, const std::string& device);
// TCP_NODELAY, keepalive, the retransmission limit and the priority (tcp only).
void tune_connected_tcp(int fd, const tcp_tuning& options);

} // namespace zmx
