#include "socket/monitor.hpp"

#include "base/error.hpp"
#include "socket/context.hpp"
#include "socket/socket_base.hpp"
#include "transport/endpoint.hpp"

#include <zmq.h>

#include <cstring>

namespace zmx {

socket_monitor* socket_monitor::start(context& ctx, const char* address, int events) {
    endpoint ep;
    if (ep.parse(address) < 0)
        return nullptr;
    if (ep.protocol != "inproc") {
        errno = EPROTONOSUPPORT;
        return nullptr;
    }
    socket_handle* pair = ctx.create_socket(ZMQ_PAIR);
    if (!pair)
        return nullptr;
    const int no_linger = 0;
    pair->socket->setsockopt(ZMQ_LINGER, &no_linger, sizeof no_linger);
    if (pair->socket->bind(address) < 0) {
        const int error = errno;
        ctx.close_socket(*pair);
        errno = error;
        return nullptr;
    }
    return new socket_monitor(ctx, pair, events);
}

void socket_monitor::emit(int event, uint32_t value, const std::string& endpoint) {
    if (!(events_ & event))
        return;
    uint8_t header[6];
    const uint16_t code = static_cast<uint16_t>(event);
    std::memcpy(header, &code, sizeof code);
    std::memcpy(header + 2, &value, sizeof value);
    msg frame;
    frame.init_copy_of(header, sizeof header);
    if (pair_->socket->send(frame, ZMQ_SNDMORE | ZMQ_DONTWAIT) < 0) {
        frame.close();
        return;
    }
    frame.init_copy_of(endpoint.data(), endpoint.size());
    if (pair_->socket->send(frame, ZMQ_DONTWAIT) < 0)
        frame.close();
}

void socket_monitor::stop() {
    emit(ZMQ_EVENT_MONITOR_STOPPED, 0, "");
    ctx_.close_socket(*pair_);
    delete this;
}

} // namespace zmx
