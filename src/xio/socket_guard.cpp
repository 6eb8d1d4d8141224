#include "xio/socket_guard.hpp"

#include <zmq.h>

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <chrono>
#include <climits>
#include <cstdint>

namespace zmx::xio {

namespace {

long long now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

} // namespace

void signal_eventfd(int fd) {
    const uint64_t one = 1;
    [[maybe_unused]] ssize_t n = ::write(fd, &one, sizeof one);
}

void drain_eventfd(int fd) {
    uint64_t count;
    [[maybe_unused]] ssize_t n = ::read(fd, &count, sizeof count);
}

socket_guard::socket_guard(void* socket) : socket_(socket), nudge_fd_(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {
    size_t size = sizeof socket_fd_;
    zmq_getsockopt(socket_, ZMQ_FD, &socket_fd_, &size);
}

socket_guard::~socket_guard() {
    zmq_close(socket_);
    if (nudge_fd_ >= 0)
        ::close(nudge_fd_);
}

long long socket_guard::deadline_after(int timeout_ms) { return timeout_ms < 0 ? -1 : now_ms() + timeout_ms; }

int socket_guard::remaining_ms(long long deadline_ms) {
    if (deadline_ms < 0)
        return -1;
    const long long left = deadline_ms - now_ms();
    return left <= 0 ? 0 : static_cast<int>(left > INT_MAX ? INT_MAX : left);
}

void socket_guard::wait(std::unique_lock<std::mutex>& lock, int remaining) {
    if (leader_) {
        if (remaining < 0)
            leader_back_.wait(lock);
        else
            leader_back_.wait_for(lock, std::chrono::milliseconds(remaining));
        return;
    }
    leader_ = true;
    lock.unlock();
    pollfd fds[2] = {{socket_fd_, POLLIN, 0}, {nudge_fd_, POLLIN, 0}};
    ::poll(fds, 2, remaining);  // EINTR: look again like any wake-up
    drain_eventfd(nudge_fd_);
    lock.lock();
    leader_ = false;
    leader_back_.notify_all();
}

void socket_guard::nudge() {
    if (leader_)
        signal_eventfd(nudge_fd_);
    for (int fd : watchers_)
        signal_eventfd(fd);
}

void socket_guard::touched() {
    if (others_wait())
        nudge();
}

void socket_guard::shut() {
    shut_ = true;
    signal_eventfd(nudge_fd_);
    for (int fd : watchers_)
        signal_eventfd(fd);
    leader_back_.notify_all();
}

int socket_guard::events() {
    int events = 0;
    size_t size = sizeof events;
    return zmq_getsockopt(socket_, ZMQ_EVENTS, &events, &size) == 0 ? events : 0;
}

} // namespace zmx::xio
