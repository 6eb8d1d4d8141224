// The event loop of an I/O thread: file descriptors with handlers (epoll),
// one-shot timers, and tasks posted from other threads.
//
// Threading: run() on the I/O thread. post() and stop() from any thread.
// Every other member is for the I/O thread itself, that is from a handler
// or a posted task; handlers run there too, never concurrently.
#pragma once

#include "base/signaler.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <vector>

namespace zmx {

class io_handler {
public:
    virtual void on_readable() {}
    virtual void on_writable() {}
    virtual void on_timer(int /*id*/) {}

protected:
    ~io_handler() = default;
};

class reactor {
public:
    reactor();  // throws std::system_error when out of descriptors
    ~reactor();
    reactor(const reactor&) = delete;
    reactor& operator=(const reactor&) = delete;

    // Watches fd for handler, initially for no event.
    void add_fd(int fd, io_handler* handler);
    // Forgets fd: no call reaches its handler afterwards, even one already
    // reported in the current batch.
    void remove_fd(int fd);
    void want_read(int fd, bool on);
    void want_write(int fd, bool on);

    // Calls handler->on_timer(id) once, after delay_ms.
    void add_timer(int delay_ms, io_handler* handler, int id);
    void cancel_timer(io_handler* handler, int id);

    // Any thread: runs task on the I/O thread, in posting order.
    void post(std::function<void()> task);
    // Any thread: makes run() return once the current batch is done.
    void stop();
    // Dispatches until stop().
    void run();

private:
    struct watched {
        io_handler* handler;
        uint32_t events;
    };
    struct timer {
        io_handler* handler;
        int id;
    };

    void update(int fd, uint32_t flag, bool on);
    int next_timeout_ms() const;
    void run_due_timers();
    void run_posted_tasks();

    int epoll_fd_;
    eventfd_signaler wake_;
    std::map<int, watched> fds_;
    std::multimap<int64_t, timer> timers_;
    std::mutex tasks_mutex_;
    std::vector<std::function<void()>> tasks_;
    std::atomic<bool> stopping_{false};
};

} // namespace zmx
