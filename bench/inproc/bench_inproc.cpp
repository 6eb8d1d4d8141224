// Inproc throughput (PUSH/PULL) and round-trip latency (REQ/REP), built
// twice from this one source: against zmx and against Debian's libzmq.
// `bench/run inproc` runs both and compares them.
#include "bench_support.hpp"

#include <zmq.h>

int main()
{
    bench::announce_library("bench-inproc", "inproc");

    // Each measurement binds its own endpoint name: zmq_close is
    // asynchronous, and libzmq keeps an inproc name bound until the socket
    // is reaped, so an immediate rebind of the same name can fail with
    // EADDRINUSE.
    const bench::bind_fresh bind = [](void* socket, const char* figure, size_t size) {
        const std::string endpoint = "inproc://bench-" + std::string(figure) + "-" + std::to_string(size);
        bench::check(zmq_bind(socket, endpoint.c_str()), "zmq_bind");
        return endpoint;
    };

    void* context = zmq_ctx_new();
    if (!context) bench::die("zmq_ctx_new");
    // Counts sized so one run of both variants, 5 times each, stays under a
    // minute on 2 cores (one libzmq run: about 3 s).
    bench::push_pull_throughput(context, bind, 64, 4'000'000);
    bench::push_pull_throughput(context, bind, 1024, 2'000'000);
    bench::push_pull_throughput(context, bind, 65536, 100'000);
    bench::req_rep_latency(context, bind, 64, 20'000);
    bench::check(zmq_ctx_term(context), "zmq_ctx_term");
}
