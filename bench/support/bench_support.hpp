// What every side-by-side benchmark shares: the check that the binary runs
// on the library it was built to measure, and the two measurements
// (PUSH/PULL throughput, REQ/REP round trip) over any transport.
//
// Output protocol, parsed by bench/run: one header line starting with '#',
// then one "figure<TAB>value" line per measurement.
#pragma once

#include "measure.hpp"

#include <cstddef>
#include <functional>
#include <string>

namespace bench {

// Prints the header line, after refusing to run (exit status 1) unless the
// dynamic loader really took zmq_version from BENCH_EXPECTED_LIBRARY.
void announce_library(const char* program, const std::string& transport);

// Exits with a message naming zmq_errno()'s error.
[[noreturn]] void die(const char* what);
inline void check(int rc, const char* what)
{
    if (rc == -1) die(what);
}

// Binds `socket` to a fresh endpoint of the transport and returns the
// endpoint its peer connects to (for tcp, the port the system chose).
using bind_fresh = std::function<std::string(void* socket, const char* figure, size_t size)>;
// Sets options on a pair of sockets before the server binds and the client
// connects (the security mechanism, or the authority a wss client trusts).
using configure_pair = std::function<void(void* server, void* client)>;

// PUSH in this thread, PULL (bound) in another: prints msg/s and MB/s.
// `configure`, when given, is applied to PULL (the server) and PUSH first.
void push_pull_throughput(void* context, const bind_fresh& bind, size_t size, long count,
                          const configure_pair& configure = {});
// As push_pull_throughput, PUSH in a child process (with a context of its
// own) and PULL here, as applications are deployed and as libzmq's
// local_thr and remote_thr measure: each side has its own I/O thread, and
// four busy threads share the cores. The CPU figure is both processes'.
// Call it while this process has no context: the child is forked first.
void push_pull_across_processes(const bind_fresh& bind, size_t size, long count);
// REQ in this thread, an echoing REP (bound) in another: prints the mean
// full round trip in microseconds.
// `configure` as above, applied to REP (the server) and REQ.
void req_rep_latency(void* context, const bind_fresh& bind, size_t size, long round_trips,
                     const configure_pair& configure = {});

}  // namespace bench
