// The figures of one device side's socket (struct zmx_socket_stats), each
// named once for every place the broker shows it: the control endpoint's
// JSON (a group and a key), the Prometheus exposition (a metric, its
// labels beyond device and side, counter or gauge) and the SIGUSR1 line.
#pragma once

#include <zmq.h>
#include <zmx.h>

#include <cstdint>
#include <span>

namespace zmx_broker {

struct side_figure {
    uint64_t zmx_socket_stats::*field;
    const char* json_group;  // the object it sits in, or nullptr: at the side's top level
    const char* json_key;
    const char* metric;      // Prometheus name, zmx_ prefix included
    const char* labels;      // e.g. reason="hwm", or ""
    bool counter;            // else a gauge
    const char* help;
};

// In the order they are shown; figures of one JSON group are adjacent.
std::span<const side_figure> side_figures_shown();

}  // namespace zmx_broker
