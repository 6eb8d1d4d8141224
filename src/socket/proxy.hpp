// The proxy of zmq_proxy, zmq_proxy_steerable and zmx_proxy: whole messages
// from the frontend to the backend and back, each read only when the other
// side has room for it, so the control socket is always served.
//
// Threading: runs on the calling thread, which must be the only one using
// the four sockets until it returns; it blocks until then.
#pragma once

namespace zmx {

class socket_base;

struct proxy_sockets {
    socket_base& frontend;
    socket_base& backend;   // may be the frontend itself
    socket_base* capture;   // gets a copy of every frame read, or null
    socket_base* control;   // PAUSE, RESUME, TERMINATE, STATISTICS; or null
};

struct proxy_options {
    // A message the receiving side refuses at once (EHOSTUNREACH, EAGAIN)
    // is dropped and counted as received but not sent, instead of ending
    // the proxy; a side that sends by routing id or to every peer (ROUTER,
    // STREAM, PUB, XPUB) is sent to without waiting for room.
    bool drop_refused = false;
    // The control socket also takes DRAIN: relay until neither side has a
    // message waiting, answer with the statistics and return 0.
    bool drains = false;
};

// 0 after TERMINATE (or a finished DRAIN); -1 with errno otherwise: ETERM,
// EINTR, EINVAL for a control message that is not a known one-frame
// command, or the error of a send that failed.
int run_proxy(const proxy_sockets& sockets, const proxy_options& options);

} // namespace zmx
