#include "relay.hpp"

#include "zmq_handles.hpp"

namespace zmx_broker {

namespace {

int events_of(void* socket) {
    int events = 0;
    size_t size = sizeof events;
    if (zmq_getsockopt(socket, ZMQ_EVENTS, &events, &size) != 0)
        throw zmx_tools::zmq_failure("ZMQ_EVENTS");
    return events;
}

}  // namespace

relay::relay(void* from, void* to, bool waits_for_room) : from_(from), to_(to), waits_for_room_(waits_for_room) {}

bool relay::has_room() const { return !waits_for_room_ || (events_of(to_) & ZMQ_POLLOUT); }

bool relay::has_input() const { return events_of(from_) & ZMQ_POLLIN; }

void relay::watch(poll_set& set) {
    poll_index_ = has_room() ? set.add_socket(from_, ZMQ_POLLIN) : set.add_socket(to_, ZMQ_POLLOUT);
}

void relay::serve(const poll_set& set, size_t batch) {
    if (!set.ready(poll_index_))
        return;
    for (size_t moved = 0; moved < batch && has_room() && relay_one(); ++moved) {
    }
}

bool relay::relay_one() {
    zmq_msg_t frame;
    zmq_msg_init(&frame);
    if (zmq_msg_recv(&frame, from_, ZMQ_DONTWAIT) < 0) {
        zmq_msg_close(&frame);
        return false;
    }
    bool delivered = true;
    uint64_t bytes = 0;
    for (;;) {
        bytes += zmq_msg_size(&frame);
        const bool more = zmq_msg_more(&frame);
        // Once a frame is refused, the rest of its message is read and let go.
        if (delivered && zmq_msg_send(&frame, to_, (more ? ZMQ_SNDMORE : 0) | ZMQ_DONTWAIT) < 0)
            delivered = false;
        // The rest of a message is always there once its first frame is.
        if (!more || zmq_msg_recv(&frame, from_, 0) < 0)
            break;
    }
    zmq_msg_close(&frame);
    if (delivered) {
        ++counted_.messages;
        counted_.bytes += bytes;
    } else {
        ++counted_.dropped;
    }
    return true;
}

}  // namespace zmx_broker
