#include "socket/proxy_flow.hpp"

#include "base/error.hpp"
#include "base/msg.hpp"
#include "socket/socket_base.hpp"

#include <zmq.h>

namespace zmx {

namespace {

// Messages one flow moves before the other flow and the control socket get
// their turn (libzmq's proxy uses the same burst).
constexpr int burst_size = 1000;

// Sockets whose ZMQ_POLLOUT does not promise that the next message goes
// through: they send by routing id or to every peer, each peer with its own
// room, and refuse or drop a message rather than wait.
bool sends_past_full_peers(int type) {
    return type == ZMQ_ROUTER || type == ZMQ_STREAM || type == ZMQ_PUB || type == ZMQ_XPUB;
}

} // namespace

int close_after_failure(msg& m) {
    const int error = errno;
    m.close();
    return fail(error);
}

int capture_frame(socket_base& capture, msg& frame, bool more) {
    msg copy;
    copy.init();
    frame.copy_to(copy);
    return capture.send(copy, more ? ZMQ_SNDMORE : 0) == 0 ? 0 : close_after_failure(copy);
}

int events_of(socket_base& socket) {
    int events = 0;
    size_t size = sizeof events;
    return socket.getsockopt(ZMQ_EVENTS, &events, &size) < 0 ? -1 : events;
}

proxy_flow::proxy_flow(socket_base& from, socket_traffic& from_traffic, socket_base& to, socket_traffic& to_traffic,
                       socket_base* capture, bool drop_refused)
    : from_(from),
      from_traffic_(from_traffic),
      to_(to),
      to_traffic_(to_traffic),
      capture_(capture),
      drop_refused_(drop_refused),
      // A socket proxying to itself has no room of its own to wait for.
      waits_for_room_(&from != &to && !(drop_refused && sends_past_full_peers(to.opts().type))) {}

int proxy_flow::has_room() {
    if (!waits_for_room_)
        return 1;
    const int events = events_of(to_);
    return events < 0 ? -1 : (events & ZMQ_POLLOUT) != 0;
}

int proxy_flow::has_input() {
    const int events = events_of(from_);
    return events < 0 ? -1 : (events & ZMQ_POLLIN) != 0;
}

poll_item proxy_flow::wait_item(bool room) const {
    if (room)
        return {&from_, -1, ZMQ_POLLIN, 0};
    return {&to_, -1, ZMQ_POLLOUT, 0};
}

int proxy_flow::forward_burst() {
    msg frame;
    frame.init();
    for (int moved = 0; moved < burst_size; ++moved) {
        int rc = has_room();
        if (rc > 0)
            rc = forward_one(frame);
        if (rc < 0)
            return close_after_failure(frame);
        if (rc == 0)
            break;
    }
    frame.close();
    return 0;
}

int proxy_flow::forward_one(msg& frame) {
    if (from_.recv(frame, ZMQ_DONTWAIT) < 0)
        return errno == EAGAIN ? 0 : -1;
    uint64_t bytes = 0;
    bool delivered = true;
    for (;;) {
        bytes += frame.size();
        const bool more = frame.has(msg::more);
        if (capture_ && capture_frame(*capture_, frame, more) < 0)
            return -1;
        if (send_on(frame, more, delivered) < 0)
            return -1;
        // The rest of a message is always there once its first frame is.
        if (!more)
            break;
        if (from_.recv(frame, 0) < 0)
            return -1;
    }
    ++from_traffic_.messages_in;
    from_traffic_.bytes_in += bytes;
    if (delivered) {
        ++to_traffic_.messages_out;
        to_traffic_.bytes_out += bytes;
    }
    return 1;
}

int proxy_flow::send_on(msg& frame, bool more, bool& delivered) {
    // Once a frame is refused, the rest of its message is read and let go
    // (the next receive into frame releases it).
    if (!delivered)
        return 0;
    const int flags = (more ? ZMQ_SNDMORE : 0) | (drop_refused_ ? ZMQ_DONTWAIT : 0);
    if (to_.send(frame, flags) == 0)
        return 0;
    if (!drop_refused_ || (errno != EAGAIN && errno != EHOSTUNREACH))
        return -1;
    delivered = false;
    return 0;
}

} // namespace zmx
