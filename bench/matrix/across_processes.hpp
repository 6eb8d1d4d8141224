// The `across` suite's sender: a process of its own (this same binary, run
// as `bench-matrix-* --push-child ENDPOINT SIZE COUNT SECONDS`) with its
// own instance of the library, so each side of the stream has its own I/O
// thread, as applications are deployed and as libzmq's local_thr and
// remote_thr measure.
#pragma once

namespace matrix {

inline constexpr const char* push_child_flag = "--push-child";

// The child's main. It connects a PUSH to ENDPOINT and sends one message
// of SIZE bytes; once a byte arrives on its standard input it sends COUNT
// more (or fewer, if SECONDS run out first) and an empty one, then waits
// for its standard input to close, so the library is never torn down with
// messages in flight. Exits 0, or 1 when something fails.
int run_push_child(const char* program, const char* endpoint, const char* size, const char* count,
                   const char* seconds);

}  // namespace matrix
