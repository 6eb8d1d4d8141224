#include "zmq_handles.hpp"

#include <utility>

namespace zmx_tools {

zmq_failure::zmq_failure(const std::string& attempted)
    : std::runtime_error(attempted + ": " + zmq_strerror(zmq_errno())), error_(zmq_errno()) {}

context::context(int io_threads) : handle_(zmq_ctx_new()) {
    if (!handle_)
        throw zmq_failure("zmq_ctx_new");
    if (zmq_ctx_set(handle_, ZMQ_IO_THREADS, io_threads) != 0) {
        const zmq_failure failure("io_threads " + std::to_string(io_threads));
        zmq_ctx_term(handle_);
        throw failure;
    }
}

context::~context() { zmq_ctx_term(handle_); }

socket::socket(const context& ctx, int type) : handle_(zmq_socket(ctx.get(), type)) {
    if (!handle_)
        throw zmq_failure("zmq_socket");
}

socket::~socket() {
    if (handle_)
        zmq_close(handle_);
}

socket::socket(socket&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}

void socket::set_int(int option, int value) {
    if (zmq_setsockopt(handle_, option, &value, sizeof value) != 0)
        throw zmq_failure("zmq_setsockopt " + std::to_string(option));
}

void socket::set_bytes(int option, const std::string& value) {
    if (zmq_setsockopt(handle_, option, value.data(), value.size()) != 0)
        throw zmq_failure("zmq_setsockopt " + std::to_string(option));
}

std::string socket::bind(const std::string& endpoint) {
    if (zmq_bind(handle_, endpoint.c_str()) != 0)
        throw zmq_failure("bind " + endpoint);
    char bound[1024];
    size_t size = sizeof bound;
    if (zmq_getsockopt(handle_, ZMQ_LAST_ENDPOINT, bound, &size) != 0)
        throw zmq_failure("ZMQ_LAST_ENDPOINT");
    return bound;
}

void socket::connect(const std::string& endpoint) {
    if (zmq_connect(handle_, endpoint.c_str()) != 0)
        throw zmq_failure("connect " + endpoint);
}

}  // namespace zmx_tools
