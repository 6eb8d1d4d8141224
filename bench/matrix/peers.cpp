// N tcp peers connect to one bound ROUTER: the time until the ROUTER has
// received a message from every one, and the resident memory (and CPU)
// each connection costs the ROUTER's process. The peers live in a child
// process (zmtp_peers.hpp), so the memory read from /proc/self is the
// library's alone.
#include "child_process.hpp"
#include "measure.hpp"
#include "suites.hpp"
#include "zmtp_peers.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>

namespace matrix {

namespace {

using bench_clock = std::chrono::steady_clock;

long resident_kib()
{
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.starts_with("VmRSS:")) return std::stol(line.substr(6));
    fail("no VmRSS in /proc/self/status");
}

void connect_peers(library& lib, addresses& at, long n)
{
    raise_descriptor_limit(n + 256);
    auto router = lib.open(role::router);
    const std::string address = router->bind(at.fresh("tcp"));
    const long resident_before = resident_kib();
    const bench::cpu_meter cpu;
    const auto start = bench_clock::now();
    child_process peers({"bench-matrix-peers", zmtp_peers_flag, std::to_string(n), address});

    const auto give_up = start + std::chrono::minutes(2);
    for (long received = 0; received < n;) {
        size_t size;
        if (router->try_receive(size)) {
            expect_size(size, 1);
            received++;
            continue;
        }
        peers.check_running("the zmtp peers' process ended early");
        if (bench_clock::now() > give_up) fail("router: " + std::to_string(received) + " of the peers arrived");
        lib.wait_any({router.get()}, 100);
    }
    const double seconds = std::chrono::duration<double>(bench_clock::now() - start).count();
    const long resident_after = resident_kib();

    const std::string name = "router " + std::to_string(n) + " peers ";
    figure("tcp", name + "connect s", seconds);
    figure("tcp", name + "rss KiB/conn", double(resident_after - resident_before) / double(n));
    figure("tcp", name + "cpu us/conn", cpu.micros_per(n));
    peers.finish("the zmtp peers' process failed");
}

}  // namespace

void peers(library& lib, const plan& p, addresses& at)
{
    if (!lib.has(role::router)) {
        std::fprintf(stderr, "peers: this library has no ROUTER; nothing to measure\n");
        return;
    }
    for (long n : p.peers) connect_peers(lib, at, n);
}

}  // namespace matrix
