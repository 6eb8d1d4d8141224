// Each round waits for a control command and, per direction, for input
// when the destination has room or else for room, then serves what woke it.
#include "socket/proxy.hpp"

#include "socket/proxy_control.hpp"
#include "socket/proxy_flow.hpp"

#include <zmq.h>

#include <vector>

namespace zmx {

namespace {

class proxy {
public:
    proxy(const proxy_sockets& sockets, const proxy_options& options);
    int run();

private:
    // 1 when the drain is over, 0 when not, -1 on error.
    int drained();
    // Lists what the next wait is for: the control socket, and each flow
    // while not paused. -1 on error.
    int wait_for(std::vector<poll_item>& items);
    // Serves one control command: 1 to go on, 0 when done, -1 on error.
    int obey();

    proxy_sockets sockets_;
    proxy_options options_;
    socket_traffic frontend_;
    socket_traffic backend_;
    std::vector<proxy_flow> flows_;  // frontend to backend, and back unless the same socket
    bool paused_ = false;
    bool draining_ = false;
};

proxy::proxy(const proxy_sockets& sockets, const proxy_options& options) : sockets_(sockets), options_(options) {
    flows_.reserve(2);
    flows_.emplace_back(sockets.frontend, frontend_, sockets.backend, backend_, sockets.capture,
                        options.drop_refused);
    if (&sockets.frontend != &sockets.backend)
        flows_.emplace_back(sockets.backend, backend_, sockets.frontend, frontend_, sockets.capture,
                            options.drop_refused);
}

int proxy::run() {
    std::vector<poll_item> items;
    for (;;) {
        const int done = drained();
        if (done != 0)
            return done < 0 ? -1 : send_statistics(*sockets_.control, frontend_, backend_);
        if (wait_for(items) < 0 || poll(items, -1) < 0)
            return -1;
        const bool flows_waited = !paused_;
        if (sockets_.control && items[0].revents) {
            const int go_on = obey();
            if (go_on <= 0)
                return go_on;
        }
        if (!flows_waited || paused_)
            continue;
        const size_t first_flow = sockets_.control ? 1 : 0;
        for (size_t i = 0; i < flows_.size(); ++i)
            if (items[first_flow + i].revents && flows_[i].forward_burst() < 0)
                return -1;
    }
}

int proxy::drained() {
    if (!draining_ || paused_)
        return 0;
    for (proxy_flow& flow : flows_) {
        const int waiting = flow.has_input();
        if (waiting != 0)
            return waiting < 0 ? -1 : 0;
    }
    return 1;
}

int proxy::wait_for(std::vector<poll_item>& items) {
    items.clear();
    if (sockets_.control)
        items.push_back({sockets_.control, -1, ZMQ_POLLIN, 0});
    if (paused_)
        return 0;
    for (proxy_flow& flow : flows_) {
        const int room = flow.has_room();
        if (room < 0)
            return -1;
        items.push_back(flow.wait_item(room != 0));
    }
    return 0;
}

int proxy::obey() {
    proxy_command command;
    if (read_command(*sockets_.control, sockets_.capture, options_.drains, command) < 0)
        return -1;
    switch (command) {
    case proxy_command::pause:
        paused_ = true;
        return 1;
    case proxy_command::resume:
        paused_ = false;
        return 1;
    case proxy_command::terminate:
        return 0;
    case proxy_command::statistics:
        return send_statistics(*sockets_.control, frontend_, backend_) < 0 ? -1 : 1;
    case proxy_command::socket_stats:
        return send_socket_stats(*sockets_.control, sockets_.frontend, sockets_.backend) < 0 ? -1 : 1;
    case proxy_command::drain:
        paused_ = false;
        draining_ = true;
        return 1;
    }
    return 1;
}

} // namespace

int run_proxy(const proxy_sockets& sockets, const proxy_options& options) {
    return proxy(sockets, options).run();
}

} // namespace zmx
