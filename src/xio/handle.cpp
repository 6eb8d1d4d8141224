#include "xio/handle.hpp"

#include "base/error.hpp"
#include "xio/runtime.hpp"

#include <xio/poll.h>
#include <xio/socket.h>

#include <zmq.h>

#include <cstdio>

namespace zmx::xio {

namespace {

int read_int(const void* value, int size, int& out) {
    if (!value || size != static_cast<int>(sizeof(int)))
        return fail(EINVAL);
    out = *static_cast<const int*>(value);
    return 0;
}

int write_int(void* value, int* size, int in) {
    if (!value || !size || *size < static_cast<int>(sizeof(int)))
        return fail(EINVAL);
    *static_cast<int*>(value) = in;
    *size = sizeof(int);
    return 0;
}

} // namespace

void apply_transport_options(void* socket, const handle_options& o) {
    if (o.sndbuf >= 0)
        zmq_setsockopt(socket, ZMQ_SNDBUF, &o.sndbuf, sizeof o.sndbuf);
    if (o.rcvbuf >= 0)
        zmq_setsockopt(socket, ZMQ_RCVBUF, &o.rcvbuf, sizeof o.rcvbuf);
}

int handle::send(ubuf*) { return fail(EOPNOTSUPP); }
int handle::recv(char**) { return fail(EOPNOTSUPP); }
int handle::accept(std::shared_ptr<handle>&) { return fail(EOPNOTSUPP); }

int* handle_options::field(int opt) {
    switch (opt) {
    case XSO_LINGER: return &linger;
    case XSO_SNDBUF: return &sndbuf;
    case XSO_RCVBUF: return &rcvbuf;
    case XSO_NOBLOCK: return &noblock;
    case XSO_NODELAY: return &nodelay;
    case XSO_SNDTIMEO: return &sndtimeo;
    case XSO_RCVTIMEO: return &rcvtimeo;
    case XSO_VERBOSE: return &verbose;
    default: return nullptr;
    }
}

int handle::setopt(int opt, const void* value, int size) {
    int v;
    if (read_int(value, size, v) < 0)
        return -1;
    if (opt == XSO_NODELAY && v == 0)
        return fail(EINVAL);  // zmq never lets Nagle's algorithm delay a frame
    if (opt == XSO_NOBLOCK)
        v = v != 0;
    std::lock_guard lock(state_mutex_);
    int* f = options_.field(opt);
    if (!f)
        return fail(EINVAL);  // unknown, or read only (XSO_SOCKTYPE, XSO_SOCKPROTO)
    *f = v;
    return 0;
}

int handle::getopt(int opt, void* value, int* size) {
    if (opt == XSO_SOCKTYPE)
        return write_int(value, size, socktype_);
    if (opt == XSO_SOCKPROTO)
        return write_int(value, size, transport_);
    handle_options o = options();
    const int* f = o.field(opt);
    return f ? write_int(value, size, *f) : fail(EINVAL);
}

handle_options handle::options() {
    std::lock_guard lock(state_mutex_);
    return options_;
}

int handle::send_timeout() {
    const handle_options o = options();
    return o.noblock ? 0 : o.sndtimeo;
}

int handle::recv_timeout() {
    const handle_options o = options();
    return o.noblock ? 0 : o.rcvtimeo;
}

int handle::begin_direct_use() {
    std::lock_guard lock(state_mutex_);
    if (use_ == use::endpoint)
        return fail(EBUSY);
    use_ = use::direct;
    return 0;
}

int handle::give_to_endpoint() {
    std::lock_guard lock(state_mutex_);
    if (use_ != use::none)
        return fail(EBUSY);
    use_ = use::endpoint;
    return 0;
}

void handle::return_from_endpoint() {
    std::lock_guard lock(state_mutex_);
    use_ = use::none;
}

bool handle::owned_by_endpoint() {
    std::lock_guard lock(state_mutex_);
    return use_ == use::endpoint;
}

void* handle::new_direct_socket(int type) {
    const handle_options o = options();
    void* s = new_zmq_socket(type, o.linger);
    if (s)
        apply_transport_options(s, o);
    return s;
}

socket_guard* handle::discard_socket(void* socket) {
    const int error = errno;
    zmq_close(socket);
    errno = error;
    return nullptr;
}

void handle::close_direct_socket() {
    std::lock_guard lock(direct_mutex_);
    closed_ = true;
    if (direct_) {
        std::lock_guard guard_lock(direct_->mutex());
        direct_->shut();
    }
}

void handle::note(const std::string& what) {
    if (options().verbose > 0)
        std::fprintf(stderr, "xio: %s handle: %s\n", socktype_ == XLISTENER ? "listener" : "connector", what.c_str());
}

} // namespace zmx::xio
