// zmq_socket_monitor and zmq_socket_monitor_versioned: publish a socket's
// events on a PAIR, PUB or PUSH socket bound to an inproc endpoint. Version
// 1 is libzmq's two-frame layout (16-bit event and 32-bit value, then the
// endpoint); version 2 is the 64-bit event, the number of values, each
// value, then the local and the remote endpoint. Events nobody has
// connected to hear are dropped, as in libzmq.
//
// One per socket, for the socket's whole life, shared with the transports
// (through socket_link) so they can emit from their I/O threads.
//
// It also counts the connection events that zmx_socket_stats reports,
// whether or not anyone listens: rare events, from any I/O thread, so
// plain atomic increments.
//
// Threading: every member from any thread; a mutex serialises the monitor
// socket's use.
#pragma once

#include "transport/event_sink.hpp"

#include <atomic>
#include <cstdint>
#include <mutex>
#include <span>
#include <string>

namespace zmx {

class context;
struct socket_handle;

class socket_monitor final : public event_sink {
public:
    explicit socket_monitor(context& ctx) : ctx_(ctx) {}
    ~socket_monitor() { stop(); }

    // Starts publishing the events in the mask, in the layout of version,
    // on a socket of type bound to address (a null address only stops),
    // stopping any monitor before:
    // 0, or -1 with libzmq's errno (EINVAL for a version 1 mask beyond 16
    // bits or a type other than PAIR, PUB and PUSH, EPROTONOSUPPORT for a
    // transport other than inproc, EADDRINUSE, ...).
    int start(const char* address, uint64_t events, int version, int type);
    // Sends MONITOR_STOPPED (when asked for) and closes the socket, if any.
    void stop();
    // Whether events of this kind are asked for now.
    bool wants(uint64_t event);
    // Publishes an event if a monitor asked for it.
    void emit(int event, uint64_t value, const endpoint_pair& where) override;
    // The same with any number of values (version 2 carries them all).
    void emit_values(uint64_t event, std::span<const uint64_t> values, const endpoint_pair& where);
    void refused_oversize() override { oversize_.fetch_add(1, std::memory_order_relaxed); }

    struct connection_counts {
        uint64_t reconnects;
        uint64_t handshake_failures;
        uint64_t oversize;
    };
    connection_counts counts() const;

private:
    void count(uint64_t event);
    void emit_locked(uint64_t event, std::span<const uint64_t> values, const endpoint_pair& where);
    void send_v1(uint64_t event, uint64_t value, const std::string& endpoint);
    void send_v2(uint64_t event, std::span<const uint64_t> values, const endpoint_pair& where);
    // Sends one frame; false when the monitor socket refused it.
    bool send_frame(const void* data, size_t size, bool more);
    void stop_locked();

    context& ctx_;
    std::mutex mutex_;
    socket_handle* socket_ = nullptr;
    uint64_t events_ = 0;
    int version_ = 1;
    std::atomic<uint64_t> reconnects_{0};
    std::atomic<uint64_t> handshake_failures_{0};
    std::atomic<uint64_t> oversize_{0};
};

} // namespace zmx
