#include "socket/poller.hpp"

#include "base/error.hpp"
#include "socket/poll.hpp"
#include "socket/socket_base.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

namespace zmx {

poller::~poller() {
    tag_ = 0;
    for (const item& i : items_)
        unwatch(i);
}

void poller::unwatch(const item& i) {
    if (i.watched)
        i.watched->remove_watcher(watcher_.get());
}

poller::item* poller::find(const socket_handle* socket) {
    const auto it = std::find_if(items_.begin(), items_.end(), [socket](const item& i) { return i.socket == socket; });
    return it == items_.end() ? nullptr : &*it;
}

poller::item* poller::find_fd(int fd) {
    const auto it = std::find_if(items_.begin(), items_.end(), [fd](const item& i) { return !i.socket && i.fd == fd; });
    return it == items_.end() ? nullptr : &*it;
}

int poller::add(socket_handle* socket, void* user_data, short events) {
    if (find(socket))
        return fail(EINVAL);
    std::shared_ptr<command_mailbox> watched;
    if (socket->thread_safe) {
        if (!watcher_)
            watcher_ = std::make_unique<eventfd_signaler>();
        if (watcher_->error())
            return fail(watcher_->error());
        watched = socket->socket.load()->mailbox();
        watched->add_watcher(watcher_.get());
    }
    items_.push_back({socket, std::move(watched), -1, user_data, events});
    return 0;
}

int poller::add_fd(int fd, void* user_data, short events) {
    if (find_fd(fd))
        return fail(EINVAL);
    items_.push_back({nullptr, nullptr, fd, user_data, events});
    return 0;
}

int poller::modify(const socket_handle* socket, short events) {
    item* i = find(socket);
    if (!i)
        return fail(EINVAL);
    i->events = events;
    return 0;
}

int poller::modify_fd(int fd, short events) {
    item* i = find_fd(fd);
    if (!i)
        return fail(EINVAL);
    i->events = events;
    return 0;
}

int poller::remove(const socket_handle* socket) {
    item* i = find(socket);
    if (!i)
        return fail(EINVAL);
    unwatch(*i);
    items_.erase(items_.begin() + (i - items_.data()));
    return 0;
}

int poller::remove_fd(int fd) {
    item* i = find_fd(fd);
    if (!i)
        return fail(EINVAL);
    items_.erase(items_.begin() + (i - items_.data()));
    return 0;
}

int poller::fd(int& out) const {
    if (!watcher_)
        return fail(EINVAL);  // as libzmq: only thread-safe sockets bring one
    out = watcher_->fd();
    return 0;
}

int poller::wait(event* out, int n, long timeout_ms) {
    if (n == 0 || std::none_of(items_.begin(), items_.end(), [](const item& i) { return i.events != 0; })) {
        // As libzmq: nothing to wait for (no items, or none asking for an
        // event) or no room to report an event in is a timeout, or EFAULT
        // for ever (where libzmq, given no room, would wait for ever).
        if (timeout_ms < 0)
            return fail(EFAULT);
        if (timeout_ms > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(timeout_ms));
        return fail(EAGAIN);
    }
    std::vector<poll_item> polled;
    polled.reserve(items_.size());
    for (const item& i : items_) {
        socket_base* const open = i.socket ? i.socket->socket.load() : nullptr;
        if (i.socket && !open)
            return fail(ENOTSOCK);
        polled.push_back({open, i.fd, i.events, 0});
    }
    const int ready = poll(polled, timeout_ms, watcher_.get());
    if (ready < 0)
        return -1;
    if (ready == 0)
        return fail(EAGAIN);
    int found = 0;
    for (size_t k = 0; k < polled.size() && found < n; ++k) {
        if (polled[k].revents == 0)
            continue;
        const item& i = items_[k];
        out[found++] = {i.socket, i.socket ? -1 : i.fd, i.user_data, polled[k].revents};
    }
    std::fill(out + found, out + n, event{nullptr, -1, nullptr, 0});  // as libzmq clears the rest
    return found;
}

} // namespace zmx
