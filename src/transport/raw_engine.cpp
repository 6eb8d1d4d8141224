#include "transport/raw_engine.hpp"

#include "transport/socket_address.hpp"

#include <zmq.h>

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace zmx {

namespace {

// libzmq reads a raw peer 8 KiB at a time: applications see the same chunks.
constexpr size_t read_size = 8 * 1024;

}  // namespace

raw_engine::raw_engine(reactor& loop, int fd, const socket_link& link, events& sink)
    : loop_(loop), fd_(fd), link_(link), sink_(sink), peer_address_(peer_address_of(fd)) {
    held_.init();
}

raw_engine::~raw_engine() {
    stop();
    held_.close();
}

void raw_engine::start() {
    loop_.add_fd(fd_, this);
    sink_.engine_ready({});  // may send what the socket queued, and fail
    if (fd_ < 0)
        return;
    notify();
    loop_.want_read(fd_, true);
}

void raw_engine::stop() {
    if (fd_ < 0)
        return;
    loop_.remove_fd(fd_);
    ::close(fd_);
    fd_ = -1;
}

void raw_engine::notify() {
    // A notification that finds the pipe full is dropped, as libzmq drops it.
    msg empty;
    empty.init();
    if (!sink_.engine_received(empty))
        empty.close();
}

void raw_engine::fail(int error) {
    if (fd_ < 0)
        return;
    notify();  // first, so the socket has it before the monitor hears of the loss
    emit(ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL, static_cast<uint32_t>(error));
    emit(ZMQ_EVENT_DISCONNECTED, static_cast<uint32_t>(fd_));
    stop();
    sink_.engine_failed(false);  // may destroy this engine: nothing may follow
}

void raw_engine::emit(int event, uint32_t value) { link_.events->emit(event, value, link_.endpoint); }

// ---------------------------------------------------------------- output

void raw_engine::send(msg& m) {
    const auto* body = static_cast<const uint8_t*>(m.data());
    out_.insert(out_.end(), body, body + m.size());
    m.close();
}

void raw_engine::flush() {
    while (out_offset_ < out_.size()) {
        const ssize_t n = ::send(fd_, out_.data() + out_offset_, out_.size() - out_offset_, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                loop_.want_write(fd_, true);
                return;
            }
            fail(errno);
            return;
        }
        out_offset_ += static_cast<size_t>(n);
    }
    out_.clear();
    out_offset_ = 0;
    loop_.want_write(fd_, false);
}

void raw_engine::on_writable() {
    flush();
    if (fd_ >= 0 && buffered() == 0)
        sink_.engine_drained();
}

// ---------------------------------------------------------------- input

void raw_engine::on_readable() {
    if (holding_)
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
}

bool raw_engine::deliver(msg& m) {
    if (sink_.engine_received(m))
        return true;
    m.move_to(held_);
    holding_ = true;
    loop_.want_read(fd_, false);
    return false;
}

void raw_engine::resume_input() {
    if (holding_) {
        if (!sink_.engine_received(held_))
            return;
        holding_ = false;
    }
    if (fd_ >= 0)
        loop_.want_read(fd_, true);
}

} // namespace zmx
