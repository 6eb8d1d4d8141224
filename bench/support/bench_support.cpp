#include "bench_support.hpp"

#include <zmq.h>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

namespace bench {

namespace {

using bench_clock = std::chrono::steady_clock;

const char* program_name = "bench";

// Messages are sent and received as zmq_msg_t, as an application that cares
// about speed would, and their payload is never written or read, so the
// figures measure the library's per-message cost, not the benchmark's memcpy.
void send_message(void* socket, size_t size)
{
    zmq_msg_t msg;
    check(zmq_msg_init_size(&msg, size), "zmq_msg_init_size");
    if (zmq_msg_send(&msg, socket, 0) == -1) die("zmq_msg_send");
}

void receive_message(void* socket, zmq_msg_t* msg, size_t expected_size)
{
    if (zmq_msg_recv(msg, socket, 0) == -1) die("zmq_msg_recv");
    if (zmq_msg_size(msg) != expected_size) {
        std::fprintf(stderr, "%s: received %zu bytes, sent %zu\n", program_name, zmq_msg_size(msg), expected_size);
        std::exit(EXIT_FAILURE);
    }
}

}  // namespace

void die(const char* what)
{
    std::fprintf(stderr, "%s: %s: %s\n", program_name, what, zmq_strerror(zmq_errno()));
    std::exit(EXIT_FAILURE);
}

void announce_library(const char* program, const std::string& transport)
{
    program_name = program;
    const auto in_use = require_library(program, reinterpret_cast<const void*>(&zmq_version));
    int major, minor, patch;
    zmq_version(&major, &minor, &patch);
    std::printf("# %s (ZeroMQ API %d.%d.%d) over %s\n", in_use.c_str(), major, minor, patch, transport.c_str());
}

// The clock runs from the first timed send to the last receive, so
// queued-but-unreceived messages do not count. One message goes through
// before it starts, so a network connection is up and handshaken and its
// setup is not timed.
void push_pull_throughput(void* context, const bind_fresh& bind, size_t size, long count,
                          const configure_pair& configure)
{
    void* pull = zmq_socket(context, ZMQ_PULL);
    void* push = zmq_socket(context, ZMQ_PUSH);
    if (!pull || !push) die("zmq_socket");
    if (configure) configure(pull, push);
    check(zmq_connect(push, bind(pull, "throughput", size).c_str()), "zmq_connect");

    zmq_msg_t warm_up;
    check(zmq_msg_init(&warm_up), "zmq_msg_init");
    send_message(push, size);
    receive_message(pull, &warm_up, size);
    zmq_msg_close(&warm_up);

    bench_clock::time_point last_received;
    std::thread receiver([&] {
        zmq_msg_t msg;
        check(zmq_msg_init(&msg), "zmq_msg_init");
        for (long i = 0; i < count; i++)
            receive_message(pull, &msg, size);
        last_received = bench_clock::now();
        zmq_msg_close(&msg);
    });

    const cpu_meter cpu;
    const auto start = bench_clock::now();
    for (long i = 0; i < count; i++) send_message(push, size);
    receiver.join();
    const double seconds = std::chrono::duration<double>(last_received - start).count();

    std::printf("push/pull %zu B msg/s\t%.0f\n", size, count / seconds);
    std::printf("push/pull %zu B MB/s\t%.1f\n", size, count * double(size) / seconds / 1e6);
    std::printf("push/pull %zu B cpu us/msg\t%.3f\n", size, cpu.micros_per(count));
    std::fflush(stdout);
    zmq_close(push);
    zmq_close(pull);
}

namespace {

// The child: connects a PUSH to the endpoint that comes down the pipe and
// sends the warm-up message and count more, then waits for the pipe to
// close (the parent has them all) before it closes its socket. libzmq
// 4.3.4 loses the last few hundred messages over ipc now and then when the
// sender closes and ends right after sending (2 runs in 12 at 64 B), and
// the parent would wait for them forever.
[[noreturn]] void push_from_child(int endpoint_pipe, size_t size, long count)
{
    // A parent that dies (a failed check) takes the child along, which
    // would otherwise wait forever for room to send.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    std::string endpoint;
    char c;
    while (read(endpoint_pipe, &c, 1) == 1 && c != '\n') endpoint += c;
    void* context = zmq_ctx_new();
    void* push = context ? zmq_socket(context, ZMQ_PUSH) : nullptr;
    if (!push) die("zmq_socket");
    check(zmq_connect(push, endpoint.c_str()), "zmq_connect");
    for (long i = 0; i <= count; i++) send_message(push, size);
    while (read(endpoint_pipe, &c, 1) > 0) {
    }
    zmq_close(push);
    zmq_ctx_term(context);
    std::_Exit(EXIT_SUCCESS);
}

}  // namespace

// The clock runs from the warm-up message's arrival to the last one's.
void push_pull_across_processes(const bind_fresh& bind, size_t size, long count)
{
    int endpoint_pipe[2];
    if (pipe(endpoint_pipe) != 0) die("pipe");
    std::fflush(stdout);
    const pid_t child = fork();
    if (child < 0) die("fork");
    if (child == 0) {
        close(endpoint_pipe[1]);
        push_from_child(endpoint_pipe[0], size, count);
    }
    close(endpoint_pipe[0]);
    void* context = zmq_ctx_new();
    void* pull = context ? zmq_socket(context, ZMQ_PULL) : nullptr;
    if (!pull) die("zmq_socket");
    const std::string endpoint = bind(pull, "across", size) + "\n";
    if (write(endpoint_pipe[1], endpoint.data(), endpoint.size()) != ssize_t(endpoint.size())) die("write");

    zmq_msg_t msg;
    check(zmq_msg_init(&msg), "zmq_msg_init");
    receive_message(pull, &msg, size);
    const cpu_meter cpu;
    const auto start = bench_clock::now();
    for (long i = 0; i < count; i++) receive_message(pull, &msg, size);
    const double seconds = std::chrono::duration<double>(bench_clock::now() - start).count();
    const double receiver_cpu = cpu.seconds();
    zmq_msg_close(&msg);
    close(endpoint_pipe[1]);  // the child may close its socket now
    int status = 0;
    rusage child_usage{};
    if (wait4(child, &status, 0, &child_usage) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        die("the sending process failed");
    zmq_close(pull);
    zmq_ctx_term(context);

    std::printf("push/pull across processes %zu B msg/s\t%.0f\n", size, count / seconds);
    std::printf("push/pull across processes %zu B cpu us/msg\t%.3f\n", size,
                (receiver_cpu + cpu_meter::seconds_of(child_usage)) / double(count) * 1e6);
    std::fflush(stdout);
}

// The figure is the mean full round trip (request out, reply back), not
// half of it. One untimed round trip first, as above.
void req_rep_latency(void* context, const bind_fresh& bind, size_t size, long round_trips,
                     const configure_pair& configure)
{
    void* rep = zmq_socket(context, ZMQ_REP);
    void* req = zmq_socket(context, ZMQ_REQ);
    if (!rep || !req) die("zmq_socket");
    if (configure) configure(rep, req);
    check(zmq_connect(req, bind(rep, "latency", size).c_str()), "zmq_connect");

    zmq_msg_t msg;
    check(zmq_msg_init(&msg), "zmq_msg_init");
    send_message(req, size);
    receive_message(rep, &msg, size);
    if (zmq_msg_send(&msg, rep, 0) == -1) die("zmq_msg_send");
    receive_message(req, &msg, size);

    std::thread echo([&] {
        zmq_msg_t request;
        check(zmq_msg_init(&request), "zmq_msg_init");
        for (long i = 0; i < round_trips; i++) {
            receive_message(rep, &request, size);
            if (zmq_msg_send(&request, rep, 0) == -1) die("zmq_msg_send");
        }
        zmq_msg_close(&request);
    });

    const cpu_meter cpu;
    const auto start = bench_clock::now();
    for (long i = 0; i < round_trips; i++) {
        send_message(req, size);
        receive_message(req, &msg, size);
    }
    const double seconds = std::chrono::duration<double>(bench_clock::now() - start).count();
    echo.join();
    zmq_msg_close(&msg);

    std::printf("req/rep %zu B round trip us\t%.2f\n", size, seconds / round_trips * 1e6);
    std::printf("req/rep %zu B cpu us/round trip\t%.2f\n", size, cpu.micros_per(round_trips));
    std::fflush(stdout);
    zmq_close(req);
    zmq_close(rep);
}

}  // namespace bench
