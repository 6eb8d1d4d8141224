#include "transport/raw_engine.hpp"

#include <zmq.h>

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace zmx {

namespace {

// libzmq reads a raw peer 8 KiB at a time: applications see the same chunks.
constexpr size_t read_size = 8 * 1024;

}  // namespace

void raw_engine::start() {
    loop_.add_fd(fd_, this);
    sink_.engine_ready({});  // may send what the socket queued, and fail
    if (stopped())
        return;
    notify();
    loop_.want_read(fd_, true);
}

void raw_engine::notify() {
    // A notification that finds the pipe full is dropped, as libzmq drops it.
    msg empty;
    empty.init();
    if (!sink_.engine_received(empty))
        empty.close();
    sink_.engine_input_done();
}

void raw_engine::fail(int error) {
    if (stopped())
        return;
    notify();  // first, so the socket has it before the monitor hears of the loss
    emit(ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL, static_cast<uint32_t>(error));
    emit(ZMQ_EVENT_DISCONNECTED, static_cast<uint32_t>(fd_));
    stop();
    sink_.engine_failed(false);  // may destroy this engine: nothing may follow
}

// ---------------------------------------------------------------- output

void raw_engine::send(msg& m) {
    if (splices(m)) {
        output_.splice(m);
        return;
    }
    const auto* body = static_cast<const uint8_t*>(m.data());
    out_.insert(out_.end(), body, body + m.size());
    m.close();
}

// ---------------------------------------------------------------- input

void raw_engine::on_readable() {
    if (holding())
        return;
    uint8_t buffer[read_size];
    const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
    if (n < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
            fail(errno);
        return;
    }
    if (n == 0) {
        fail(EPIPE);  // the peer closed: libzmq reports it so
        return;
    }
    msg m;
    if (m.init_copy_of(buffer, static_cast<size_t>(n)) < 0) {
        fail(ENOMEM);
        return;
    }
    deliver(m);
    sink_.engine_input_done();
}

void raw_engine::resume_input() {
    const bool read_on = release_held() && !stopped();
    sink_.engine_input_done();
    if (read_on)
        loop_.want_read(fd_, true);
}

} // namespace zmx
