// The library's proxy (zmx_proxy, include/zmx.h) relaying one device's
// messages on a thread of its own, steered from the broker's thread over an
// inproc PAIR: STATISTICS for the proxy's counts, SOCKET_STATS for the
// sockets' own (drops, queues, peers), DRAIN at shutdown, TERMINATE to end
// it. A refused message (ROUTER_MANDATORY's unknown client, a full
// XPUB_NODROP subscriber) is dropped and counted; into a DEALER or PUSH it
// reads only while there is room, so a full or peerless side holds messages
// back in the senders' queues.
//
// Threading: every member is for the broker's thread. From construction to
// destruction the device's two sockets belong to the proxy's thread.
#pragma once

#include "logger.hpp"
#include "poll_set.hpp"
#include "statistics.hpp"
#include "zmq_handles.hpp"

#include <string>
#include <thread>

namespace zmx_broker {

class device_proxy {
public:
    // Starts the proxy; `address` is an inproc endpoint unique in the
    // context, `where` names the device in log lines.
    device_proxy(const zmx_tools::context& ctx, void* frontend, void* backend, const std::string& address,
                 std::string where, logger& log);
    // Ends the proxy (TERMINATE unless it has drained) and joins its thread.
    ~device_proxy();
    device_proxy(const device_proxy&) = delete;
    device_proxy& operator=(const device_proxy&) = delete;

    // The counters now; while draining, those of when the drain began, and
    // once drained, the final ones.
    const proxy_counters& counters();
    // Each side's socket figures (zmx_socket_stats), asked of the proxy's
    // thread, which owns the sockets; while draining, the last ones.
    const side_figures& figures();
    // Asks the proxy to relay what is waiting and then stop.
    void drain();
    bool drained() const { return state_ == state::drained; }

    // While draining: waits for, and reads, the drain's end.
    void watch(poll_set& set);
    void serve(const poll_set& set);

private:
    void ask(const char* command);
    // Reads a STATISTICS-shaped answer into counters_.
    void read_counters();
    // Reads a SOCKET_STATS answer into figures_.
    void read_figures();
    void run(void* frontend, void* backend);

    enum class state { relaying, draining, drained };

    logger& log_;
    std::string where_;
    zmx_tools::socket steering_;  // the broker's end
    zmx_tools::socket control_;   // the proxy's end
    proxy_counters counters_{};
    side_figures figures_{};
    state state_ = state::relaying;
    size_t poll_index_ = 0;
    std::thread thread_;  // last: started once the rest is ready
};

}  // namespace zmx_broker
