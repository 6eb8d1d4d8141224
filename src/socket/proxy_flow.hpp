// One direction of a proxy: whole messages from one socket to another,
// moved only while the destination has room, each frame copied to the
// capture socket, counted as STATISTICS reports them.
//
// Threading: the proxy's thread.
#pragma once

#include "socket/poll.hpp"

#include <cstdint>

namespace zmx {

class msg;

// What STATISTICS tells of one socket, in its order.
struct socket_traffic {
    uint64_t messages_in = 0;
    uint64_t bytes_in = 0;
    uint64_t messages_out = 0;
    uint64_t bytes_out = 0;
};

// Closes m after a failed call, keeping that call's errno (a free function
// of a zero-copy body may change it): -1.
int close_after_failure(msg& m);

// Sends capture a copy of frame (with ZMQ_SNDMORE when more): 0, or -1.
int capture_frame(socket_base& capture, msg& frame, bool more);

// ZMQ_EVENTS of a socket, or -1 with errno.
int events_of(socket_base& socket);

class proxy_flow {
public:
    proxy_flow(socket_base& from, socket_traffic& from_traffic, socket_base& to, socket_traffic& to_traffic,
               socket_base* capture, bool drop_refused);

    // 1 when the destination can take a message now, 0 when not, -1 on error.
    int has_room();
    // 1 when a message is waiting, 0 when not, -1 on error.
    int has_input();
    // What to wait for: input when there is room for it, else room.
    poll_item wait_item(bool room) const;
    // Moves up to a burst of messages, while any is waiting and has room:
    // 0, or -1 with errno.
    int forward_burst();

private:
    // 1 when a message was moved (or dropped), 0 when none was waiting, -1.
    int forward_one(msg& frame);
    // Sends one frame on: 0 (sent or, when refusals drop, refused), or -1.
    int send_on(msg& frame, bool more, bool& delivered);

    socket_base& from_;
    socket_traffic& from_traffic_;
    socket_base& to_;
    socket_traffic& to_traffic_;
    socket_base* capture_;
    bool drop_refused_;
    bool waits_for_room_;
};

} // namespace zmx
