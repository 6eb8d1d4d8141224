// Round trips: REQ/REP and DEALER/ROUTER latency as fast as they go, and a
// slow conversation (REQ/REP at a fixed, low rate) whose figure is the CPU
// it costs: a wait that spins to win latency must not make an idle-ish
// application burn a core.
#include "measure.hpp"
#include "suites.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <thread>

namespace matrix {

namespace {

using bench_clock = std::chrono::steady_clock;

// A client connected to its bound, echoing server, one untimed round trip
// done, so the connection is up and handshaken. The server echoes
// `round_trips` requests in a thread of its own.
class conversation {
public:
    conversation(library& lib, addresses& at, const std::string& transport, role client_role, role server_role,
                 size_t size, long round_trips)
        : client_(lib.open(client_role)), server_(lib.open(server_role)), size_(size)
    {
        client_->connect(server_->bind(at.fresh(transport)));
        client_->send(size_);
        server_->echo();
        expect_size(client_->receive(), size_);
        echoer_ = std::thread([this, round_trips] {
            for (long i = 0; i < round_trips; i++) server_->echo();
        });
    }
    ~conversation() { echoer_.join(); }

    void round_trip()
    {
        client_->send(size_);
        expect_size(client_->receive(), size_);
    }

private:
    std::unique_ptr<socket> client_, server_;
    size_t size_;
    std::thread echoer_;
};

void fast(library& lib, addresses& at, const std::string& transport, const char* pattern, role client_role,
          role server_role, size_t size, long round_trips)
{
    conversation talk(lib, at, transport, client_role, server_role, size, round_trips);
    const bench::cpu_meter cpu;
    const auto start = bench_clock::now();
    for (long i = 0; i < round_trips; i++) talk.round_trip();
    const double seconds = std::chrono::duration<double>(bench_clock::now() - start).count();

    // The figure is the full round trip (request out, reply back), not half.
    const std::string name = std::string(pattern) + " " + std::to_string(size) + " B ";
    figure(transport, name + "round trip us", seconds / double(round_trips) * 1e6);
    figure(transport, name + "cpu us/round trip", cpu.micros_per(round_trips));
}

}  // namespace

void latency(library& lib, const plan& p, addresses& at)
{
    for (const auto& transport : p.transports)
        for (size_t size : {64, 4096}) {
            const long round_trips = p.count(transport == "inproc" ? 20'000 : 10'000);
            fast(lib, at, transport, "req/rep", role::req, role::rep, size, round_trips);
            if (lib.has(role::router))
                fast(lib, at, transport, "dealer/router", role::dealer, role::router, size, round_trips);
        }
}

// Each request leaves on a fixed schedule (1,000 a second), so a late
// answer does not shift the ones after it.
void slow_conversation(library& lib, const plan& p, addresses& at)
{
    constexpr long per_second = 1000;
    const long exchanges = std::max(2L, std::lround(p.slow_seconds * per_second));
    for (const auto& transport : p.transports) {
        conversation talk(lib, at, transport, role::req, role::rep, 64, exchanges);
        const bench::cpu_meter cpu;
        const auto start = bench_clock::now();
        for (long i = 0; i < exchanges; i++) {
            std::this_thread::sleep_until(start + std::chrono::microseconds(i * 1'000'000 / per_second));
            talk.round_trip();
        }
        const double seconds = std::chrono::duration<double>(bench_clock::now() - start).count();
        figure(transport, "req/rep 64 B 1000/s cpu %", cpu.seconds() / seconds * 100);
        figure(transport, "req/rep 64 B 1000/s cpu us/exchange", cpu.micros_per(exchanges));
    }
}

}  // namespace matrix
