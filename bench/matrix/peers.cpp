// N tcp peers connect to one bound ROUTER: the time until the ROUTER has
// received a message from every one, and the resident memory (and CPU)
// each connection costs the ROUTER's process. The peers live in a child
// process (zmtp_peers.hpp), so the memory read from /proc/self is the
// library's alone.
#include "measure.hpp"
#include "suites.hpp"
#include "zmtp_peers.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>

extern char** environ;

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

// This binary again, as the peers' process, its standard input a pipe
// whose closing tells it to end.
class peer_process {
public:
    peer_process(long count, const std::string& address)
    {
        int ends[2];
        if (pipe(ends) != 0) fail("pipe");
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, ends[0], STDIN_FILENO);
        posix_spawn_file_actions_addclose(&actions, ends[1]);
        const std::string n = std::to_string(count);
        char* const argv[] = {const_cast<char*>("bench-matrix-peers"), const_cast<char*>(zmtp_peers_flag),
                              const_cast<char*>(n.c_str()), const_cast<char*>(address.c_str()), nullptr};
        if (posix_spawn(&pid_, "/proc/self/exe", &actions, nullptr, argv, environ) != 0) fail("posix_spawn");
        posix_spawn_file_actions_destroy(&actions);
        close(ends[0]);
        stop_ = ends[1];
    }

    // Fails if the peers' process has ended (it reported why on stderr).
    void check_running()
    {
        int status;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            fail("the zmtp peers' process ended early");
        }
    }

    void finish()
    {
        close(stop_);
        int status = 0;
        if (waitpid(pid_, &status, 0) != pid_ || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
            fail("the zmtp peers' process failed");
    }

private:
    pid_t pid_ = -1;
    int stop_ = -1;
};

void connect_peers(library& lib, addresses& at, long n)
{
    raise_descriptor_limit(n + 256);
    auto router = lib.open(role::router);
    const std::string address = router->bind(at.fresh("tcp"));
    const long resident_before = resident_kib();
    const bench::cpu_meter cpu;
    const auto start = bench_clock::now();
    peer_process peers(n, address);

    const auto give_up = start + std::chrono::minutes(2);
    for (long received = 0; received < n;) {
        size_t size;
        if (router->try_receive(size)) {
            expect_size(size, 1);
            received++;
            continue;
        }
        peers.check_running();
        if (bench_clock::now() > give_up) fail("router: " + std::to_string(received) + " of the peers arrived");
        lib.wait_any({router.get()}, 100);
    }
    const double seconds = std::chrono::duration<double>(bench_clock::now() - start).count();
    const long resident_after = resident_kib();

    const std::string name = "router " + std::to_string(n) + " peers ";
    figure("tcp", name + "connect s", seconds);
    figure("tcp", name + "rss KiB/conn", double(resident_after - resident_before) / double(n));
    figure("tcp", name + "cpu us/conn", cpu.micros_per(n));
    peers.finish();
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
