// A listening stream socket (tcp, ws or ipc) on an I/O thread: each accepted
// connection gets a session of its own.
//
// Threading: created on the application thread (bind errors are reported
// synchronously), then owned by its I/O thread.
#pragma once

#include "io/io_object.hpp"
#include "io/io_thread.hpp"
#include "transport/endpoint_uri.hpp"
#include "transport/socket_address.hpp"
#include "transport/socket_link.hpp"

#include <memory>
#include <string>

namespace zmx {

class stream_listener final : public io_object, private io_handler {
public:
    // Resolves a tcp or ipc endpoint, binds and listens: nullptr with errno
    // (EINVAL, ENODEV, EADDRINUSE, EACCES, ...) on failure.
    static std::unique_ptr<stream_listener> open(io_thread& thread, const socket_link& link, const endpoint_uri& ep);
    ~stream_listener() override;

    void start() override;
    // Stops accepting (closes the descriptor, removes the socket file and
    // directory of an "ipc://*" bind) and retires.
    void cancel() override;
    // The address actually bound ("tcp://127.0.0.1:41234").
    const std::string& bound_endpoint() const { return bound_; }
    int fd() const { return fd_; }

private:
    stream_listener(io_thread& thread, const socket_link& link, int fd, const socket_address& bound,
                    std::string owned_directory);
    // owned_directory, if not empty, is removed with the listener (the
    // private directory of an "ipc://*" bind).
    static std::unique_ptr<stream_listener> listen_on(io_thread& thread, const socket_link& link,
                                                      const socket_address& address, std::string owned_directory);
    static std::unique_ptr<stream_listener> listen_on_given(io_thread& thread, const socket_link& link);
    void on_readable() override;
    // Whether the accepted peer passes the accept filters; one that does
    // not is closed here.
    bool admits(int fd);
    void remove_files() const;
    // Out of descriptors or memory: the pending connection stays queued and
    // the listener stays readable, so stop watching it for a while instead
    // of failing the same accept() in a busy loop.
    void pause_accepting();
    void on_timer(int id) override;  // the pause is over

    static constexpr int resume_timer = 1;

    socket_link link_;
    int fd_;
    std::string ws_path_;  // a ws:// listener's resource path
    std::string bound_;
    std::string file_;
    std::string owned_directory_;
    bool paused_ = false;
};

} // namespace zmx
