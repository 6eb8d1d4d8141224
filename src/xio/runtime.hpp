// What every part of libxio shares: the one zmq context its sockets live in.
//
// Threading: any thread.
#pragma once

namespace zmx::xio {

// The context, created on first use and kept for the life of the process
// (xio has no call that would end it). nullptr with errno if it cannot be made.
void* zmq_context();

// A new zmq socket of the type in that context, with LINGER set, or nullptr
// with errno.
void* new_zmq_socket(int type, int linger_ms);

} // namespace zmx::xio
