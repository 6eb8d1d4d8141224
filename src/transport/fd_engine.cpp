#include "transport/fd_engine.hpp"

#include "transport/socket_address.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace zmx {

fd_engine::fd_engine(reactor& loop, int fd, const socket_link& link, events& sink)
    : loop_(loop),
      fd_(fd),
      link_(link),
      sink_(sink),
      peer_address_(peer_address_of(fd)),
      where_(link.accepted ? endpoint_pair{link.endpoint, remote_endpoint_of(fd), true}
                           : endpoint_pair{local_endpoint_of(fd), link.remote_endpoint_for_events(), false}) {
    held_.init();
}

fd_engine::~fd_engine() {
    stop();
    held_.close();
}

void fd_engine::stop() {
    if (fd_ < 0)
        return;
    loop_.remove_fd(fd_);
    ::close(fd_);
    fd_ = -1;
}

void fd_engine::emit(int event, uint32_t value) { link_.events->emit(event, value, where_); }

void fd_engine::flush() {
    while (out_offset_ < out_.size()) {
        const ssize_t n = ::send(fd_, out_.data() + out_offset_, out_.size() - out_offset_, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                loop_.want_write(fd_, true);
                return;
            }
            write_failed();
            return;
        }
        out_offset_ += static_cast<size_t>(n);
    }
    out_.clear();
    out_offset_ = 0;
    loop_.want_write(fd_, false);
}

void fd_engine::on_writable() {
    flush();
    if (!stopped() && buffered() == 0)
        sink_.engine_drained();
}

bool fd_engine::deliver(msg& m) {
    if (sink_.engine_received(m))
        return true;
    m.move_to(held_);
    holding_ = true;
    loop_.want_read(fd_, false);
    return false;
}

bool fd_engine::release_held() {
    if (holding_) {
        if (!sink_.engine_received(held_))
            return false;
        holding_ = false;
    }
    return true;
}

} // namespace zmx
