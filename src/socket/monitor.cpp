#include "socket/monitor.hpp"

#include "base/error.hpp"
#include "socket/context.hpp"
#include "socket/socket_base.hpp"
#include "transport/endpoint_uri.hpp"

#include <zmq.h>

#include <cstring>
#include <utility>

namespace zmx {

int socket_monitor::start(const char* address, int events) {
    endpoint_uri ep;
    if (ep.parse(address) < 0)
        return -1;
    if (ep.protocol != "inproc")
        return fail(EPROTONOSUPPORT);
    socket_handle* pair = ctx_.create_socket(ZMQ_PAIR);
    if (!pair)
        return -1;
    const int no_linger = 0;
    pair->socket.load()->setsockopt(ZMQ_LINGER, &no_linger, sizeof no_linger);
    std::lock_guard lock(mutex_);
    stop_locked();
    if (pair->socket.load()->bind(address) < 0) {
        const int error = errno;
        ctx_.close_socket(*pair);
        return fail(error);
    }
    pair_ = pair;
    events_ = events;
    return 0;
}

void socket_monitor::stop() {
    std::lock_guard lock(mutex_);
    stop_locked();
}

void socket_monitor::stop_locked() {
    if (!pair_)
        return;
    emit_locked(ZMQ_EVENT_MONITOR_STOPPED, 0, "");
    ctx_.close_socket(*std::exchange(pair_, nullptr));
    events_ = 0;
}

void socket_monitor::emit(int event, uint32_t value, const std::string& endpoint) {
    std::lock_guard lock(mutex_);
    emit_locked(event, value, endpoint);
}

void socket_monitor::emit_locked(int event, uint32_t value, const std::string& endpoint) {
    if (!pair_ || !(events_ & event))
        return;
    uint8_t header[6];
    const uint16_t code = static_cast<uint16_t>(event);
    std::memcpy(header, &code, sizeof code);
    std::memcpy(header + 2, &value, sizeof value);
    msg frame;
    frame.init_copy_of(header, sizeof header);
    if (pair_->socket.load()->send(frame, ZMQ_SNDMORE | ZMQ_DONTWAIT) < 0) {
        frame.close();
        return;
    }
    frame.init_copy_of(endpoint.data(), endpoint.size());
    if (pair_->socket.load()->send(frame, ZMQ_DONTWAIT) < 0)
        frame.close();
}

} // namespace zmx
