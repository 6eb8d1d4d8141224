// The matrix's suites, each written once against messaging.hpp, and what
// they share: fresh addresses to bind and the output protocol.
//
// Output protocol (as bench/run's): one header line starting with '#',
// then one "figure<TAB>value" line per measurement. Every figure's name
// starts with its transport ("tcp push/pull 64 B msg/s").
#pragma once

#include "messaging.hpp"
#include "plan.hpp"

#include <chrono>
#include <filesystem>
#include <string>

namespace matrix {

// Each measurement binds an address of its own: zmq_close is asynchronous,
// and a closing socket may still hold its last address for a moment.
class addresses {
public:
    addresses() = default;
    addresses(const addresses&) = delete;
    addresses& operator=(const addresses&) = delete;
    ~addresses();  // removes the ipc socket files' directory

    // inproc: a new name; ipc: a new file in a private temporary
    // directory; tcp: 127.0.0.1 on a port the system chooses.
    std::string fresh(const std::string& transport);

private:
    std::filesystem::path ipc_directory_;
    long serial_ = 0;
};

// Sends `count` messages of `size` bytes, or fewer if `budget` runs out
// first (nng, far slower at small sizes, would take minutes for counts
// sized for libzmq); returns how many it sent.
long send_stream(socket& s, size_t size, long count, std::chrono::duration<double> budget);

void figure(const std::string& transport, const std::string& name, double value);
// A stream's three figures, `name` followed by "msg/s", "MB/s" and
// "cpu us/msg": `messages` of `size` bytes in `seconds`, at a cost of
// `cpu_seconds`.
void stream_figures(const std::string& transport, const std::string& name, size_t size, long messages, double seconds,
                    double cpu_seconds);
// Fails unless a message arrived with the size it was sent with.
void expect_size(size_t received, size_t sent);

// Messages for a stream of `size` bytes each: about 0.8 s of libzmq over
// tcp on the 2-core machine the matrix was first run on (0.25 µs per
// message plus 2.5 GB/s), before plan::count scales it.
double stream_base_count(size_t size);

void throughput(library& lib, const plan& p, addresses& at);
// As throughput, the PUSH in a second process (across_processes.hpp);
// inproc is left out.
void across_processes(library& lib, const plan& p, addresses& at);
void latency(library& lib, const plan& p, addresses& at);
void slow_conversation(library& lib, const plan& p, addresses& at);
void fan_out(library& lib, const plan& p, addresses& at);
void peers(library& lib, const plan& p, addresses& at);

}  // namespace matrix
