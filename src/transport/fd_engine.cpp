#include "transport/fd_engine.hpp"

#include "transport/socket_address.hpp"

#include <sys/socket.h>
#include <sys/types.h>
#include <sys/uio.h>
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
    if (link.tls)
        tls_ = link.accepted ? tls_channel::server(link.tls) : tls_channel::client(link.tls, link.transport.tls.hostname);
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

size_t fd_engine::buffered() const {
    const size_t ciphertext = tls_ ? tls_->outgoing().size() : 0;
    return output_.size() + ciphertext;
}

void fd_engine::flush() {
    if (!tls_) {
        send(output_);
        return;
    }
    // Until the TLS handshake is done only its records go out; what the
    // engine wrote meanwhile (a ws client's upgrade request) waits.
    if (tls_->established() && output_.size() > 0) {
        if (!tls_->seal(output_.unsent_bytes())) {
            errno = EPROTO;
            write_failed();
            return;
        }
        output_.clear();
    }
    send(tls_->outgoing());
}

void fd_engine::send(output_queue& queue) {
    switch (queue.send_to(fd_)) {
    case output_queue::outcome::all_sent:
        loop_.want_write(fd_, false);
        return;
    case output_queue::outcome::blocked:
        loop_.want_write(fd_, true);
        return;
    case output_queue::outcome::failed:
        write_failed();
        return;
    }
}

ssize_t fd_engine::receive(std::span<uint8_t> into) {
    if (!tls_)
        return ::recv(fd_, into.data(), into.size(), 0);
    // Each turn takes what GnuTLS has in hand, or reads once more.
    for (;;) {
        size_t produced = 0;
        const tls_channel::status status = tls_->established() ? tls_->open(into, produced) : tls_->handshake();
        flush();  // handshake records; once established, what the engine wrote meanwhile
        if (stopped()) {
            errno = EPIPE;
            return -1;
        }
        if (status == tls_channel::status::failed) {
            errno = EPROTO;
            return -1;
        }
        if (status == tls_channel::status::closed)
            return 0;
        if (produced > 0)
            return static_cast<ssize_t>(produced);
        if (status == tls_channel::status::done)
            continue;  // the handshake just finished: records may follow
        const std::span<uint8_t> room = tls_->intake();
        const ssize_t n = ::recv(fd_, room.data(), room.size(), 0);
        if (n <= 0)
            return n;
        tls_->took_in(static_cast<size_t>(n));
    }
}

ssize_t fd_engine::receive(std::span<uint8_t> into, std::span<uint8_t> then) {
    if (tls_)
        return receive(into);
    iovec pieces[] = {{into.data(), into.size()}, {then.data(), then.size()}};
    return ::readv(fd_, pieces, 2);
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
