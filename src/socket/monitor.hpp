// zmq_socket_monitor: publishes a socket's events on a PAIR socket bound to
// an inproc endpoint, in libzmq's two-frame layout (16-bit event, 32-bit
// value, then the endpoint). Events nobody has connected to hear are
// dropped, as in libzmq.
//
// One per socket, for the socket's whole life, shared with the transports
// (through socket_link) so they can emit from their I/O threads.
//
// Threading: every member from any thread; a mutex serialises the PAIR
// socket's use.
#pragma once

#include "transport/event_sink.hpp"

#include <cstdint>
#include <mutex>
#include <string>

namespace zmx {

class context;
struct socket_handle;

class socket_monitor final : public event_sink {
public:
    explicit socket_monitor(context& ctx) : ctx_(ctx) {}
    ~socket_monitor() { stop(); }

    // Starts publishing the events in the mask on a PAIR bound to address,
    // stopping any monitor before: 0, or -1 with errno (EPROTONOSUPPORT for
    // a transport other than inproc, EADDRINUSE, ...).
    int start(const char* address, int events);
    // Sends MONITOR_STOPPED (when asked for) and closes the PAIR, if any.
    void stop();
    // Publishes an event if a monitor asked for it.
    void emit(int event, uint32_t value, const std::string& endpoint) override;

private:
    void emit_locked(int event, uint32_t value, const std::string& endpoint);
    void stop_locked();

    context& ctx_;
    std::mutex mutex_;
    socket_handle* pair_ = nullptr;
    int events_ = 0;
};

} // namespace zmx
