// The I/O side of one socket's connection to one peer: it owns the I/O end
// of the socket's pipe and drives an engine over the connected descriptor
// (a ZMTP stream_engine, or a raw_engine for a socket that asks for one).
// A listener makes a session for each accepted descriptor; a connect makes
// one with a connecter, which hands it a descriptor each time it connects.
//
// A connecting session exists from zmq_connect on and outlives its engines:
// it reconnects after losing a connection. Without ZMQ_IMMEDIATE its pipe
// exists from the start, so what the socket sends meanwhile waits in it;
// with ZMQ_IMMEDIATE, and for an accepted session, the socket gets a pipe
// only once a handshake is done (never before: the class of
// CVE-2020-15166), and an immediate session drops it with the connection.
//
// When the socket closes its end, the session keeps sending what is queued
// for up to the LINGER the socket had, then ends. A STREAM socket closes
// its end for one connection too (an empty message to its routing id): the
// session then ends without reconnecting, as libzmq's does.
//
// Threading: its I/O thread.
#pragma once

#include "base/metadata_dispenser.hpp"
#include "io/io_object.hpp"
#include "io/io_thread.hpp"
#include "io/pipe.hpp"
#include "transport/connecter.hpp"
#include "transport/engine.hpp"
#include "transport/socket_link.hpp"
#include "transport/zap_client.hpp"

#include <memory>
#include <string_view>

namespace zmx {

class session final : public io_object,
                      private pipe_owner,
                      private engine::events,
                      private connecter::owner,
                      private io_handler {
public:
    // A session for a descriptor accepted by the listener bound to
    // listener_endpoint (its LAST_ENDPOINT: unbinding it ends the session).
    session(io_thread& thread, const socket_link& link, int fd, std::string listener_endpoint);
    // A session that connects to link.endpoint. pipe_end is the I/O end of
    // the socket's pipe, or null with ZMQ_IMMEDIATE.
    session(io_thread& thread, const socket_link& link, std::shared_ptr<pipe> pipe_end);
    // A udp session: its pipe from the start and an engine over fd, bound
    // or connected already; nothing to connect, nothing made again.
    session(io_thread& thread, const socket_link& link, std::shared_ptr<pipe> pipe_end, int fd);
    ~session() override;

    void start() override;
    // The socket disconnected the endpoint or closed: no more reconnecting.
    void cancel() override;
    void context_terminating() override;

private:
    // Where the connection stands:
    //   connecting  -> handshaking  the connecter hands over a descriptor
    //   handshaking -> active       the engine's handshake succeeded
    //   handshaking, active -> connecting
    //                               the connection is lost and a
    //                               connecting session tries again
    //   any -> finished             cancelled, the linger is over, nothing
    //                               is left to send, or no retry follows
    // An accepted session starts in handshaking.
    enum class state { connecting, handshaking, active, finished };

    // pipe_owner
    void pipe_command(command& c) override;
    void pipe_delimited(pipe* p) override;
    // engine::events
    void engine_ready(const zmtp::property_list& peer) override;
    bool engine_received(msg& frame) override;
    void engine_input_done() override;
    void engine_drained() override;
    void engine_failed(bool protocol_error) override;
    bool engine_zap_request(const zmtp::frame_list& request) override;
    void zap_command(command& c);
    // connecter::owner
    void connected(int fd) override;
    void connect_abandoned() override { finish(); }
    // io_handler: the linger timer
    void on_timer(int id) override;

    void start_engine(int fd);
    void drop_engine();
    // Whether the lost connection ends the session rather than being made
    // again (libzmq's rules).
    bool gives_up_after_failure(bool protocol_error) const;
    // Makes the socket's pipe after a handshake: false if the socket is gone.
    bool open_pipe_to_socket(const std::string& identity);
    void take_peer_properties(const zmtp::property_list& peer, std::string& identity);
    // ZMQ_HELLO_MSG, to the peer before anything the socket queued.
    void send_hello();
    // ZMQ_ROUTER_NOTIFY and ZMQ_DISCONNECT_MSG when a peer that completed
    // its handshake goes.
    void report_peer_gone();
    // A message up the pipe as if the peer had sent it.
    void deliver_as_from_peer(std::string_view body);
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

    static constexpr int linger_timer = 1;

    socket_link link_;
    const std::string pipe_endpoint_;  // what the socket's pipe is named by
    std::shared_ptr<pipe> pipe_;
    std::unique_ptr<connecter> connecter_;  // connecting sessions only
    std::unique_ptr<engine> engine_;
    zap_client zap_;  // the engine's line to the ZAP handler, while it asks
    metadata_dispenser properties_;  // the peer's, given to each message
    state state_;
    bool lingering_ = false;  // the socket closed its end
};

} // namespace zmx
