#include "base/signaler.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>

namespace zmx {

eventfd_signaler::eventfd_signaler() : fd_(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
    if (fd_ < 0)
        error_ = errno;
}

eventfd_signaler::~eventfd_signaler() {
    if (fd_ >= 0)
        ::close(fd_);
}

void eventfd_signaler::wake() {
    if (stamp_.inherited())
        return;
    const uint64_t one = 1;
    // A full counter (never reached in practice) still leaves the fd readable.
    while (::write(fd_, &one, sizeof one) < 0 && errno == EINTR) {
    }
}

int eventfd_signaler::wait(int timeout_ms) {
    if (stamp_.inherited()) {
        errno = EINTR;
        return -1;
    }
    pollfd item{fd_, POLLIN, 0};
    const int rc = ::poll(&item, 1, timeout_ms);
    return rc < 0 ? -1 : rc;
}

void eventfd_signaler::reset() {
    if (stamp_.inherited())
        return;
    uint64_t count;
    while (::read(fd_, &count, sizeof count) < 0 && errno == EINTR) {
    }
}

void condvar_signaler::wake() {
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
        ++wakes_;
    }
    cv_.notify_all();
}

int condvar_signaler::wait(int timeout_ms) {
    std::unique_lock lock(mutex_);
    if (timeout_ms < 0) {
        cv_.wait(lock, [this] { return woken_; });
        return 1;
    }
    return cv_.wait_for(lock, std::chrono::milliseconds(timeout_ms), [this] { return woken_; }) ? 1 : 0;
}

void condvar_signaler::reset() {
    std::lock_guard lock(mutex_);
    woken_ = false;
}

uint64_t condvar_signaler::ticket() {
    std::lock_guard lock(mutex_);
    return wakes_;
}

int condvar_signaler::wait_after(uint64_t ticket, int timeout_ms) {
    std::unique_lock lock(mutex_);
    const auto woken_since = [this, ticket] { return wakes_ != ticket; };
    if (timeout_ms < 0) {
        cv_.wait(lock, woken_since);
        return 1;
    }
    return cv_.wait_for(lock, std::chrono::milliseconds(timeout_ms), woken_since) ? 1 : 0;
}

} // namespace zmx
