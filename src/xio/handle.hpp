// xio transport handles. A handle is an address and options until it is
// used: sp_add gives it to an endpoint, whose socket connects or binds
// there (a handle sends its ZMTP READY when it is added); direct use
// (xsend, xrecv, xaccept, polling) gives it a zmq socket of its own (a
// DEALER for a connector, a ROUTER for a listener). One excludes the other.
//
// Threading: any thread; a handle's own socket is behind its socket_guard.
#pragma once

#include "xio/address.hpp"
#include "xio/socket_guard.hpp"

#include <xio/poll.h>

#include <memory>
#include <mutex>
#include <cerrno>
#include <string>

namespace zmx::xio {

struct ubuf;

struct handle_options {
    int linger = 1000;  // xio's default
    int sndbuf = -1;    // -1: the system's
    int rcvbuf = -1;
    int noblock = 0;
    int nodelay = 1;  // zmq's tcp connections never use Nagle's algorithm
    int sndtimeo = -1;
    int rcvtimeo = -1;
    int verbose = 0;  // > 0: what happens to the handle is told on stderr

    // The field an XSO_* option names, or null (read-only and unknown ones).
    int* field(int opt);
};

// Sets what a zmq socket takes from a handle before it connects or binds
// (XSO_SNDBUF, XSO_RCVBUF).
void apply_transport_options(void* socket, const handle_options& o);

class handle {
public:
    handle(int socktype, transport_id transport) : socktype_(socktype), transport_(transport) {}
    virtual ~handle() = default;
    handle(const handle&) = delete;
    handle& operator=(const handle&) = delete;

    int socktype() const { return socktype_; }  // XLISTENER or XCONNECTOR

    // --- direct use: 0 (or what is asked), or -1 with errno; EBUSY once the
    // handle belongs to an endpoint.
    // Takes u on success.
    virtual int send(ubuf* u);
    // A new ubuf (its data pointer, the caller's to free).
    virtual int recv(char** out);
    // A listener's next connection, as a new handle.
    virtual int accept(std::shared_ptr<handle>& out);
    // Which of XPOLLIN, XPOLLOUT and XPOLLERR hold now.
    virtual int ready() = 0;
    // The guard whose socket a poller waits on (made on first use), or null.
    virtual socket_guard* poll_guard() = 0;
    // xclose: ends direct use; waiting calls return EBADF.
    virtual void close() { close_direct_socket(); }

    // --- options (xsetopt, xgetopt)
    int setopt(int opt, const void* value, int size);
    int getopt(int opt, void* value, int* size);
    handle_options options();

    // --- endpoints
    // The address an endpoint connects or binds, or null (an accepted
    // connection cannot join an endpoint: it belongs to its listener).
    virtual const address* endpoint_address() const { return nullptr; }
    // Marks the handle as an endpoint's: 0, or -1 with EBUSY when it is in
    // direct use or already taken.
    int give_to_endpoint();
    // The endpoint could not use it after all: it is free again.
    void return_from_endpoint();
    bool owned_by_endpoint();

    // Tells what happened on stderr, when XSO_VERBOSE asks for it.
    void note(const std::string& what);

protected:
    // Marks the handle as in direct use: 0, or -1 with EBUSY.
    int begin_direct_use();
    // The handle's own socket, made on first use: a zmq socket of the type
    // with the handle's options, which attach (zmq_connect or zmq_bind)
    // joins to its address. The guard, or null with errno.
    template <typename Attach>
    socket_guard* direct_socket(int type, Attach attach);
    void close_direct_socket();
    // What a poller sees of a direct socket: XPOLLERR when there is none or
    // it was closed, else what readiness(its ZMQ_EVENTS) says (lock held).
    template <typename Readiness>
    static int poll_state(socket_guard* g, Readiness readiness);
    int send_timeout();
    int recv_timeout();

    std::mutex state_mutex_;
    handle_options options_;

private:
    void* new_direct_socket(int type);
    // Closes a socket that could not be attached: null, errno kept.
    static socket_guard* discard_socket(void* socket);

    std::mutex direct_mutex_;
    std::unique_ptr<socket_guard> direct_;
    bool closed_ = false;

    enum class use { none, direct, endpoint };
    const int socktype_;
    const transport_id transport_;
    use use_ = use::none;
};

template <typename Readiness>
int handle::poll_state(socket_guard* g, Readiness readiness) {
    if (!g)
        return XPOLLERR;
    std::lock_guard lock(g->mutex());
    return g->is_shut() ? XPOLLERR : readiness(g->events());
}

template <typename Attach>
socket_guard* handle::direct_socket(int type, Attach attach) {
    if (begin_direct_use() < 0)
        return nullptr;
    std::lock_guard lock(direct_mutex_);
    if (closed_) {
        errno = EBADF;
        return nullptr;
    }
    if (!direct_) {
        void* s = new_direct_socket(type);
        if (!s)
            return nullptr;
        if (attach(s) < 0)
            return discard_socket(s);
        direct_ = std::make_unique<socket_guard>(s);
    }
    return direct_.get();
}

} // namespace zmx::xio
