#include "transport/tcp_listener.hpp"

#include "transport/session.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace zmx {

namespace {

constexpr int backlog = 100;  // libzmq's default ZMQ_BACKLOG

}  // namespace

std::unique_ptr<tcp_listener> tcp_listener::open(io_worker& worker, const socket_link& link,
                                                 const tcp_address& address) {
    const int fd = ::socket(address.family(), SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return nullptr;
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    tcp_address bound = address;
    if (::bind(fd, address.get(), address.length) < 0 || ::listen(fd, backlog) < 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&bound.storage), &bound.length) < 0) {
        const int error = errno;
        ::close(fd);
        errno = error;
        return nullptr;
    }
    return std::unique_ptr<tcp_listener>(new tcp_listener(worker, link, fd, "tcp://" + bound.to_string()));
}

tcp_listener::tcp_listener(io_worker& worker, const socket_link& link, int fd, std::string bound)
    : io_object(worker), link_(link), fd_(fd), bound_(std::move(bound)) {}

tcp_listener::~tcp_listener() {
    if (fd_ >= 0)
        ::close(fd_);
}

void tcp_listener::start() {
    worker_.loop().add_fd(fd_, this);
    worker_.loop().want_read(fd_, true);
}

void tcp_listener::close() {
    worker_.loop().remove_fd(fd_);
    ::close(fd_);
    fd_ = -1;
    worker_.retire(this);
}

void tcp_listener::on_readable() {
    for (;;) {
        const int fd = ::accept4(fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0)
            return;  // EAGAIN, or a connection that died in the queue
        worker_.submit(std::make_unique<session>(worker_, link_, fd));
    }
}

} // namespace zmx
