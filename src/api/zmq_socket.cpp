// C API: contexts, sockets, options, endpoints, send and receive.
#include "api/handles.hpp"
#include "base/error.hpp"

#include <sys/uio.h>

#include <climits>
#include <cstdlib>
#include <cstring>
#include <new>
#include <optional>
#include <string>

using namespace zmx;
using namespace zmx::api;

// ---------------------------------------------------------------- contexts

void* zmq_ctx_new(void) {
    context* c = new (std::nothrow) context;
    if (!c) {
        errno = ENOMEM;
        return nullptr;
    }
    // Out of descriptors: NULL with EMFILE (or ENFILE), as libzmq.
    if (const int error = c->error()) {
        delete c;
        errno = error;
        return nullptr;
    }
    return c;
}

int zmq_ctx_term(void* ctx) {
    context* c = as_context(ctx);
    if (!c)
        return -1;
    if (c->terminate() < 0)
        return -1;
    delete c;
    return 0;
}

int zmq_ctx_shutdown(void* ctx) {
    context* c = as_context(ctx);
    if (!c)
        return -1;
    c->shutdown();
    return 0;
}

int zmq_ctx_set(void* ctx, int option, int value) {
    context* c = as_context(ctx);
    return c ? c->set(option, value) : -1;
}

int zmq_ctx_get(void* ctx, int option) {
    context* c = as_context(ctx);
    return c ? c->get(option) : -1;
}

// The _ext forms take an int setting by its size (sizeof(int)), and
// ZMQ_THREAD_NAME_PREFIX also as a string of 1 to 16 bytes, as libzmq.
int zmq_ctx_set_ext(void* ctx, int option, const void* value, size_t size) {
    context* c = as_context(ctx);
    if (!c)
        return -1;
    if (!value && size > 0)
        return fail(EFAULT);
    if (size == sizeof(int)) {
        int number;
        std::memcpy(&number, value, sizeof number);
        return c->set(option, number);
    }
    if (option != ZMQ_THREAD_NAME_PREFIX || size == 0 || size > 16)
        return fail(EINVAL);
    c->set_thread_name_prefix(std::string(static_cast<const char*>(value), size));
    return 0;
}

// A string is copied without a terminating NUL and its length written
// back (libzmq leaves *size as it was; the man page's example expects it).
int zmq_ctx_get_ext(void* ctx, int option, void* value, size_t* size) {
    context* c = as_context(ctx);
    if (!c)
        return -1;
    if (!size || !value)
        return fail(EFAULT);
    if (*size == sizeof(int)) {
        const std::optional<int> number = c->setting(option);
        if (!number)
            return fail(EINVAL);
        std::memcpy(value, &*number, sizeof(int));
        return 0;
    }
    const std::string prefix = option == ZMQ_THREAD_NAME_PREFIX ? c->thread_name_prefix() : std::string();
    if (option != ZMQ_THREAD_NAME_PREFIX || *size < prefix.size())
        return fail(EINVAL);
    std::memcpy(value, prefix.data(), prefix.size());
    *size = prefix.size();
    return 0;
}

void* zmq_init(int io_threads) {
    if (io_threads < 0) {
        errno = EINVAL;
        return nullptr;
    }
    void* ctx = zmq_ctx_new();
    if (ctx)
        zmq_ctx_set(ctx, ZMQ_IO_THREADS, io_threads);
    return ctx;
}

int zmq_term(void* ctx) { return zmq_ctx_term(ctx); }
int zmq_ctx_destroy(void* ctx) { return zmq_ctx_term(ctx); }

// ---------------------------------------------------------------- sockets

void* zmq_socket(void* ctx, int type) {
    context* c = as_context(ctx);
    return c ? c->create_socket(type) : nullptr;
}

int zmq_close(void* s) {
    socket_handle* h = as_handle(s);
    return h ? h->owner.close_socket(*h) : -1;
}

int zmq_setsockopt(void* s, int option, const void* value, size_t size) {
    const socket_call sock(s);
    return sock ? sock->setsockopt(option, value, size) : -1;
}

int zmq_getsockopt(void* s, int option, void* value, size_t* size) {
    const socket_call sock(s);
    return sock ? sock->getsockopt(option, value, size) : -1;
}

int zmq_bind(void* s, const char* endpoint) {
    const socket_call sock(s);
    return sock ? sock->bind(endpoint) : -1;
}

int zmq_connect(void* s, const char* endpoint) {
    const socket_call sock(s);
    return sock ? sock->connect(endpoint) : -1;
}

uint32_t zmq_connect_peer(void* s, const char* endpoint) {
    const socket_call sock(s);
    return sock ? sock->connect_peer(endpoint) : 0;
}

int zmq_join(void* s, const char* group) {
    const socket_call sock(s);
    return sock ? sock->join(group) : -1;
}

int zmq_leave(void* s, const char* group) {
    const socket_call sock(s);
    return sock ? sock->leave(group) : -1;
}

int zmq_unbind(void* s, const char* endpoint) {
    const socket_call sock(s);
    return sock ? sock->unbind(endpoint) : -1;
}

int zmq_disconnect(void* s, const char* endpoint) {
    const socket_call sock(s);
    return sock ? sock->disconnect(endpoint) : -1;
}

