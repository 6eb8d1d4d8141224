// Where the transports report a socket's connection events (the events of
// zmq_socket_monitor): listening, accepted, connected, retried, handshake
// results, disconnected, closed. The socket layer decides who hears them.
//
// Threading: emit() from any thread (sessions and listeners call it on
// their I/O threads, bind on the application thread).
#pragma once

#include <cstdint>
#include <string>

namespace zmx {

class event_sink {
public:
    // event is a ZMQ_EVENT_* bit; value is its fd, errno, interval or code.
    virtual void emit(int event, uint32_t value, const std::string& endpoint) = 0;

protected:
    ~event_sink() = default;
};

} // namespace zmx
