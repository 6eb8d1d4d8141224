// A socket's descriptor only says "look again": after each wake-up its
// ZMQ_EVENTS decides whether it is ready. Its mailbox wakes the descriptor
// only while a wait has registered as a sleeper (mailbox.hpp), so the wait
// registers before it blocks and looks once more.
#include "socket/poll.hpp"

#include "base/clock.hpp"
#include "base/signaler.hpp"
#include "socket/socket_base.hpp"

#include <zmq.h>

#include <poll.h>

#include <climits>
#include <memory>
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

// What stands in for the thread-safe sockets of one wait: the caller's
// watcher (registered with their mailboxes already), or one of the wait's
// own, registered with each for as long as the wait lasts.
class thread_safe_watch {
public:
    thread_safe_watch(std::span<const poll_item> items, eventfd_signaler* given) : watcher_(given) {
        if (given)
            return;
        for (const poll_item& item : items) {
            if (!item.socket || !item.socket->opts().thread_safe || watches(item.socket))
                continue;
            if (!own_) {
                own_ = std::make_unique<eventfd_signaler>();
                watcher_ = own_.get();
            }
            item.socket->mailbox()->add_watcher(watcher_);
            watched_.push_back(item.socket);
        }
    }
    ~thread_safe_watch() {
        for (socket_base* socket : watched_)
            socket->mailbox()->remove_watcher(watcher_);
    }
    thread_safe_watch(const thread_safe_watch&) = delete;
    thread_safe_watch& operator=(const thread_safe_watch&) = delete;

    int fd() const { return watcher_ ? watcher_->fd() : -1; }
    // Takes the wake-up, before the sockets are looked at again.
    void reset() {
        if (watcher_)
            watcher_->reset();
    }

private:
    bool watches(socket_base* socket) const {
        for (socket_base* s : watched_)
            if (s == socket)
                return true;
        return false;
    }

    eventfd_signaler* watcher_;
    std::unique_ptr<eventfd_signaler> own_;
    std::vector<socket_base*> watched_;
};

// What poll(2) waits on for each item.
void descriptors_of(std::span<const poll_item> items, const thread_safe_watch& watch, std::vector<pollfd>& fds) {
    fds.resize(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
        const poll_item& item = items[i];
        if (!item.socket) {
            fds[i] = {item.fd, to_poll_events(item.events), 0};
            continue;
        }
        // Not ZMQ_FD: that would make the mailbox wake the descriptor on
        // every command from then on, as an event loop needs.
        const int fd = item.socket->opts().thread_safe ? watch.fd() : item.socket->mailbox()->sig().fd();
        fds[i] = {fd, item.events ? short(POLLIN) : short(0), 0};
    }
}

// The mailboxes of the classic sockets of a wait, registered as sleepers
// for as long as this lives.
class sleep_registration {
public:
    explicit sleep_registration(std::span<const poll_item> items) {
        for (const poll_item& item : items) {
            if (!item.socket || item.socket->opts().thread_safe)
                continue;
            command_mailbox* box = item.socket->mailbox().get();
            command_pending_ = box->begin_sleep() || command_pending_;
            boxes_.push_back(box);
        }
    }
    ~sleep_registration() {
        for (command_mailbox* box : boxes_)
            box->end_sleep();
    }
    sleep_registration(const sleep_registration&) = delete;
    sleep_registration& operator=(const sleep_registration&) = delete;

    // A command came before the registration: it woke no descriptor.
    bool command_pending() const { return command_pending_; }

private:
    std::vector<command_mailbox*> boxes_;
    bool command_pending_ = false;
};

// poll(2) up to timeout_ms, the sockets registered as sleepers meanwhile.
int sleep_on(std::span<const poll_item> items, std::vector<pollfd>& fds, int timeout_ms) {
    const sleep_registration sleeping(items);
    return ::poll(fds.data(), fds.size(), sleeping.command_pending() ? 0 : timeout_ms);
}

bool any_descriptor(std::span<const poll_item> items) {
    for (const poll_item& item : items)
        if (!item.socket)
            return true;
    return false;
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

int poll(std::span<poll_item> items, long timeout_ms, eventfd_signaler* watcher) {
    thread_safe_watch watch(items, watcher);
    std::vector<pollfd> fds;
    descriptors_of(items, watch, fds);
    const deadline until(timeout_ms < 0 ? -1 : static_cast<int>(timeout_ms > INT_MAX ? INT_MAX : timeout_ms));
    // The first look does not wait: a socket may be ready with its
    // descriptor quiet. Only plain descriptors need poll(2) for it.
    for (bool first = true;; first = false) {
        if (!first && sleep_on(items, fds, until.remaining_ms()) < 0)
            return -1;
        if (first && any_descriptor(items) && ::poll(fds.data(), fds.size(), 0) < 0)
            return -1;
        watch.reset();
        const int ready = collect(items, fds);
        if (ready != 0 || timeout_ms == 0 || (!first && until.expired()))
            return ready;
    }
}

} // namespace zmx
