#include "socket/monitor.hpp"

#include "base/error.hpp"
#include "socket/context.hpp"
#include "socket/socket_base.hpp"
#include "transport/endpoint_uri.hpp"

#include <zmq.h>

#include <cstring>
#include <utility>

namespace zmx {

namespace {

// The types libzmq lets a monitor socket be: one-way, taking ZMQ_SNDMORE.
bool monitor_socket_type(int type) { return type == ZMQ_PAIR || type == ZMQ_PUB || type == ZMQ_PUSH; }

// Version 1 carries a 16-bit event number.
constexpr uint64_t version1_events = 0xffff;

}  // namespace

int socket_monitor::start(const char* address, uint64_t events, int version, int type) {
    if (version == 1 && (events & ~version1_events) != 0)
        return fail(EINVAL);
    if (!address) {
        stop();
        return 0;
    }
    endpoint_uri ep;
    if (ep.parse(address) < 0)
        return -1;
    if (ep.protocol != "inproc")
        return fail(EPROTONOSUPPORT);
    std::lock_guard lock(mutex_);
    stop_locked();  // as libzmq: even when the type below is refused
    if (!monitor_socket_type(type))
        return fail(EINVAL);
    socket_handle* monitor = ctx_.create_socket(type);
    if (!monitor)
        return -1;
    const int no_linger = 0;
    monitor->socket.load()->setsockopt(ZMQ_LINGER, &no_linger, sizeof no_linger);
    if (monitor->socket.load()->bind(address) < 0) {
        const int error = errno;
        ctx_.close_socket(*monitor);
        return fail(error);
    }
    socket_ = monitor;
    events_ = events;
    version_ = version;
    return 0;
}

void socket_monitor::stop() {
    std::lock_guard lock(mutex_);
    stop_locked();
}

void socket_monitor::stop_locked() {
    if (!socket_)
        return;
    const uint64_t no_value = 0;
    emit_locked(ZMQ_EVENT_MONITOR_STOPPED, {&no_value, 1}, {});
    ctx_.close_socket(*std::exchange(socket_, nullptr));
    events_ = 0;
}

bool socket_monitor::wants(uint64_t event) {
    std::lock_guard lock(mutex_);
    return socket_ && (events_ & event);
}

void socket_monitor::emit(int event, uint64_t value, const endpoint_pair& where) {
    emit_values(static_cast<uint64_t>(event), {&value, 1}, where);
}

void socket_monitor::emit_values(uint64_t event, std::span<const uint64_t> values, const endpoint_pair& where) {
    count(event);
    std::lock_guard lock(mutex_);
    emit_locked(event, values, where);
}

void socket_monitor::count(uint64_t event) {
    constexpr uint64_t handshake_failed =
        ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL | ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL | ZMQ_EVENT_HANDSHAKE_FAILED_AUTH;
    if (event == ZMQ_EVENT_CONNECT_RETRIED)
        reconnects_.fetch_add(1, std::memory_order_relaxed);
    else if (event & handshake_failed)
        handshake_failures_.fetch_add(1, std::memory_order_relaxed);
}

socket_monitor::connection_counts socket_monitor::counts() const {
    return {reconnects_.load(std::memory_order_relaxed), handshake_failures_.load(std::memory_order_relaxed),
            oversize_.load(std::memory_order_relaxed)};
}

void socket_monitor::emit_locked(uint64_t event, std::span<const uint64_t> values, const endpoint_pair& where) {
    if (!socket_ || !(events_ & event))
        return;
    // Other versions are accepted by libzmq, which then publishes nothing.
    if (version_ == 1)
        send_v1(event, values.empty() ? 0 : values[0], where.identifier());
    else if (version_ == 2)
        send_v2(event, values, where);
}

void socket_monitor::send_v1(uint64_t event, uint64_t value, const std::string& endpoint) {
    uint8_t header[6];
    const auto code = static_cast<uint16_t>(event);
    const auto value32 = static_cast<uint32_t>(value);
    std::memcpy(header, &code, sizeof code);
    std::memcpy(header + sizeof code, &value32, sizeof value32);
    if (send_frame(header, sizeof header, true))
        send_frame(endpoint.data(), endpoint.size(), false);
}

void socket_monitor::send_v2(uint64_t event, std::span<const uint64_t> values, const endpoint_pair& where) {
    const uint64_t count = values.size();
    if (!send_frame(&event, sizeof event, true) || !send_frame(&count, sizeof count, true))
        return;
    for (const uint64_t value : values)
        if (!send_frame(&value, sizeof value, true))
            return;
    if (send_frame(where.local.data(), where.local.size(), true))
        send_frame(where.remote.data(), where.remote.size(), false);
}

bool socket_monitor::send_frame(const void* data, size_t size, bool more) {
    msg frame;
    frame.init_copy_of(data, size);
    if (socket_->socket.load()->send(frame, (more ? ZMQ_SNDMORE : 0) | ZMQ_DONTWAIT) == 0)
        return true;
    frame.close();
    return false;
}

} // namespace zmx
