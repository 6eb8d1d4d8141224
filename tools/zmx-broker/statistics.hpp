// What a broker tells about its devices: over the control endpoint as JSON,
// and on SIGUSR1 as lines for a person.
#pragma once

#include "device_kinds.hpp"

#include <zmq.h>
#include <zmx.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace zmx_broker {

// One direction of a device.
struct traffic {
    uint64_t messages = 0;
    uint64_t bytes = 0;
    // Received, but refused by the other side (see docs/tools.md for when).
    uint64_t dropped = 0;
};

// A proxy's STATISTICS answer (zmq_proxy_steerable(3)): messages in, bytes
// in, messages out, bytes out of the frontend, then of the backend.
using proxy_counters = std::array<uint64_t, 8>;

// One direction from the proxy's counters: what the receiving side sent,
// and what the sending side received beyond that (refused, so dropped).
traffic frontend_to_backend(const proxy_counters& counters);
traffic backend_to_frontend(const proxy_counters& counters);

// Each side's socket's own figures: frontend, then backend.
using side_figures = std::array<struct zmx_socket_stats, 2>;

struct side_report {
    int peers = 0;
    struct zmx_socket_stats figures {};  // zmx_socket_stats of the side's socket
    std::vector<std::string> bound;  // as bound: "tcp://0.0.0.0:5555"
    std::vector<std::string> connected;
};

struct device_report {
    std::string name;
    device_kind kind;
    side_report frontend;
    side_report backend;
    traffic frontend_to_backend;
    traffic backend_to_frontend;
};

std::string stats_json(const std::vector<device_report>& devices, int64_t uptime_ms);
// Prometheus text exposition (format 0.0.4) of the same figures.
std::string stats_prometheus(const std::vector<device_report>& devices, int64_t uptime_ms);
// One line per device, then one per side of each.
std::vector<std::string> stats_lines(const std::vector<device_report>& devices);

}  // namespace zmx_broker
