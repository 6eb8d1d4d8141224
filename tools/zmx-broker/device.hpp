// One running device: its two sockets (options set, endpoints bound and
// connected), a monitor on each for its peers, and a relay for each
// direction messages travel.
#pragma once

#include "config.hpp"
#include "peer_monitor.hpp"
#include "relay.hpp"
#include "statistics.hpp"
#include "zmq_handles.hpp"

#include <optional>

namespace zmx_broker {

class device {
public:
    // Throws startup_error. `index` makes its monitor addresses unique.
    device(const zmx_tools::context& ctx, const device_config& config, size_t index, int linger_ms, logger& log);
    device(const device&) = delete;
    device& operator=(const device&) = delete;

    void watch(poll_set& set);
    // Relays what is ready and reads the peers' comings and goings.
    void serve(const poll_set& set);
    // Messages are waiting to be relayed.
    bool has_input() const;
    device_report report() const;

private:
    struct side {
        side(const zmx_tools::context& ctx, int type, const side_config& config, int linger_ms,
             const std::string& monitor_address, const std::string& where);

        zmx_tools::socket socket;
        peer_monitor monitor;
        std::vector<std::string> bound;
        std::vector<std::string> connected;

        side_report report() const;
    };

    std::string name_;
    device_kind kind_;
    logger& log_;
    side frontend_;
    side backend_;
    relay forward_;
    std::optional<relay> backward_;
};

}  // namespace zmx_broker
