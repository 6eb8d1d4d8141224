// Where the transports report a socket's connection events (the events of
// zmq_socket_monitor): listening, accepted, connected, retried, handshake
// results, disconnected, closed. The socket layer decides who hears them.
//
// Threading: emit() from any thread (sessions and listeners call it on
// their I/O threads, bind on the application thread).
#pragma once

#include "base/endpoint_pair.hpp"

#include <cstdint>

namespace zmx {

class event_sink {
public:
    // event is a ZMQ_EVENT_* bit; value is its fd, errno, interval or code.
    virtual void emit(int event, uint64_t value, const endpoint_pair& where) = 0;
    // A peer's frame was over ZMQ_MAXMSGSIZE (the connection then ends).
    virtual void refused_oversize() = 0;

protected:
    ~event_sink() = default;
};

} // namespace zmx
