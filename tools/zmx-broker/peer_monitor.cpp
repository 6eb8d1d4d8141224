#include "peer_monitor.hpp"

#include "multipart.hpp"

#include <cstdint>
#include <cstring>

namespace zmx_broker {

peer_monitor::peer_monitor(const zmx_tools::context& ctx, void* watched, const std::string& address,
                           std::string where)
    : events_(ctx, ZMQ_PAIR), where_(std::move(where)) {
    if (zmq_socket_monitor(watched, address.c_str(), ZMQ_EVENT_ACCEPTED | ZMQ_EVENT_CONNECTED |
                                                         ZMQ_EVENT_DISCONNECTED) != 0)
        throw zmx_tools::zmq_failure("zmq_socket_monitor");
    events_.set_int(ZMQ_LINGER, 0);
    events_.connect(address);
}

void peer_monitor::watch(poll_set& set) { poll_index_ = set.add_socket(events_.get(), ZMQ_POLLIN); }

void peer_monitor::serve(const poll_set& set, logger& log) {
    if (!set.ready(poll_index_))
        return;
    zmx_tools::frames event;
    // [event number (2 bytes) and value (4 bytes)] [endpoint]
    while (zmx_tools::receive_frames(events_.get(), event, ZMQ_DONTWAIT)) {
        if (event.size() != 2 || event[0].size() != 6)
            continue;
        uint16_t number;
        std::memcpy(&number, event[0].data(), sizeof number);
        const bool arrived = number != ZMQ_EVENT_DISCONNECTED;
        peers_ += arrived ? 1 : -1;
        log.debug(where_, ": peer ", arrived ? "connected" : "disconnected", " (", event[1], "), ", peers_,
                  " now");
    }
}

}  // namespace zmx_broker
