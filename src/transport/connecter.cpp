#include "transport/connecter.hpp"

#include "transport/descriptor_tuning.hpp"
#include "transport/peer_address.hpp"
#include "transport/socket_address.hpp"
#include "transport/tcp_address.hpp"
#include "transport/ws_address.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <zmq.h>

#include <cerrno>
#include <limits>
#include <random>
#include <utility>

namespace zmx {

connecter::connecter(reactor& loop, const socket_link& link, owner& session)
    : loop_(loop), link_(link), owner_(session), backoff_ivl_(link.reconnect_ivl) {}

void connecter::cancel() {
    if (std::exchange(retry_planned_, false))
        loop_.cancel_timer(this, retry_timer);
    if (pending_fd_ >= 0)
        ::close(take_pending());
}

int connecter::resolve_next_hop(peer_address& out) const {
    endpoint_uri ep;
    if (link_.through_socks_proxy())
        ep = {"tcp", link_.transport.socks.address};
    else if (ep.parse(link_.endpoint.c_str()) < 0)
        return -1;
    return resolve_peer_address(ep, link_.ipv6, out);
}

void connecter::connect_now() {
    peer_address peer;
    if (resolve_next_hop(peer) < 0) {
        connect_later();
        return;
    }
    const int fd = open_socket(peer);
    if (fd < 0) {
        connect_later();
        return;
    }
    const socket_address& destination = peer.destination;
    if (::connect(fd, destination.get(), destination.length) == 0) {
        succeeded(fd);
        return;
    }
    if (errno != EINPROGRESS) {
        abandon_attempt(fd, errno);
        return;
    }
    emit(ZMQ_EVENT_CONNECT_DELAYED, EINPROGRESS);
    pending_fd_ = fd;
    loop_.add_fd(fd, this);
    loop_.want_write(fd, true);
    if (link_.transport.connect_timeout > 0 && runs_over_tcp(link_.endpoint))
        loop_.add_timer(link_.transport.connect_timeout, this, timeout_timer);
}

int connecter::open_socket(const peer_address& peer) const {
    const int fd = ::socket(peer.destination.family(), SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    if (runs_over_tcp(link_.endpoint)) {
        tune_before_connecting(fd, link_.transport.tcp);
        if (bind_to_device(fd, link_.transport.bound_device) < 0) {
            ::close(fd);  // an unknown device: tried again later, as libzmq does
            return -1;
        }
    }
    if (!peer.has_source)
        return fd;
    // As libzmq: several connects may share one source address and port
    // (to different servers).
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (::bind(fd, peer.source.get(), peer.source.length) == 0)
        return fd;
    ::close(fd);
    return -1;
}

void connecter::on_writable() {
    if (socks_) {
        talk_to_proxy();
        return;
    }
    const int fd = take_pending();
    int error = 0;
    socklen_t size = sizeof error;
    if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size) < 0 || error != 0) {
        abandon_attempt(fd, error);
        return;
    }
    succeeded(fd);
}

int connecter::take_pending() {
    loop_.cancel_timer(this, timeout_timer);
    loop_.remove_fd(pending_fd_);
    socks_.reset();
    return std::exchange(pending_fd_, -1);
}

void connecter::succeeded(int fd) {
    if (link_.through_socks_proxy()) {
        begin_socks_exchange(fd);
        return;
    }
    hand_over(fd);
}

void connecter::hand_over(int fd) {
    link_.events->emit(ZMQ_EVENT_CONNECTED, static_cast<uint32_t>(fd),
                       {local_endpoint_of(fd), link_.remote_endpoint_for_events(), false});
    owner_.connected(fd);
}

// ---------------------------------------------------------------- SOCKS5

void connecter::begin_socks_exchange(int fd) {
    socks5_target target;
    int port = 0;
    endpoint_uri ep;
    ep.parse(link_.endpoint.c_str());  // it parsed when zmq_connect took it
    if (split_connect_destination(ep.address, target.host, port) < 0) {
        abandon_attempt(fd, EINVAL);
        return;
    }
    target.port = static_cast<uint16_t>(port);
    target.username = link_.transport.socks.username;
    target.password = link_.transport.socks.password;
    pending_fd_ = fd;
    socks_ = std::make_unique<socks5_handshake>(std::move(target));
    loop_.add_fd(fd, this);
    // As long as a ZMTP handshake may take (libzmq waits for ever).
    if (link_.handshake_ivl > 0)
        loop_.add_timer(link_.handshake_ivl, this, timeout_timer);
    talk_to_proxy();
}

