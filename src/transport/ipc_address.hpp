// ipc endpoint addresses (unix domain stream sockets), in libzmq's forms:
// a filesystem path ("/tmp/feed", relative ones too), an abstract name
// ("@feed", Linux only), or "*" for a fresh path chosen at bind time.
//
// Threading: pure functions, except the wildcard's directory creation.
#pragma once

#include "transport/socket_address.hpp"

#include <string>

namespace zmx {

// 0, or -1 with EINVAL (empty, "*") or ENAMETOOLONG (over 107 bytes).
int resolve_ipc_address(const std::string& path, socket_address& out);

// For "ipc://*": makes a private directory under $TMPDIR (or /tmp) and
// names a socket in it. 0, or -1 with errno; directory receives the path to
// remove once the listener is closed.
int make_wildcard_ipc_address(socket_address& out, std::string& directory);

// The filesystem path of a bound ipc address ("" for an abstract name),
// which the listener removes when it closes.
std::string ipc_file_of(const socket_address& address);

} // namespace zmx
