// The peers of the `peers` suite: a process of its own (this same binary,
// run as `bench-matrix-* --zmtp-peers N ADDRESS`) that opens N tcp
// connections speaking just enough ZMTP 3.0 by hand (greeting and NULL
// READY as a DEALER, then, the server's READY read, one message) and keeps them open until its standard
// input closes. Written on plain sockets, so both libraries face the very
// same peers, and the ROUTER's process holds only the library's side of
// each connection when its memory is read.
#pragma once

namespace matrix {

inline constexpr const char* zmtp_peers_flag = "--zmtp-peers";

// The child's main: exits 0 once its standard input is closed, 1 when a
// connection fails.
int run_zmtp_peers(const char* count, const char* address);

// Raises this process's soft limit on open descriptors to the hard limit;
// fails if that is below `needed`.
void raise_descriptor_limit(long needed);

}  // namespace matrix
