// The I/O side of one socket's connection to one peer: it owns the I/O end
// of the pipe and drives an engine over it (a ZMTP stream_engine, or for a
// STREAM socket a raw_engine).
//
// A connecting session exists from zmq_connect on and outlives its engines:
// it reconnects at RECONNECT_IVL (with back-off). Without ZMQ_IMMEDIATE its
// pipe exists from the start, so what the socket sends meanwhile waits in
// it; with ZMQ_IMMEDIATE, and for an accepted session, the socket gets a
// pipe only once a handshake is done (never before: the class of
// CVE-2020-15166), and an immediate session drops it with the connection.
//
// When the socket closes its end, the session keeps sending what is queued
// for up to the LINGER the socket had, then ends. A STREAM socket closes
// its end for one connection too (an empty message to its routing id): the
// session then ends without reconnecting, as libzmq's does.
//
// Threading: its worker's thread.
#pragma once

#include "base/metadata.hpp"
#include "transport/connect_handle.hpp"
#include "transport/io_object.hpp"
#include "transport/io_worker.hpp"
#include "transport/socket_link.hpp"
#include "transport/engine.hpp"

#include <memory>

namespace zmx {

class session final : public io_object, private io_pipe_owner, private engine::events, private io_handler {
public:
    // A session for a descriptor accepted by the listener bound to
    // listener_endpoint (its LAST_ENDPOINT: unbinding it ends the session).
    session(io_worker& worker, const socket_link& link, int fd, std::string listener_endpoint);
    // A session that connects to link.endpoint. pipe_end is the I/O end of
    // the socket's pipe, or null with ZMQ_IMMEDIATE.
    session(io_worker& worker, const socket_link& link, std::shared_ptr<pipe> pipe_end,
            std::shared_ptr<connect_handle> handle);
    ~session() override;

    void start() override;
    void context_terminating() override;
    // The socket disconnected the endpoint or closed: no more reconnecting.
    void cancel();

private:
    // io_pipe_owner
    void pipe_command(command& c) override;
    void pipe_delimited(pipe* p) override;
    // engine::events
    void engine_ready(const zmtp::property_list& peer) override;
    bool engine_received(msg& frame) override;
    void engine_input_done() override;
    void engine_drained() override;
    void engine_failed(bool peer_refused) override;
    // io_handler: the reconnect, linger and connect timers, the pending connect
    void on_writable() override;
    void on_timer(int id) override;

    void connect_now();
    // The connect succeeded: the handshake starts on fd.
    void connected(int fd);
    // Stops watching the pending connect (and its timeout): its fd.
    int take_pending_connect();
    // The connect attempt on fd failed with error: close it and try again
    // later (unless ZMQ_RECONNECT_STOP says not to).
    void abandon_attempt(int fd, int error);
    // Tries connect_now() again after the reconnect interval (unless
    // reconnection is off or cancelled).
    void retry_later();
    int next_reconnect_interval();
    void emit(int event, uint32_t value);
    void start_engine(int fd);
    void drop_engine();
    // Makes the socket's pipe after a handshake: false if the socket is gone.
    bool open_pipe_to_socket(const std::string& identity);
    // Moves what the socket queued into the engine.
    void pull_from_pipe();
    // The socket closed its end: send what is left within its linger.
    void begin_linger();
    void finish_if_flushed();
    // Lingering with no connection and nothing queued but the socket's end:
    // nothing to wait for, so finish (or we would reconnect for ever).
    void finish_if_nothing_left();
    // The socket's end is gone, or we give up: let go of everything.
    void finish();
    // Terminates our end of the pipe and forgets it.
    void let_go_of_pipe();

    socket_link link_;
    const std::string pipe_endpoint_;  // what the socket's pipe is named by
    std::shared_ptr<pipe> pipe_;
    std::shared_ptr<connect_handle> handle_;  // connecting sessions only
    std::unique_ptr<engine> engine_;
    metadata* properties_ = nullptr;
    bool connecting_side_;
    bool announced_ = false;
    bool handshaken_ = false;  // the current engine got through its handshake
    bool lingering_ = false;   // the socket closed its end
    bool delimited_ = false;   // and we have read everything it sent
    int connecting_fd_ = -1;
    int backoff_ivl_ = 0;  // the reconnect interval's base, doubling per failure
    bool finished_ = false;
};

} // namespace zmx
