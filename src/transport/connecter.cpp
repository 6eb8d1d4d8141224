#include "transport/connecter.hpp"

#include "transport/descriptor_tuning.hpp"
#include "transport/peer_address.hpp"
#include "transport/socket_address.hpp"
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

void connecter::connect_now() {
    endpoint_uri ep;
    peer_address peer;
    if (ep.parse(link_.endpoint.c_str()) < 0 || resolve_peer_address(ep, link_.ipv6, peer) < 0) {
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
    tune_before_connecting(fd, link_.transport.tcp, runs_over_tcp(link_.endpoint));
    if (runs_over_tcp(link_.endpoint) && bind_to_device(fd, link_.transport.bound_device) < 0) {
        ::close(fd);  // an unknown device: tried again later, as libzmq does
        return -1;
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
    return std::exchange(pending_fd_, -1);
}

void connecter::succeeded(int fd) {
    link_.events->emit(ZMQ_EVENT_CONNECTED, static_cast<uint32_t>(fd), {local_endpoint_of(fd), link_.endpoint, false});
    owner_.connected(fd);
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
    link_.events->emit(event, value, endpoint_pair::of_connect(link_.endpoint));
}

} // namespace zmx
