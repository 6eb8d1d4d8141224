#include "xio/xpoll_set.hpp"

#include "base/error.hpp"
#include "xio/handle_table.hpp"
#include "xio/socket_guard.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <chrono>

namespace zmx::xio {

namespace {

long long now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

// While it lives, the guards of a set of handles wake one eventfd whenever
// their sockets are used, and poll() can sleep on all of them at once.
class watch {
public:
    explicit watch(const std::vector<poll_fd>& entries) : wake_fd_(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {
        fds_.push_back({wake_fd_, POLLIN, 0});
        for (const poll_fd& e : entries) {
            auto h = handle_table().get(e.fd);
            socket_guard* g = h ? h->poll_guard() : nullptr;
            if (!g)
                continue;
            std::lock_guard lock(g->mutex());
            g->watch(wake_fd_);
            handles_.push_back(std::move(h));
            guards_.push_back(g);
            fds_.push_back({g->socket_fd(), POLLIN, 0});
        }
    }
    ~watch() {
        for (socket_guard* g : guards_) {
            std::lock_guard lock(g->mutex());
            g->unwatch(wake_fd_);
        }
        ::close(wake_fd_);
    }
    watch(const watch&) = delete;
    watch& operator=(const watch&) = delete;

    void sleep(int timeout_ms) {
        ::poll(fds_.data(), fds_.size(), timeout_ms);
        drain_eventfd(wake_fd_);
    }

private:
    int wake_fd_;
    std::vector<pollfd> fds_;
    std::vector<std::shared_ptr<handle>> handles_;  // keep the guards alive
    std::vector<socket_guard*> guards_;
};

} // namespace

int poll_set::ready(int fd, int events) {
    auto h = handle_table().get(fd);
    if (!h)
        return XPOLLERR;
    return h->ready() & (events | XPOLLERR);
}

int poll_set::control(int op, const poll_fd& entry) {
    if (op != XPOLL_ADD && op != XPOLL_DEL && op != XPOLL_MOD)
        return fail(EINVAL);
    if (op == XPOLL_ADD && !handle_table().get(entry.fd))
        return fail(EBADF);
    std::lock_guard lock(mutex_);
    const bool known = registered_.count(entry.fd) != 0;
    if (op == XPOLL_ADD && known)
        return fail(EEXIST);
    if (op != XPOLL_ADD && !known)
        return fail(ENOENT);
    if (op == XPOLL_DEL)
        registered_.erase(entry.fd);
    else
        registered_[entry.fd] = entry;
    return 0;
}

int poll_set::wait(poll_fd* out, int n, int timeout_ms) {
    if (!out || n <= 0)
        return fail(EINVAL);
    std::vector<poll_fd> entries;
    {
        std::lock_guard lock(mutex_);
        for (const auto& [fd, e] : registered_)
            entries.push_back(e);
    }
    const long long until = timeout_ms < 0 ? -1 : now_ms() + timeout_ms;
    watch sleeper(entries);  // before looking, so nothing happening meanwhile is missed
    for (;;) {
        int count = 0;
        for (const poll_fd& e : entries) {
            const int happened = ready(e.fd, e.events);
            if (happened && count < n) {
                out[count] = e;
                out[count++].happened = happened;
            }
        }
        const long long left = until < 0 ? -1 : until - now_ms();
        if (count > 0 || (until >= 0 && left <= 0))
            return count;
        sleeper.sleep(static_cast<int>(left));
    }
}

} // namespace zmx::xio
