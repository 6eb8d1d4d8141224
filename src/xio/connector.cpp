#include "xio/connector.hpp"

#include "xio/frame.hpp"
#include "xio/runtime.hpp"
#include "xio/ubuf.hpp"

#include <xio/poll.h>
#include <xio/socket.h>

#include <zmq.h>

namespace zmx::xio {

connector::connector(address a) : handle(XCONNECTOR, a.transport), address_(std::move(a)) {}

socket_guard* connector::own_socket() {
    return direct_socket(ZMQ_DEALER, [this](void* s) {
        const int on = 1;
        zmq_setsockopt(s, ZMQ_PROBE_ROUTER, &on, sizeof on);
        note("connecting to " + address_.endpoint);
        return zmq_connect(s, address_.endpoint.c_str());
    });
}

int connector::send(ubuf* u) {
    socket_guard* g = own_socket();
    if (!g)
        return -1;
    message body;
    body.emplace_back(u->bytes());
    std::unique_lock lock(g->mutex());
    const int rc = g->run(lock, send_timeout(), [&] {
        if (send_copies(g->socket(), body) == 0)
            return 0;
        return errno == EAGAIN ? socket_guard::again : -1;
    });
    if (rc == 0)
        ubuf_free(u);
    return rc;
}

int connector::recv(char** out) {
    socket_guard* g = own_socket();
    if (!g)
        return -1;
    std::unique_lock lock(g->mutex());
    return g->run(lock, recv_timeout(), [&] {
        message m;
        if (recv_message(g->socket(), m) < 0)
            return errno == EAGAIN ? socket_guard::again : -1;
        ubuf* u = join_frames(m, 0);
        if (!u)
            return -1;
        *out = u->data();
        return 0;
    });
}

int connector::ready() {
    return poll_state(own_socket(), [](int events) -> int {
        return (events & ZMQ_POLLIN ? XPOLLIN : 0) | (events & ZMQ_POLLOUT ? XPOLLOUT : 0);
    });
}

} // namespace zmx::xio
