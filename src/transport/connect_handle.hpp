// What a socket keeps of a tcp or ipc connect it started, so it can stop
// it on zmq_disconnect or zmq_close even while no pipe exists (before the
// first connection with ZMQ_IMMEDIATE, or between reconnections).
//
// Threading: the socket keeps the handle and calls cancel() from its
// thread; the session registers itself on its worker's thread, where the
// cancellation runs.
#pragma once

#include "transport/io_worker.hpp"

#include <memory>
#include <string>

namespace zmx {

class session;

class connect_handle : public std::enable_shared_from_this<connect_handle> {
public:
    connect_handle(io_worker& worker, std::string endpoint) : worker_(worker), endpoint_(std::move(endpoint)) {}

    const std::string& endpoint() const { return endpoint_; }
    // Stops reconnecting; a session with no pipe ends now.
    void cancel();

private:
    friend class session;
    io_worker& worker_;
    const std::string endpoint_;
    session* session_ = nullptr;  // worker thread only: set while it lives
};

} // namespace zmx
