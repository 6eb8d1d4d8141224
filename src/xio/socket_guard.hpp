// One zmq socket shared by the threads that use an xio handle or endpoint.
//
// Calls on the socket are made under mutex(). A call that has to wait for
// the socket (a reply, room to send, a connection) runs as an attempt in
// run(): the attempt is tried under the lock, and between tries the lock is
// released while one waiting thread, the leader, sleeps in poll() on the
// socket's ZMQ_FD and on the guard's nudge eventfd; the others wait for the
// leader to come back, then everyone tries again. A thread that waits on
// several sockets at once (xpoll, a proxy) watches them with an eventfd of
// its own. ZMQ_FD only says that commands arrived, and whoever reads
// ZMQ_EVENTS takes them: so any thread that used the socket while others
// wait nudges them (the leader and every watcher) to look again.
//
// Threading: any thread; the members marked so need the lock held.
#pragma once

#include <condition_variable>
#include <mutex>
#include <vector>

namespace zmx::xio {

// Wakes whoever polls the eventfd; takes back all its wake-ups.
void signal_eventfd(int fd);
void drain_eventfd(int fd);

class socket_guard {
public:
    static constexpr int again = 1;  // an attempt's "not yet"

    // Takes the socket; closes it when destroyed, which the owner makes
    // sure happens with no thread inside run().
    explicit socket_guard(void* socket);
    ~socket_guard();
    socket_guard(const socket_guard&) = delete;
    socket_guard& operator=(const socket_guard&) = delete;

    void* socket() const { return socket_; }
    std::mutex& mutex() { return mutex_; }

    // Lock held. Tries attempt() (0, -1 with errno, or again) until it
    // returns other than again; -1 with EAGAIN once timeout_ms passed (-1:
    // no limit, 0: one try), or EBADF once shut.
    template <typename Attempt>
    int run(std::unique_lock<std::mutex>& lock, int timeout_ms, Attempt attempt);

    // Lock held: the socket was used outside run(); waiters look again.
    void touched();
    // Lock held: every run(), now and later, ends with EBADF.
    void shut();
    bool is_shut() const { return shut_; }
    // Lock held: ZMQ_EVENTS (which processes the socket's commands), or 0
    // when the socket is unusable.
    int events();

    // For a thread that waits on several guards at once (xpoll, a proxy):
    // while it watches, uses of the socket write to wake_fd (an eventfd).
    // Lock held.
    void watch(int wake_fd) { watchers_.push_back(wake_fd); }
    void unwatch(int wake_fd) { std::erase(watchers_, wake_fd); }
    int socket_fd() const { return socket_fd_; }

private:
    // Lock held: sleeps until the socket or a nudge wakes the leader, or
    // until the leader is back (other threads), or remaining_ms passes.
    void wait(std::unique_lock<std::mutex>& lock, int remaining_ms);
    void nudge();
    bool others_wait() const { return leader_ || !watchers_.empty(); }
    static int remaining_ms(long long deadline_ms);
    static long long deadline_after(int timeout_ms);

    void* socket_;
    int socket_fd_ = -1;
    int nudge_fd_ = -1;
    std::mutex mutex_;
    std::condition_variable leader_back_;
    bool leader_ = false;
    bool shut_ = false;
    std::vector<int> watchers_;  // their wake eventfds
};

template <typename Attempt>
int socket_guard::run(std::unique_lock<std::mutex>& lock, int timeout_ms, Attempt attempt) {
    const long long until = deadline_after(timeout_ms);
    int rc;
    for (;;) {
        if (shut_) {
            errno = EBADF;
            rc = -1;
            break;
        }
        rc = attempt();
        if (rc != again)
            break;
        if (others_wait())
            nudge();  // the attempt may have taken commands a waiter needs to see
        const int left = remaining_ms(until);
        if (left == 0) {
            errno = EAGAIN;
            rc = -1;
            break;
        }
        wait(lock, left);
    }
    if (others_wait())
        nudge();
    return rc;
}

} // namespace zmx::xio