void connecter::on_readable() {
    if (!socks_ || socks_->bytes_wanted() == 0)
        return;
    // Never past the proxy's reply: what follows is the peer's.
    uint8_t reply[socks5_handshake::longest_reply];
    const ssize_t n = ::recv(pending_fd_, reply, socks_->bytes_wanted(), 0);
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    if (n <= 0) {
        const int error = n == 0 ? ECONNRESET : errno;  // the proxy hung up
        abandon_attempt(take_pending(), error);
        return;
    }
    socks_->input(reply, static_cast<size_t>(n));
    talk_to_proxy();
}

void connecter::talk_to_proxy() {
    if (send_to_proxy() < 0) {
        const int error = errno;
        abandon_attempt(take_pending(), error);
        return;
    }
    switch (socks_->current()) {
    case socks5_handshake::status::failed: {
        const int error = socks_->error();  // take_pending() ends the exchange
        abandon_attempt(take_pending(), error);
        break;
    }
    case socks5_handshake::status::done:
        hand_over(take_pending());
        break;
    case socks5_handshake::status::working:
        // Reading once all is written; writing again when the kernel has room.
        loop_.want_write(pending_fd_, !socks_->pending_output().empty());
        loop_.want_read(pending_fd_, socks_->pending_output().empty());
        break;
    }
}

int connecter::send_to_proxy() {
    while (!socks_->pending_output().empty()) {
        const std::string_view out = socks_->pending_output();
        const ssize_t n = ::send(pending_fd_, out.data(), out.size(), MSG_NOSIGNAL);
        if (n < 0)
            return errno == EAGAIN || errno == EINTR ? 0 : -1;
        socks_->output_written(static_cast<size_t>(n));
    }
    return 0;
}

void connecter::abandon_attempt(int fd, int error) {
    ::close(fd);
    emit(ZMQ_EVENT_CLOSED, static_cast<uint32_t>(fd));  // as libzmq reports a refused connect
    if (error == ECONNREFUSED && (link_.transport.reconnect_stop & ZMQ_RECONNECT_STOP_CONN_REFUSED))
        owner_.connect_abandoned();  // the application asked us to give up on a refusing peer
    else
        connect_later();
}

void connecter::connect_later() {
    if (link_.reconnect_ivl < 0 || retry_planned_)
        return;  // the application asked for no reconnection, or one is planned
    const int interval = next_interval();
    emit(ZMQ_EVENT_CONNECT_RETRIED, static_cast<uint32_t>(interval));
    loop_.add_timer(interval, this, retry_timer);
    retry_planned_ = true;
}

int connecter::next_interval() {
    const int base = link_.reconnect_ivl;
    if (backoff_ivl_ < base)
        backoff_ivl_ = base;
    thread_local std::minstd_rand jitter_source(std::random_device{}());
    const int jitter = base > 0 ? static_cast<int>(jitter_source() % static_cast<unsigned>(base)) : 0;
    const int interval = backoff_ivl_ > std::numeric_limits<int>::max() - jitter ? std::numeric_limits<int>::max()
                                                                                 : backoff_ivl_ + jitter;
    if (link_.reconnect_ivl_max > base)
        backoff_ivl_ = backoff_ivl_ > link_.reconnect_ivl_max / 2 ? link_.reconnect_ivl_max : backoff_ivl_ * 2;
    return interval;
}

void connecter::on_timer(int id) {
    if (id == timeout_timer) {
        abandon_attempt(take_pending(), ETIMEDOUT);  // ZMQ_CONNECT_TIMEOUT
        return;
    }
    retry_planned_ = false;
    connect_now();
}

void connecter::emit(int event, uint32_t value) {
    link_.events->emit(event, value, endpoint_pair::of_connect(link_.remote_endpoint_for_events()));
}

} // namespace zmx
