// The I/O side of one socket's connection to one peer: it owns the I/O end
// of the pipe and drives a stream_engine over it.
//
// A connecting session exists from zmq_connect on and outlives its engines:
// it reconnects every RECONNECT_IVL, and what the socket sends meanwhile
// waits in the pipe. An accepted session is made for one engine, and gives
// the socket a pipe only once the handshake is done (never before: the
// class of CVE-2020-15166).
//
// Threading: its worker's thread.
#pragma once

#include "base/metadata.hpp"
#include "transport/io_object.hpp"
#include "transport/io_worker.hpp"
#include "transport/socket_link.hpp"
#include "transport/stream_engine.hpp"

#include <memory>

namespace zmx {

class session final : public io_object, private io_pipe_owner, private stream_engine::events, private io_handler {
public:
    // A session for an accepted descriptor.
    session(io_worker& worker, const socket_link& link, int fd);
    // A session that connects to address, serving the socket's end of pipe_end's connection.
    session(io_worker& worker, const socket_link& link, std::shared_ptr<pipe> pipe_end);
    ~session() override;

    void start() override;

private:
    // io_pipe_owner
    void pipe_command(command& c) override;
    void pipe_delimited(pipe* p) override;
    // stream_engine::events
    void engine_ready(const zmtp::property_list& peer) override;
    bool engine_received(msg& frame) override;
    void engine_failed() override;
    // io_handler: the reconnect timer and the pending connect
    void on_writable() override;
    void on_timer(int id) override;

    void connect_now();
    // The connect succeeded: the handshake starts on fd.
    void connected(int fd);
    void emit(int event, uint32_t value);
    // Tries connect_now() again after the reconnect interval (unless
    // reconnection is off).
    void retry_later();
    int next_reconnect_interval();
    void start_engine(int fd);
    void drop_engine();
    // Moves what the socket queued into the engine.
    void pull_from_pipe();
    // The socket's end is gone, or we give up: let go of everything.
    void finish();

    socket_link link_;
    std::shared_ptr<pipe> pipe_;
    std::unique_ptr<stream_engine> engine_;
    metadata* properties_ = nullptr;
    bool connecting_side_;
    bool announced_ = false;
    int connecting_fd_ = -1;
    int backoff_ivl_ = 0;  // the reconnect interval's base, doubling per failure
    bool finished_ = false;
};

} // namespace zmx
