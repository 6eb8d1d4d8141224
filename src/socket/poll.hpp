// A wait over socket objects and plain file descriptors together: what
// zmq_poll does, and how the proxy waits for input and for room.
//
// Threading: the calling thread must be the one using every classic socket
// of the items (as for any call on one); it blocks up to the timeout.
#pragma once

#include <cstddef>
#include <span>

namespace zmx {

class socket_base;
class eventfd_signaler;

struct poll_item {
    socket_base* socket;  // or null: then fd is polled
    int fd;
    short events;   // ZMQ_POLLIN, ZMQ_POLLOUT (and ZMQ_POLLPRI for an fd)
    short revents;  // what is ready: a subset of events, or ZMQ_POLLERR for an fd
};

// Waits until an item is ready or timeout_ms passes (-1: no limit, 0: only
// looks). The number of items ready, or -1 with the errno of the socket
// that failed (ETERM, ...) or of poll(2) (EINTR, ...).
//
// A thread-safe socket has no descriptor: an eventfd woken with the
// mailboxes of all of them stands in: `watcher`, which the caller has
// registered with each (zmq_poller keeps one for its life), or, without
// one, the wait's own.
int poll(std::span<poll_item> items, long timeout_ms, eventfd_signaler* watcher = nullptr);

} // namespace zmx
