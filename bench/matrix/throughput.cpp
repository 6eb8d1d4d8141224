// PUSH/PULL throughput at each message size, with the CPU per message.
#include "measure.hpp"
#include "suites.hpp"

#include <chrono>
#include <thread>

namespace matrix {

namespace {

using bench_clock = std::chrono::steady_clock;

// PUSH in this thread, the bound PULL in another. One message goes through
// first, untimed, so a connection is up and handshaken; the clock runs
// from the first timed send to the last receive, so messages still queued
// do not count. `count` messages, or fewer if `budget` runs out first; an
// empty message ends the stream (PUSH/PULL keeps order on one connection).
void push_pull(library& lib, const std::string& transport, addresses& at, size_t size, long count,
               std::chrono::duration<double> budget)
{
    auto pull = lib.open(role::pull);
    auto push = lib.open(role::push);
    push->connect(pull->bind(at.fresh(transport)));
    push->send(size);
    expect_size(pull->receive(), size);

    long received = 0;
    bench_clock::time_point last_received;
    std::thread receiver([&] {
        for (size_t got; (got = pull->receive()) != 0; received++) expect_size(got, size);
        last_received = bench_clock::now();
    });
    const bench::cpu_meter cpu;
    const auto start = bench_clock::now();
    const long sent = send_stream(*push, size, count, budget);
    push->send(0);
    receiver.join();
    if (received != sent) fail("push/pull: " + std::to_string(received) + " of " + std::to_string(sent) + " arrived");
    const double seconds = std::chrono::duration<double>(last_received - start).count();

    stream_figures(transport, "push/pull " + std::to_string(size) + " B ", size, sent, seconds, cpu.seconds());
}

}  // namespace

double stream_base_count(size_t size)
{
    return 0.8 / (0.25e-6 + double(size) / 2.5e9);
}

void throughput(library& lib, const plan& p, addresses& at)
{
    const std::chrono::duration<double> budget(p.budget_seconds());
    for (const auto& transport : p.transports)
        for (size_t size : p.sizes) push_pull(lib, transport, at, size, p.count(stream_base_count(size)), budget);
}

}  // namespace matrix
