// zmq_poll: waits on sockets (through their ZMQ_FD and ZMQ_EVENTS) and
// plain file descriptors together.
#include "base/clock.hpp"
#include "base/error.hpp"

#include <zmq.h>

#include <poll.h>

#include <vector>

using namespace zmx;

namespace {

short to_poll_events(short zmq_events) {
    short events = 0;
    if (zmq_events & ZMQ_POLLIN)
        events |= POLLIN;
    if (zmq_events & ZMQ_POLLOUT)
        events |= POLLOUT;
    if (zmq_events & ZMQ_POLLPRI)
        events |= POLLPRI;
    return events;
}

short from_poll_events(short revents, short wanted) {
    short events = 0;
    if (revents & POLLIN)
        events |= ZMQ_POLLIN;
    if (revents & POLLOUT)
        events |= ZMQ_POLLOUT;
    if (revents & POLLPRI)
        events |= ZMQ_POLLPRI;
    if (revents & ~(POLLIN | POLLOUT | POLLPRI))
        events |= ZMQ_POLLERR;
    return events & (wanted | ZMQ_POLLERR);
}

// Fills revents of every item; the number of items with any, or -1.
int collect(zmq_pollitem_t* items, int count, const std::vector<pollfd>& fds) {
    int ready = 0;
    for (int i = 0; i < count; ++i) {
        zmq_pollitem_t& item = items[i];
        item.revents = 0;
        if (item.socket) {
            int events;
            size_t size = sizeof events;
            if (zmq_getsockopt(item.socket, ZMQ_EVENTS, &events, &size) < 0)
                return -1;
            item.revents = static_cast<short>(events & item.events & (ZMQ_POLLIN | ZMQ_POLLOUT));
        } else {
            item.revents = from_poll_events(fds[i].revents, item.events);
        }
        if (item.revents)
            ++ready;
    }
    return ready;
}

}  // namespace

int zmq_poll(zmq_pollitem_t* items, int count, long timeout) {
    if (count < 0)
        return fail(EINVAL);
    if (count > 0 && !items)
        return fail(EFAULT);
    std::vector<pollfd> fds(count);
    for (int i = 0; i < count; ++i) {
        if (items[i].socket) {
            int fd;
            size_t size = sizeof fd;
            if (zmq_getsockopt(items[i].socket, ZMQ_FD, &fd, &size) < 0)
                return -1;
            // The socket's fd only says "look again"; ZMQ_EVENTS decides.
            fds[i] = {fd, items[i].events ? short(POLLIN) : short(0), 0};
        } else {
            fds[i] = {items[i].fd, to_poll_events(items[i].events), 0};
        }
    }
    const deadline until(timeout < 0 ? -1 : static_cast<int>(timeout));
    for (bool first = true;; first = false) {
        if (::poll(fds.data(), fds.size(), first ? 0 : until.remaining_ms()) < 0)
            return -1;
        const int ready = collect(items, count, fds);
        if (ready != 0 || timeout == 0 || (!first && until.expired()))
            return ready;
    }
}
