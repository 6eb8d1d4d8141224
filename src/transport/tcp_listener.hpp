// A listening tcp socket on an I/O thread: each accepted connection gets a
// session of its own.
//
// Threading: created on the application thread (bind errors are reported
// synchronously), then owned by its worker; close() is posted by the socket.
#pragma once

#include "transport/io_object.hpp"
#include "transport/io_worker.hpp"
#include "transport/socket_link.hpp"
#include "transport/tcp_address.hpp"

#include <string>

namespace zmx {

class tcp_listener final : public io_object, private io_handler {
public:
    // Binds and listens: nullptr with errno (EADDRINUSE, EACCES, ...) on failure.
    static std::unique_ptr<tcp_listener> open(io_worker& worker, const socket_link& link,
                                              const tcp_address& address);
    ~tcp_listener() override;

    void start() override;
    // Worker thread: stops accepting and retires.
    void close();
    // The address actually bound ("tcp://127.0.0.1:41234").
    const std::string& bound_endpoint() const { return bound_; }

private:
    tcp_listener(io_worker& worker, const socket_link& link, int fd, std::string bound);
    void on_readable() override;

    socket_link link_;
    int fd_;
    std::string bound_;
};

} // namespace zmx
