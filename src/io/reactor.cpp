#include "io/reactor.hpp"

#include "base/clock.hpp"

#include <sys/epoll.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace zmx {

namespace {

constexpr int max_events = 256;

// epoll reports EPOLLHUP and EPOLLERR whatever we ask for. Level-triggered,
// a peer that hung up while we are not reading (the pipe is full, a ZAP
// handler has not answered yet) would wake epoll_wait without end; with no
// interest the descriptor is edge-triggered, so that wakes it once, and
// the hang-up is seen when reading resumes.
uint32_t epoll_events(uint32_t interest) { return interest != 0 ? interest : uint32_t{EPOLLET}; }

}  // namespace

reactor::reactor() : epoll_fd_(epoll_create1(EPOLL_CLOEXEC)) {
    if (epoll_fd_ < 0)
        throw std::system_error(errno, std::generic_category(), "epoll_create1");
}

reactor::~reactor() { ::close(epoll_fd_); }

void reactor::add_fd(int fd, io_handler* handler) {
    epoll_event ev{};
    ev.events = epoll_events(0);
    ev.data.u64 = static_cast<uint64_t>(fd);
    if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev) < 0)
        throw std::system_error(errno, std::generic_category(), "epoll_ctl add");
    fds_[fd] = {handler, 0};
}

void reactor::remove_fd(int fd) {
    if (fds_.erase(fd))
        epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
}

void reactor::update(int fd, uint32_t flag, bool on) {
    auto it = fds_.find(fd);
    if (it == fds_.end())
        return;
    const uint32_t events = on ? it->second.events | flag : it->second.events & ~flag;
    if (events == it->second.events)
        return;
    it->second.events = events;
    epoll_event ev{};
    ev.events = epoll_events(events);
    ev.data.u64 = static_cast<uint64_t>(fd);
    epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, fd, &ev);
}

std::span<uint8_t> reactor::shared_read_buffer() {
    if (!shared_read_)
        shared_read_ = std::make_unique_for_overwrite<uint8_t[]>(shared_read_size);
    return {shared_read_.get(), shared_read_size};
}

void reactor::want_read(int fd, bool on) { update(fd, EPOLLIN, on); }
void reactor::want_write(int fd, bool on) { update(fd, EPOLLOUT, on); }
void reactor::want_hang_up(int fd, bool on) { update(fd, EPOLLRDHUP, on); }

void reactor::add_timer(int delay_ms, io_handler* handler, int id) {
    timers_.emplace(now_ms() + delay_ms, timer{handler, id});
}

void reactor::cancel_timer(io_handler* handler, int id) {
    for (auto it = timers_.begin(); it != timers_.end(); ++it) {
        if (it->second.handler == handler && it->second.id == id) {
            timers_.erase(it);
            return;
        }
    }
}

int reactor::next_timeout_ms() const {
    if (timers_.empty())
        return -1;
    const int64_t left = timers_.begin()->first - now_ms();
    return left > 0 ? static_cast<int>(left) : 0;
}

void reactor::run_due_timers() {
    const int64_t now = now_ms();
    // A handler may add or cancel timers: take one due timer at a time.
    while (!timers_.empty() && timers_.begin()->first <= now) {
        const timer due = timers_.begin()->second;
        timers_.erase(timers_.begin());
        due.handler->on_timer(due.id);
    }
}

void reactor::run() {
    epoll_event events[max_events];
    while (!stopping_) {
        const int count = epoll_wait(epoll_fd_, events, max_events, next_timeout_ms());
        if (count < 0 && errno != EINTR)
            throw std::system_error(errno, std::generic_category(), "epoll_wait");
        for (int i = 0; i < count; ++i) {
            const int fd = static_cast<int>(events[i].data.u64);
            // Look the handler up each time: an earlier handler in this
            // batch may have removed this descriptor.
            auto it = fds_.find(fd);
            if (it != fds_.end() && (events[i].events & (EPOLLRDHUP | EPOLLERR | EPOLLHUP)) &&
                (it->second.events & EPOLLRDHUP)) {
                it->second.handler->on_hang_up();
                it = fds_.find(fd);
            }
            if (it != fds_.end() && (events[i].events & (EPOLLIN | EPOLLERR | EPOLLHUP)) &&
                (it->second.events & EPOLLIN))
                it->second.handler->on_readable();
            it = fds_.find(fd);
            if (it != fds_.end() && (events[i].events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) &&
                (it->second.events & EPOLLOUT))
                it->second.handler->on_writable();
        }
        run_due_timers();
    }
}

} // namespace zmx
