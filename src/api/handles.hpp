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
    if (!h || (h->tag != socket_handle::live_tag && h->tag != socket_handle::closed_tag)) {
        errno = ENOTSOCK;
        return nullptr;
    }
    return h;
}

// The handle of an open socket, or nullptr with ENOTSOCK.
inline socket_handle* as_open_handle(void* s) {
    socket_handle* h = as_handle(s);
    if (h && !h->socket) {
        errno = ENOTSOCK;
        return nullptr;
    }
    return h;
}

// The open socket behind s, or nullptr with ENOTSOCK.
inline socket_base* as_socket(void* s) {
    socket_handle* h = as_open_handle(s);
    return h ? h->socket : nullptr;
}

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
