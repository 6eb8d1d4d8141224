// zmq_poller: a set of sockets and file descriptors, each with the events
// wanted and the application's user data, and the wait for any of them.
// Thread-safe sockets are watched through one eventfd of the poller's,
// registered with their mailboxes while they are in the set (its fd is
// what zmq_poller_fd gives).
//
// Threading: one thread at a time, as libzmq's poller; its thread-safe
// sockets may meanwhile be used from any thread.
#pragma once

#include "base/signaler.hpp"
#include "io/command.hpp"
#include "socket/context.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace zmx {

class poller {
public:
    static constexpr uint32_t live_tag = 0xb0117e55;

    // A ready item, named as the application gave it.
    struct event {
        void* handle;  // the socket's, or null: then fd
        int fd;
        void* user_data;
        short events;
    };

    poller() = default;
    ~poller();
    poller(const poller&) = delete;
    poller& operator=(const poller&) = delete;

    bool is_live() const { return tag_ == live_tag; }
    int size() const { return static_cast<int>(items_.size()); }

    // 0, or -1 with EINVAL (already there, or not there to change), EMFILE.
    // Sockets are named by their handles: those outlive a close, so a set
    // whose socket was closed can still be destroyed or waited on.
    int add(socket_handle* socket, void* user_data, short events);
    int add_fd(int fd, void* user_data, short events);
    int modify(const socket_handle* socket, short events);
    int modify_fd(int fd, short events);
    int remove(const socket_handle* socket);
    int remove_fd(int fd);

    // Up to n ready items into out (the rest of its n cleared), waiting up
    // to timeout_ms (-1: no limit): how many, or -1 with EAGAIN (nothing in
    // time), EFAULT (nothing to wait for, for ever), ENOTSOCK (a socket of
    // the set was closed), ETERM, EINTR.
    int wait(event* out, int n, long timeout_ms);
    // The eventfd standing for the thread-safe sockets: 0, or -1 with
    // EINVAL while there has been none.
    int fd(int& out) const;

private:
    struct item {
        socket_handle* socket;  // null: fd
        // A thread-safe socket's mailbox, which the watcher is registered
        // with: held, so that it can be left after the socket is gone.
        std::shared_ptr<command_mailbox> watched;
        int fd;
        void* user_data;
        short events;
    };

    item* find(const socket_handle* socket);
    void unwatch(const item& i);
    item* find_fd(int fd);

    uint32_t tag_ = live_tag;  // first, for the C API's check
    std::vector<item> items_;
    std::unique_ptr<eventfd_signaler> watcher_;
};

} // namespace zmx
