// Counts the peers connected to one socket from its monitor events
// (zmq_socket_monitor): a tcp or ipc connection made or accepted adds one,
// a disconnection takes one away. inproc peers raise no events, so they are
// not counted (as in libzmq).
#pragma once

#include "logger.hpp"
#include "poll_set.hpp"
#include "zmq_handles.hpp"

#include <string>

namespace zmx_broker {

class peer_monitor {
public:
    // `address` is the inproc endpoint the events are published on, unique
    // in the context; `where` names the socket in log lines.
    peer_monitor(const zmx_tools::context& ctx, void* watched, const std::string& address, std::string where);

    void watch(poll_set& set);
    // Reads the events that arrived, if its poll item fired.
    void serve(const poll_set& set, logger& log);
    int peers() const { return peers_; }

private:
    zmx_tools::socket events_;
    std::string where_;
    int peers_ = 0;
    size_t poll_index_ = 0;
};

}  // namespace zmx_broker
