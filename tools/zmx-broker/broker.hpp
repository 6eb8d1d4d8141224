// A running broker: its devices and control endpoint on one context. Each
// device's proxy relays on a thread of its own; this thread's poll loop
// takes the signals, answers the control endpoint and the metrics scrapes,
// and counts the peers.
#pragma once

#include "config.hpp"
#include "control_endpoint.hpp"
#include "device.hpp"
#include "metrics_endpoint.hpp"
#include "signal_watch.hpp"
#include "zap_service.hpp"

#include <chrono>
#include <memory>
#include <vector>

namespace zmx_broker {

class broker {
public:
    // Opens every device and the control endpoint; throws startup_error.
    broker(const broker_config& config, logger& log);

    // Serves until SIGINT or SIGTERM, then lets the devices relay what is
    // already in flight for up to the configured linger. The sockets' own LINGER covers what
    // they still hold when the broker is destroyed.
    void run();

private:
    // One wait and what it woke up; false once a stop was asked for.
    bool serve_once(long timeout_ms);
    void drain();
    bool drained() const;
    std::vector<device_report> reports();
    void print_stats();
    int64_t uptime_ms() const;

    logger& log_;
    int linger_ms_;
    std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
    // Declared in the order they must be made: the signals blocked before the
    // context starts its threads, and the sockets closed before it ends.
    signal_watch signals_;
    zmx_tools::context context_;
    std::unique_ptr<control_endpoint> control_;
    std::unique_ptr<metrics_endpoint> metrics_;
    std::unique_ptr<zap_service> zap_;  // before the devices whose clients it checks
    std::vector<std::unique_ptr<device>> devices_;
};

}  // namespace zmx_broker
