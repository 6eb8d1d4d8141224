// The event loop of an I/O thread: file descriptors with handlers (epoll)
// and one-shot timers. Other threads reach the loop only through a
// descriptor it watches (the I/O thread's mailbox, see io/io_thread.hpp).
//
// Threading: every member, run() included, is for the thread that runs the
// loop; handlers run there, never concurrently.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <span>

namespace zmx {

class io_handler {
public:
    virtual void on_readable() {}
    virtual void on_writable() {}
    // The peer hung up or the connection failed, while want_hang_up.
    virtual void on_hang_up() {}
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
    // Whether to hear of the peer's hang-up (or a reset) without reading:
    // unread bytes wake no one meanwhile.
    void want_hang_up(int fd, bool on);

    // Calls handler->on_timer(id) once, after delay_ms.
    void add_timer(int delay_ms, io_handler* handler, int id);
    void cancel_timer(io_handler* handler, int id);

    // A read buffer all the loop's handlers share, allocated at first use:
    // its bytes last only until the handler that read them returns (the
    // next handler's read overwrites them). Engines read into it so that
    // an idle connection keeps no read buffer of its own.
    static constexpr size_t shared_read_size = 64 * 1024;
    std::span<uint8_t> shared_read_buffer();

    // From a handler: makes run() return once the current batch is done.
    void stop() { stopping_ = true; }
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

    int epoll_fd_;
    std::map<int, watched> fds_;
    std::multimap<int64_t, timer> timers_;
    std::unique_ptr<uint8_t[]> shared_read_;
    bool stopping_ = false;
};

} // namespace zmx
