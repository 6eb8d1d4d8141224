#include "xio/listener.hpp"

#include "base/error.hpp"
#include "xio/accepted_connection.hpp"
#include "xio/frame.hpp"
#include "xio/ubuf.hpp"

#include <xio/poll.h>
#include <xio/socket.h>

#include <zmq.h>

namespace zmx::xio {

accepted_connection::accepted_connection(std::shared_ptr<listener> from, std::string peer, transport_id transport,
                                         const handle_options& inherited)
    : handle(XCONNECTOR, transport), from_(std::move(from)), peer_(std::move(peer)) {
    options_ = inherited;
    begin_direct_use();
}

listener::listener(address a) : handle(XLISTENER, a.transport), address_(std::move(a)) {}

listener::~listener() {
    for (auto& [peer, c] : connections_)
        for (ubuf* u : c.inbox)
            ubuf_free(u);
}

socket_guard* listener::own_socket() {
    socket_guard* g = direct_socket(ZMQ_ROUTER, [this](void* s) {
        const int on = 1;
        zmq_setsockopt(s, ZMQ_ROUTER_MANDATORY, &on, sizeof on);  // a send to a gone peer fails
        note("listening on " + address_.endpoint);
        return zmq_bind(s, address_.endpoint.c_str());
    });
    if (g)
        guard_.store(g);  // the same every time: the accepted connections use it
    return g;
}

void listener::pump() {
    message m;
    while (full_inboxes_ == 0 && recv_message(guard_.load()->socket(), m) == 0) {
        if (m.size() < 2)
            continue;  // a ROUTER always names the peer first
        const std::string peer(m[0].bytes());
        auto [it, is_new] = connections_.try_emplace(peer);
        if (is_new) {
            unaccepted_.push_back(peer);
            if (m.size() == 2 && m[1].size() == 0)
                continue;  // ZMQ_PROBE_ROUTER's hello, not data
        }
        connection& c = it->second;
        if (c.closed)
            continue;
        if (ubuf* u = join_frames(m, 1)) {
            c.inbox.push_back(u);
            full_inboxes_ += c.inbox.size() == inbox_limit;
        }
    }
}

ubuf* listener::take_for(const std::string& peer) {
    auto it = connections_.find(peer);
    if (it == connections_.end() || it->second.inbox.empty())
        return nullptr;
    auto& inbox = it->second.inbox;
    full_inboxes_ -= inbox.size() == inbox_limit;
    ubuf* u = inbox.front();
    inbox.pop_front();
    return u;
}

int listener::accept(std::shared_ptr<handle>& out) {
    socket_guard* g = own_socket();
    if (!g)
        return -1;
    std::unique_lock lock(g->mutex());
    return g->run(lock, recv_timeout(), [&] {
        pump();
        if (unaccepted_.empty())
            return socket_guard::again;
        out = std::make_shared<accepted_connection>(shared_from_this(), unaccepted_.front(), address_.transport,
                                                    options());
        unaccepted_.pop_front();
        note("accepted a connection");
        return 0;
    });
}

int listener::send_to(const std::string& peer, ubuf* u, int timeout_ms) {
    socket_guard* g = guard_;  // set before any connection was accepted
    message m;
    m.emplace_back(peer);
    m.emplace_back(u->bytes());
    std::unique_lock lock(g->mutex());
    const int rc = g->run(lock, timeout_ms, [&] {
        if (connections_[peer].closed)
            return fail(EBADF);
        if (send_copies(g->socket(), m) == 0)
            return 0;
        if (errno == EHOSTUNREACH)
            errno = EPIPE;  // the peer is gone
        return errno == EAGAIN ? socket_guard::again : -1;
    });
    if (rc == 0)
        ubuf_free(u);
    return rc;
}

int listener::recv_from(const std::string& peer, char** out, int timeout_ms) {
    socket_guard* g = guard_;
    std::unique_lock lock(g->mutex());
    return g->run(lock, timeout_ms, [&] {
        if (connections_[peer].closed)
            return fail(EBADF);
        pump();
        ubuf* u = take_for(peer);
        if (!u)
            return socket_guard::again;
        *out = u->data();
        return 0;
    });
}

int listener::ready() {
    return poll_state(own_socket(), [this](int) -> int {
        pump();
        return unaccepted_.empty() ? 0 : XPOLLIN;
    });
}

int listener::ready_for(const std::string& peer) {
    return poll_state(guard_, [&](int events) -> int {
        if (connections_[peer].closed)
            return XPOLLERR;
        pump();
        return (connections_[peer].inbox.empty() ? 0 : XPOLLIN) | (events & ZMQ_POLLOUT ? XPOLLOUT : 0);
    });
}

void listener::forget(const std::string& peer) {
    socket_guard* g = guard_;
    std::lock_guard lock(g->mutex());
    connection& c = connections_[peer];
    c.closed = true;
    full_inboxes_ -= c.inbox.size() == inbox_limit;
    for (ubuf* u : c.inbox)
        ubuf_free(u);
    c.inbox.clear();
    g->touched();  // a pump stopped by that inbox may go on
}

} // namespace zmx::xio
