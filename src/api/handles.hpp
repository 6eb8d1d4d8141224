// Turning the C API's opaque pointers back into objects, with the errno
// libzmq gives: a NULL context is EFAULT, a NULL socket ENOTSOCK; and zmx's
// definitions where libzmq has none: a closed socket is ENOTSOCK, a NULL or
// closed message EFAULT.
#pragma once

#include "base/msg.hpp"
#include "socket/context.hpp"
#include "socket/socket_base.hpp"

#include <zmq.h>

#include <cerrno>

namespace zmx::api {

// The live context behind ctx, or nullptr with EFAULT.
inline context* as_context(void* ctx) {
    auto* c = static_cast<context*>(ctx);
    if (!c || !c->is_live()) {
        errno = EFAULT;
        return nullptr;
    }
    return c;
}

// The handle behind s, live or closed, or nullptr with ENOTSOCK.
inline socket_handle* as_handle(void* s) {
    auto* h = static_cast<socket_handle*>(s);
    const uint32_t tag = h ? h->tag.load(std::memory_order_relaxed) : 0;
    if (tag != socket_handle::live_tag && tag != socket_handle::closed_tag) {
        errno = ENOTSOCK;
        return nullptr;
    }
    return h;
}

// The handle of an open socket, or nullptr with ENOTSOCK.
inline socket_handle* as_open_handle(void* s) {
    socket_handle* h = as_handle(s);
    if (h && !h->socket.load()) {
        errno = ENOTSOCK;
        return nullptr;
    }
    return h;
}

// The open socket behind s, or nullptr with ENOTSOCK.
inline socket_base* as_socket(void* s) {
    socket_handle* h = as_handle(s);
    socket_base* open = h ? h->socket.load() : nullptr;
    if (h && !open)
        errno = ENOTSOCK;
    return open;
}

// One C API call on a socket, for its duration: false (errno ENOTSOCK) if
// s is no open socket. On a thread-safe socket the call is counted, so a
// close from another thread does not delete the socket under it (the
// count is raised before the socket is looked at, and zmq_close clears
// the socket before it reads the count: one of them sees the other).
class socket_call {
public:
    explicit socket_call(void* s) : handle_(as_handle(s)) {
        if (!handle_)
            return;
        if (handle_->thread_safe)
            handle_->calls.fetch_add(1);
        socket_ = handle_->socket.load();
        if (!socket_) {
            errno = ENOTSOCK;
            leave();
        }
    }
    ~socket_call() {
        if (socket_)
            leave();
    }
    socket_call(const socket_call&) = delete;
    socket_call& operator=(const socket_call&) = delete;

    explicit operator bool() const { return socket_ != nullptr; }
    socket_base* operator->() const { return socket_; }
    socket_base* get() const { return socket_; }

private:
    void leave() const {
        if (handle_->thread_safe)
            handle_->calls.fetch_sub(1);
    }

    socket_handle* handle_;
    socket_base* socket_ = nullptr;
};

// Any message pointer (for the init functions), or nullptr with EFAULT.
inline msg* as_msg(zmq_msg_t* m) {
    if (!m)
        errno = EFAULT;
    return reinterpret_cast<msg*>(m);
}

// An initialised, not yet closed message, or nullptr with EFAULT.
inline msg* as_valid_msg(const zmq_msg_t* m) {
    auto* valid = reinterpret_cast<msg*>(const_cast<zmq_msg_t*>(m));
    if (!valid || !valid->is_valid()) {
        errno = EFAULT;
        return nullptr;
    }
    return valid;
}

static_assert(sizeof(msg) == sizeof(zmq_msg_t));
static_assert(alignof(msg) <= alignof(zmq_msg_t));

} // namespace zmx::api
