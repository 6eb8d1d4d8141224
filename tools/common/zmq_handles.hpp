// Owning wrappers for the handles of the public zmq.h API, so that every way
// out of a tool closes its sockets before their context is terminated.
#pragma once

#include <zmq.h>

#include <stdexcept>
#include <string>

namespace zmx_tools {

// A zmq call that failed: what was attempted, then the library's text for
// the errno it set ("bind tcp://*:5555: Address already in use").
class zmq_failure : public std::runtime_error {
public:
    explicit zmq_failure(const std::string& attempted);
    int error() const { return error_; }

private:
    int error_;
};

class context {
public:
    explicit context(int io_threads = 1);
    ~context();
    context(const context&) = delete;
    context& operator=(const context&) = delete;

    void* get() const { return handle_; }

private:
    void* handle_;
};

class socket {
public:
    socket(const context& ctx, int type);
    ~socket();
    socket(socket&& other) noexcept;
    socket& operator=(socket&&) = delete;
    socket(const socket&) = delete;
    socket& operator=(const socket&) = delete;

    void* get() const { return handle_; }

    void set_int(int option, int value);
    void set_bytes(int option, const std::string& value);
    // Binds and returns the endpoint actually bound (ZMQ_LAST_ENDPOINT), so
    // "tcp://127.0.0.1:*" comes back with its port.
    std::string bind(const std::string& endpoint);
    void connect(const std::string& endpoint);

private:
    void* handle_;
};

}  // namespace zmx_tools
