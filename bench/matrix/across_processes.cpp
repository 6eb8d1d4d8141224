// PUSH/PULL throughput at each size with the PUSH in a second process
// (across_processes.hpp), over ipc and tcp: msg/s from the first timed
// send to the empty message that ends the stream, and the CPU per message
// of both processes together.
#include "across_processes.hpp"

#include "child_process.hpp"
#include "measure.hpp"
#include "suites.hpp"

#include <sys/prctl.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>

namespace matrix {

namespace {

using bench_clock = std::chrono::steady_clock;

// The bound PULL here, the PUSH in a child. Its first message goes through
// untimed; the clock runs from the byte that starts the child's stream to
// the empty message that ends it.
void push_from_child(library& lib, const std::string& transport, addresses& at, size_t size, long count,
                     std::chrono::duration<double> budget)
{
    auto pull = lib.open(role::pull);
    child_process pusher({"bench-matrix-push", push_child_flag, pull->bind(at.fresh(transport)), std::to_string(size),
                          std::to_string(count), std::to_string(budget.count())});
    expect_size(pull->receive(), size);

    const bench::cpu_meter cpu;
    const auto start = bench_clock::now();
    pusher.signal();
    long received = 0;
    for (size_t got; (got = pull->receive()) != 0; received++) expect_size(got, size);
    const double seconds = std::chrono::duration<double>(bench_clock::now() - start).count();
    const double receiver_cpu = cpu.seconds();
    const double sender_cpu = pusher.finish("the sending process failed");

    stream_figures(transport, "push/pull across processes " + std::to_string(size) + " B ", size, received, seconds,
                   receiver_cpu + sender_cpu);
}

}  // namespace

void across_processes(library& lib, const plan& p, addresses& at)
{
    const std::chrono::duration<double> budget(p.budget_seconds());
    for (const auto& transport : p.transports) {
        if (transport == "inproc") continue;  // one process by definition
        for (size_t size : p.sizes)
            push_from_child(lib, transport, at, size, p.count(stream_base_count(size)), budget);
    }
}

int run_push_child(const char* program, const char* endpoint, const char* size_text, const char* count_text,
                   const char* seconds_text)
{
    // A parent that fails exits at once; a child blocked for room to send
    // would wait for it forever.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    const size_t size = std::strtoul(size_text, nullptr, 10);
    const long count = std::strtol(count_text, nullptr, 10);
    const std::chrono::duration<double> budget(std::strtod(seconds_text, nullptr));
    auto lib = open_library(program);
    auto push = lib->open(role::push);
    push->connect(endpoint);
    push->send(size);
    char go;
    if (read(STDIN_FILENO, &go, 1) != 1) return EXIT_FAILURE;
    send_stream(*push, size, count, budget);
    push->send(0);
    while (read(STDIN_FILENO, &go, 1) > 0) {
    }
    return EXIT_SUCCESS;
}

}  // namespace matrix
