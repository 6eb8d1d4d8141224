// Inproc throughput (PUSH/PULL) and round-trip latency (REQ/REP), built
// twice from this one source: against zmx and against Debian's libzmq.
// bench/run-inproc runs both and compares them.
//
// Output: a header line starting with '#', then one "figure<TAB>value" line
// per measurement, which the runner parses.
#include <zmq.h>

#include <dlfcn.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

namespace {

using bench_clock = std::chrono::steady_clock;

[[noreturn]] void die(const char* what)
{
    std::fprintf(stderr, "bench-inproc: %s: %s\n", what, zmq_strerror(zmq_errno()));
    std::exit(EXIT_FAILURE);
}

void check(int rc, const char* what)
{
    if (rc == -1) die(what);
}

// Both variants export the same symbols, so a stray LD_LIBRARY_PATH or
// RUNPATH would silently benchmark the wrong library. The build tells each
// binary which file it must run on (BENCH_EXPECTED_LIBRARY); the dynamic
// loader tells it which file zmq_version really came from.
std::filesystem::path library_in_use()
{
    Dl_info info{};
    if (dladdr(reinterpret_cast<void*>(&zmq_version), &info) == 0 || !info.dli_fname) {
        std::fprintf(stderr, "bench-inproc: dladdr cannot locate zmq_version\n");
        std::exit(EXIT_FAILURE);
    }
    return std::filesystem::canonical(info.dli_fname);
}

void refuse_wrong_library(const std::filesystem::path& in_use)
{
    std::error_code missing;
    const auto expected = std::filesystem::canonical(BENCH_EXPECTED_LIBRARY, missing);
    if (missing || in_use != expected) {
        std::fprintf(stderr, "bench-inproc: running on %s, built to measure %s; refusing\n",
                     in_use.c_str(), BENCH_EXPECTED_LIBRARY);
        std::exit(EXIT_FAILURE);
    }
}

double seconds_since(bench_clock::time_point start)
{
    return std::chrono::duration<double>(bench_clock::now() - start).count();
}

// Messages are sent and received as zmq_msg_t, as an application that cares
// about speed would, and their payload is never written or read, so the
// figures measure the library's per-message cost, not the benchmark's memcpy.
void send_message(void* socket, size_t size)
{
    zmq_msg_t msg;
    check(zmq_msg_init_size(&msg, size), "zmq_msg_init_size");
    if (zmq_msg_send(&msg, socket, 0) == -1) die("zmq_msg_send");
}

void receive_message(void* socket, zmq_msg_t* msg)
{
    if (zmq_msg_recv(msg, socket, 0) == -1) die("zmq_msg_recv");
}

// Each measurement binds its own endpoint name: zmq_close is asynchronous,
// and libzmq keeps an inproc name bound until the socket is reaped, so an
// immediate rebind of the same name can fail with EADDRINUSE.
std::string endpoint_for(const char* figure, size_t size)
{
    return "inproc://bench-" + std::string(figure) + "-" + std::to_string(size);
}

// PUSH in this thread, PULL in another; the clock runs from the first send
// to the last receive, so queued-but-unreceived messages do not count.
void push_pull_throughput(void* context, size_t size, long count)
{
    void* pull = zmq_socket(context, ZMQ_PULL);
    void* push = zmq_socket(context, ZMQ_PUSH);
    if (!pull || !push) die("zmq_socket");
    const auto endpoint = endpoint_for("throughput", size);
    check(zmq_bind(pull, endpoint.c_str()), "zmq_bind");
    check(zmq_connect(push, endpoint.c_str()), "zmq_connect");

    bench_clock::time_point last_received;
    std::thread receiver([&] {
        zmq_msg_t msg;
        check(zmq_msg_init(&msg), "zmq_msg_init");
        for (long i = 0; i < count; i++) {
            receive_message(pull, &msg);
            if (zmq_msg_size(&msg) != size) {
                std::fprintf(stderr, "bench-inproc: received %zu bytes, sent %zu\n", zmq_msg_size(&msg), size);
                std::exit(EXIT_FAILURE);
            }
        }
        last_received = bench_clock::now();
        zmq_msg_close(&msg);
    });

    const auto start = bench_clock::now();
    for (long i = 0; i < count; i++) send_message(push, size);
    receiver.join();
    const double seconds = std::chrono::duration<double>(last_received - start).count();

    std::printf("push/pull %zu B msg/s\t%.0f\n", size, count / seconds);
    std::printf("push/pull %zu B MB/s\t%.1f\n", size, count * double(size) / seconds / 1e6);
    zmq_close(push);
    zmq_close(pull);
}

// A REQ in this thread, an echoing REP in another. The figure is the mean
// full round trip (request out, reply back), not half of it.
void req_rep_latency(void* context, size_t size, long round_trips)
{
    void* rep = zmq_socket(context, ZMQ_REP);
    void* req = zmq_socket(context, ZMQ_REQ);
    if (!rep || !req) die("zmq_socket");
    const auto endpoint = endpoint_for("latency", size);
    check(zmq_bind(rep, endpoint.c_str()), "zmq_bind");
    check(zmq_connect(req, endpoint.c_str()), "zmq_connect");

    std::thread echo([&] {
        zmq_msg_t msg;
        check(zmq_msg_init(&msg), "zmq_msg_init");
        for (long i = 0; i < round_trips; i++) {
            receive_message(rep, &msg);
            if (zmq_msg_send(&msg, rep, 0) == -1) die("zmq_msg_send");
        }
        zmq_msg_close(&msg);
    });

    zmq_msg_t reply;
    check(zmq_msg_init(&reply), "zmq_msg_init");
    const auto start = bench_clock::now();
    for (long i = 0; i < round_trips; i++) {
        send_message(req, size);
        receive_message(req, &reply);
    }
    const double seconds = seconds_since(start);
    echo.join();
    zmq_msg_close(&reply);

    std::printf("req/rep %zu B round trip us\t%.2f\n", size, seconds / round_trips * 1e6);
    zmq_close(req);
    zmq_close(rep);
}

}  // namespace

int main()
{
    const auto in_use = library_in_use();
    refuse_wrong_library(in_use);
    int major, minor, patch;
    zmq_version(&major, &minor, &patch);
    std::printf("# %s (ZeroMQ API %d.%d.%d)\n", in_use.c_str(), major, minor, patch);

    void* context = zmq_ctx_new();
    if (!context) die("zmq_ctx_new");
    // Counts sized so one run of both variants, 5 times each, stays under a
    // minute on 2 cores (one libzmq run: about 3 s).
    push_pull_throughput(context, 64, 4'000'000);
    push_pull_throughput(context, 1024, 2'000'000);
    push_pull_throughput(context, 65536, 100'000);
    req_rep_latency(context, 64, 20'000);
    check(zmq_ctx_term(context), "zmq_ctx_term");
}
