// What one run of bench-matrix measures: its command line, parsed.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

namespace matrix {

struct plan {
    std::string suite;                    // throughput, across, latency, fanout, peers or slow
    std::vector<std::string> transports;  // inproc, ipc, tcp
    // Multiplies every message count, so a quick run and a ctest smoke
    // run measure the same things, fewer times. The slow conversation's
    // length is its own (slow_seconds): its rate is the point.
    double scale = 1.0;
    std::vector<size_t> sizes{16, 64, 256, 1024, 8192, 65536, 1048576};
    std::vector<long> subscribers{1, 10, 100};
    std::vector<long> peers{1000, 10000};
    double slow_seconds = 5;

    // `base` scaled, at least `floor`: a count too small to time is no
    // figure at all.
    long count(double base, long floor = 2) const;
    // How long a stream of messages may last before it stops short of its
    // count (send_stream).
    double budget_seconds() const { return std::max(0.2, 3.0 * scale); }
};

// Exits with the usage text (status 2) when the command line is wrong.
plan parse_command_line(int argc, char** argv);

}  // namespace matrix
