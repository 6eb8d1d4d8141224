// A socket's ZMQ_FD only says "look again": after each wake-up its
// ZMQ_EVENTS decides whether it is ready.
#include "socket/poll.hpp"

#include "base/clock.hpp"
#include "socket/socket_base.hpp"

#include <zmq.h>

#include <poll.h>

#include <climits>
#include <vector>

namespace zmx {

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

int get_int(socket_base& socket, int option, int& value) {
    size_t size = sizeof value;
    return socket.getsockopt(option, &value, &size);
}

// What poll(2) waits on for each item; -1 when a socket fails.
int descriptors_of(std::span<const poll_item> items, std::vector<pollfd>& fds) {
    fds.resize(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
        const poll_item& item = items[i];
        if (!item.socket) {
            fds[i] = {item.fd, to_poll_events(item.events), 0};
            continue;
        }
        int fd;
        if (get_int(*item.socket, ZMQ_FD, fd) < 0)
            return -1;
        fds[i] = {fd, item.events ? short(POLLIN) : short(0), 0};
    }
    return 0;
}

// ZMQ_EVENTS of the socket of items[i]: looked up once per socket and wait.
// A second look at the same socket could take a wake-up (a command)
// whose news the first look missed, leaving its descriptor quiet while
// the first item waits for that very news.
int events_once(std::span<const poll_item> items, size_t i, std::vector<int>& events) {
    for (size_t j = 0; j < i; ++j)
        if (items[j].socket == items[i].socket)
            return events[i] = events[j];
    return get_int(*items[i].socket, ZMQ_EVENTS, events[i]) < 0 ? -1 : events[i];
}

// Fills revents of every item; the number of items with any, or -1.
int collect(std::span<poll_item> items, const std::vector<pollfd>& fds) {
    std::vector<int> events(items.size(), 0);
    int ready = 0;
    for (size_t i = 0; i < items.size(); ++i) {
        poll_item& item = items[i];
        item.revents = 0;
        if (item.socket) {
            if (events_once(items, i, events) < 0)
                return -1;
            item.revents = static_cast<short>(events[i] & item.events & (ZMQ_POLLIN | ZMQ_POLLOUT));
        } else {
            item.revents = from_poll_events(fds[i].revents, item.events);
        }
        if (item.revents)
            ++ready;
    }
    return ready;
}

} // namespace

int poll(std::span<poll_item> items, long timeout_ms) {
    std::vector<pollfd> fds;
    if (descriptors_of(items, fds) < 0)
        return -1;
    const deadline until(timeout_ms < 0 ? -1 : static_cast<int>(timeout_ms > INT_MAX ? INT_MAX : timeout_ms));
    // The first look does not wait: a socket may be ready with its fd quiet.
    for (bool first = true;; first = false) {
        if (::poll(fds.data(), fds.size(), first ? 0 : until.remaining_ms()) < 0)
            return -1;
        const int ready = collect(items, fds);
        if (ready != 0 || timeout_ms == 0 || (!first && until.expired()))
            return ready;
    }
}

} // namespace zmx
