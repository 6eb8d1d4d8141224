// One running device: its two sockets (options set, endpoints bound and
// connected), a monitor on each for its peers, and the proxy relaying
// between them on a thread of its own.
#pragma once

#include "config.hpp"
#include "device_proxy.hpp"
#include "peer_monitor.hpp"
#include "statistics.hpp"
#include "zmq_handles.hpp"

namespace zmx_broker {

class device {
public:
    // Throws startup_error. `index` makes its inproc addresses unique.
    device(const zmx_tools::context& ctx, const device_config& config, size_t index, int linger_ms, logger& log);
    device(const device&) = delete;
    device& operator=(const device&) = delete;

    void watch(poll_set& set);
    // Reads the peers' comings and goings, and the end of a drain.
    void serve(const poll_set& set);
    // Relays what is waiting, then stops relaying.
    void drain() { proxy_.drain(); }
    bool drained() const { return proxy_.drained(); }
    device_report report();

private:
    struct side {
        side(const zmx_tools::context& ctx, int type, const side_config& config, int linger_ms,
             const std::string& monitor_address, const std::string& zap_domain, const std::string& where);

        zmx_tools::socket socket;
        peer_monitor monitor;
        std::vector<std::string> bound;
        std::vector<std::string> connected;

        side_report report() const;
    };

    void log_endpoints() const;

    std::string name_;
    device_kind kind_;
    logger& log_;
    side frontend_;
    side backend_;
    device_proxy proxy_;  // after the sides: ends before their sockets close
};

}  // namespace zmx_broker