int zmq_socket_monitor(void* s, const char* address, int events) {
    return zmq_socket_monitor_versioned(s, address, static_cast<uint64_t>(static_cast<int64_t>(events)), 1, ZMQ_PAIR);
}

int zmq_socket_monitor_versioned(void* s, const char* address, uint64_t events, int event_version, int type) {
    const socket_call sock(s);
    return sock ? sock->monitor(address, events, event_version, type) : -1;
}

int zmq_socket_get_peer_state(void* s, const void* routing_id, size_t routing_id_size) {
    const socket_call sock(s);
    if (!sock)
        return -1;
    if (!routing_id && routing_id_size > 0)
        return fail(EFAULT);
    return sock->peer_state({static_cast<const char*>(routing_id), routing_id_size});
}

int zmq_socket_monitor_pipes_stats(void* s) {
    const socket_call sock(s);
    return sock ? sock->publish_pipe_stats() : -1;
}

// ---------------------------------------------------------------- messages

namespace {

// Sends m; on success returns its size and m is left empty, on failure m
// is closed.
int send_owned(socket_base* sock, msg& m, int flags) {
    const size_t size = m.size();
    if (sock->send(m, flags) < 0) {
        const int error = errno;
        m.close();
        return fail(error);
    }
    return size > INT_MAX ? INT_MAX : static_cast<int>(size);
}

}  // namespace

int zmq_send(void* s, const void* buf, size_t len, int flags) {
    const socket_call sock(s);
    if (!sock)
        return -1;
    if (len && !buf)
        return fail(EFAULT);
    msg m;
    if (m.init_copy_of(buf, len) < 0)
        return -1;
    return send_owned(sock.get(), m, flags);
}

int zmq_send_const(void* s, const void* buf, size_t len, int flags) {
    const socket_call sock(s);
    if (!sock)
        return -1;
    if (len && !buf)
        return fail(EFAULT);
    msg m;
    m.init_constant(buf, len);
    return send_owned(sock.get(), m, flags);
}

int zmq_recv(void* s, void* buf, size_t len, int flags) {
    const socket_call sock(s);
    if (!sock)
        return -1;
    if (len && !buf)
        return fail(EFAULT);
    msg m;
    m.init();
    if (sock->recv(m, flags) < 0)
        return -1;
    const size_t size = m.size();
    if (len)
        std::memcpy(buf, m.data(), size < len ? size : len);
    m.close();
    return size > INT_MAX ? INT_MAX : static_cast<int>(size);
}

// As libzmq: each buffer is sent with the caller's flags, so without
// ZMQ_SNDMORE each is a message of its own; with it they form one message,
// whose last frame has ZMQ_SNDMORE cleared. Returns the last send's result.
int zmq_sendiov(void* s, struct iovec* iov, size_t count, int flags) {
    const socket_call sock(s);
    if (!sock)
        return -1;
    if (count == 0 || !iov)
        return fail(EINVAL);
    int rc = 0;
    for (size_t i = 0; i < count && rc >= 0; ++i) {
        msg m;
        if (m.init_copy_of(iov[i].iov_base, iov[i].iov_len) < 0)
            return -1;
        rc = send_owned(sock.get(), m, i + 1 < count ? flags : flags & ~ZMQ_SNDMORE);
    }
    return rc;
}

// Receives up to *count frames of one message into buffers it allocates
// (the caller frees them); *count becomes the number read, which is also
// what it returns, as libzmq does (-1 on failure, *count still telling
// how many frames were read before it).
int zmq_recviov(void* s, struct iovec* iov, size_t* count, int flags) {
    const socket_call sock(s);
    if (!sock)
        return -1;
    if (!iov || !count || *count == 0)
        return fail(EINVAL);
    const size_t capacity = *count;
    *count = 0;
    for (bool more = true; more && *count < capacity; ++*count) {
        msg m;
        m.init();
        if (sock->recv(m, flags) < 0)
            return -1;
        iovec& part = iov[*count];
        part.iov_len = m.size();
        part.iov_base = std::malloc(m.size() ? m.size() : 1);
        if (!part.iov_base) {
            m.close();
            return fail(ENOMEM);
        }
        std::memcpy(part.iov_base, m.data(), m.size());
        more = m.has(msg::more);
        m.close();
    }
    return *count > INT_MAX ? INT_MAX : static_cast<int>(*count);
}

int zmq_msg_send(zmq_msg_t* zm, void* s, int flags) {
    const socket_call sock(s);
    if (!sock)
        return -1;
    msg* m = as_valid_msg(zm);
    if (!m)
        return -1;
    const size_t size = m->size();
    if (sock->send(*m, flags) < 0)
        return -1;
    return size > INT_MAX ? INT_MAX : static_cast<int>(size);
}

int zmq_msg_recv(zmq_msg_t* zm, void* s, int flags) {
    const socket_call sock(s);
    if (!sock)
        return -1;
    msg* m = as_valid_msg(zm);
    if (!m)
        return -1;
    if (sock->recv(*m, flags) < 0)
        return -1;
    const size_t size = m->size();
    return size > INT_MAX ? INT_MAX : static_cast<int>(size);
}

int zmq_sendmsg(void* s, zmq_msg_t* m, int flags) { return zmq_msg_send(m, s, flags); }
int zmq_recvmsg(void* s, zmq_msg_t* m, int flags) { return zmq_msg_recv(m, s, flags); }
