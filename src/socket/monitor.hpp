// zmq_socket_monitor: a PAIR socket, bound to an inproc endpoint, that
// publishes a socket's events in libzmq's two-frame layout (16-bit event,
// 32-bit value, then the endpoint).
//
// Threading: the monitored socket's thread.
#pragma once

#include <cstdint>
#include <string>

namespace zmx {

class context;
struct socket_handle;

class socket_monitor {
public:
    // The monitor socket bound to address, or nullptr with errno.
    static socket_monitor* start(context& ctx, const char* address, int events);
    // Sends MONITOR_STOPPED (when asked for) and closes the monitor socket.
    void stop();
    // Publishes an event if it was asked for.
    void emit(int event, uint32_t value, const std::string& endpoint);

private:
    socket_monitor(context& ctx, socket_handle* pair, int events) : ctx_(ctx), pair_(pair), events_(events) {}
    context& ctx_;
    socket_handle* pair_;
    int events_;
};

} // namespace zmx
