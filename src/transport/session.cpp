#include "transport/session.hpp"

#include "transport/descriptor_tuning.hpp"
#include "transport/raw_engine.hpp"
#include "transport/stream_engine.hpp"
#include "transport/ws_address.hpp"
#include "transport/udp_engine.hpp"

#include <zmq.h>

namespace zmx {

namespace {

constexpr size_t write_batch = 64 * 1024;  // bytes handed to the kernel at once

}  // namespace

session::session(io_thread& thread, const socket_link& link, int fd, std::string listener_endpoint)
    : io_object(thread), link_(link), pipe_endpoint_(std::move(listener_endpoint)), state_(state::handshaking) {
    start_engine(fd);
}

session::session(io_thread& thread, const socket_link& link, std::shared_ptr<pipe> pipe_end)
    : io_object(thread),
      link_(link),
      pipe_endpoint_(link.endpoint),
      pipe_(std::move(pipe_end)),
      connecter_(std::make_unique<connecter>(thread.loop(), link_, static_cast<connecter::owner&>(*this))),
      state_(state::connecting) {}

session::session(io_thread& thread, const socket_link& link, std::shared_ptr<pipe> pipe_end, int fd)
    : io_object(thread), link_(link), pipe_endpoint_(link.endpoint), pipe_(std::move(pipe_end)) {
    start_engine(fd);
}

session::~session() = default;

void session::start() {
    if (pipe_) {
        pipe_->attach(this);
        pipe_->set_mailbox(thread_.mailbox());
        // A socket that closed before we got here posted its pipe_term to
        // no mailbox.
        if (pipe_->peer_closed())
            begin_linger();
        if (state_ == state::finished)
            return;
    }
    if (engine_)  // accepted, or udp
        engine_->start();
    else
        connecter_->connect_now();
}

void session::cancel() {
    // With a pipe, the socket terminates it too, and we end once what it
    // queued is sent (within its linger).
    if (!pipe_)
        finish();
}

void session::context_terminating() {
    if (!pipe_)
        finish();  // a handshake, or a connect, nobody waits for any more
}

// ---------------------------------------------------------------- the engine

void session::connected(int fd) {
    start_engine(fd);
    engine_->start();
}

void session::start_engine(int fd) {
    if (runs_over_tcp(link_.endpoint))
        tune_connected_tcp(fd, link_.transport.tcp);
    state_ = state::handshaking;
    auto& sink = static_cast<engine::events&>(*this);
    if (link_.engine == engine_kind::raw)
        engine_ = std::make_unique<raw_engine>(thread_.loop(), fd, link_, sink);
    else if (link_.engine == engine_kind::udp)
        engine_ = std::make_unique<udp_engine>(thread_.loop(), fd, link_, sink);
    else
        engine_ = std::make_unique<stream_engine>(thread_.loop(), fd, link_, sink);
}

void session::drop_engine() {
    zap_.close();
    // The engine may be inside its own call stack: stop it now, destroy it later.
    engine_->stop();
    std::shared_ptr<engine> doomed(engine_.release());
    thread_.post([doomed] {});
}

void session::engine_ready(const zmtp::property_list& peer) {
    state_ = state::active;
    if (connecter_)
        connecter_->reset_backoff();  // a connection that worked
    std::string identity;
    take_peer_properties(peer, identity);
    if (!pipe_) {
        if (!open_pipe_to_socket(identity)) {
            finish();
            return;
        }
    } else {
        pipe_->announce_routing_id(identity);  // once per pipe: not again on a reconnect
    }
    if (link_.router_notify & ZMQ_NOTIFY_CONNECT)
        deliver_as_from_peer({});
    send_hello();
    pull_from_pipe();
}

void session::send_hello() {
    if (link_.hello_msg.empty())
        return;
    msg hello;
    hello.init_copy_of(link_.hello_msg.data(), link_.hello_msg.size());
    engine_->send(hello);
}

// After the handshake, the peer's loss as the socket asked to hear of it:
// ZMQ_ROUTER_NOTIFY's empty message, then (from an accepted peer)
// ZMQ_DISCONNECT_MSG. What arrived complete stays; a message the loss cut
// off goes.
void session::report_peer_gone() {
    const bool notify = link_.router_notify & ZMQ_NOTIFY_DISCONNECT;
    const bool farewell = link_.accepted && !link_.disconnect_msg.empty();
    if (!pipe_ || (!notify && !farewell))
        return;
    pipe_->publish_written();
    pipe_->rollback();
    if (notify)
        deliver_as_from_peer({});
    if (farewell)
        deliver_as_from_peer(link_.disconnect_msg);
}

void session::deliver_as_from_peer(std::string_view body) {
    if (!pipe_)
        return;
    msg m;
    m.init_copy_of(body.data(), body.size());
    if (!pipe_->write(m))
        m.close();  // the socket's queue is full: as libzmq, it is lost
}

void session::take_peer_properties(const zmtp::property_list& peer, std::string& identity) {
    metadata::properties props;
    for (const auto& [name, value] : peer) {
        props[name] = value;
        if (name == "Identity")
            identity = value;
    }
    if (!engine_->peer_address().empty())
        props["Peer-Address"] = engine_->peer_address();
    properties_.reset(new metadata(std::move(props), engine_->fd()));
}

bool session::open_pipe_to_socket(const std::string& identity) {
    auto pair = pipe_pair::create();
    pipe& socket_end = pair->end(0);
    socket_end.set_hwms(link_.sndhwm, link_.rcvhwm);
    if (link_.conflate)
        socket_end.set_conflate();
    socket_end.set_endpoint(pipe_endpoint_);  // for zmq_disconnect and zmq_unbind
    socket_end.set_connection_ends(engine_->endpoints());
    if (connecter_ && !link_.connect_routing_id.empty())
        socket_end.preset_peer_routing_id(link_.connect_routing_id);
    pipe_ = pair->end(1).self();
    pipe_->attach(this);
    socket_end.set_mailbox(link_.mailbox);
    pipe_->set_mailbox(thread_.mailbox());
    pipe_->announce_routing_id(identity);
    command attach{command::kind::attach, socket_end.self(), connecter_ != nullptr};
    return link_.mailbox->post(attach);
}

bool session::engine_received(msg& frame) {
    if (!pipe_) {  // we gave up on this connection: drop what still arrives
        frame.close();
        return true;
    }
    frame.adopt_properties(properties_.take());
    if (pipe_->write(frame, false))
        return true;
    pipe_->publish_written();  // the reader must see what fitted, or it never makes room
    frame.set_properties(nullptr);
    return false;
}

void session::engine_input_done() {
    if (pipe_)
        pipe_->publish_written();
}

void session::engine_drained() { pull_from_pipe(); }  // the rest of what the socket queued

void session::engine_failed(bool protocol_error) {
    if (state_ == state::active)
        report_peer_gone();
    const bool gives_up = gives_up_after_failure(protocol_error);
    drop_engine();
    if (gives_up) {
        finish();
        return;
    }
    state_ = state::connecting;
    if (link_.immediate && pipe_ && !lingering_) {
        // With ZMQ_IMMEDIATE the socket only has pipes to live peers.
        let_go_of_pipe();
    }
    finish_if_nothing_left();
    if (state_ != state::finished)
        connecter_->connect_later();
}

bool session::gives_up_after_failure(bool protocol_error) const {
    // Not made again, as in libzmq: an accepted connection, one to a peer
    // that broke the protocol or refused us, or any when the application
    // asked for no reconnection (RECONNECT_IVL -1: libzmq drops the pipe
    // too) or none after a failed handshake (ZMQ_RECONNECT_STOP).
    const bool stop_after_handshake_failure =
        state_ != state::active && (link_.transport.reconnect_stop & ZMQ_RECONNECT_STOP_HANDSHAKE_FAILED);
    return !connecter_ || protocol_error || link_.reconnect_ivl < 0 || stop_after_handshake_failure;
}

// ---------------------------------------------------------------- the pipe

void session::pull_from_pipe() {
    if (!engine_ || !engine_->active() || !pipe_)
        return;
    // Reads only as fast as the peer takes: what it has not taken stays in
    // the pipe, where the socket's high-water mark holds the sender back.
    // Messages go out in batches of about write_batch bytes. We stop when
    // the pipe is empty (its writer wakes us) or the descriptor is full
    // (engine_drained() brings us back); never otherwise, or nobody would.
    msg m;
    m.init();
    bool pipe_empty = false;
    while (!pipe_empty) {
        while (!pipe_empty && engine_->buffered() < write_batch) {
            pipe_empty = !pipe_->read(m);
            if (!pipe_empty)
                engine_->send(m);
        }
        engine_->flush();  // may fail, and drop the engine
        if (!engine_ || engine_->buffered() > 0)
            return;
    }
    finish_if_flushed();
}

// Reading stops at the delimiter by itself; what follows asks at_delimiter().
void session::pipe_delimited(pipe*) {}

bool session::engine_zap_request(const zmtp::frame_list& request) {
    if (!link_.inproc)
        return false;
    return zap_.send(*link_.inproc, thread_.mailbox(), *this, request);
}

void session::zap_command(command& c) {
    zmtp::frame_list reply;
    if (c.what == command::kind::activate_read && zap_.take_reply(reply)) {
        zap_.close();  // one request per handshake
        if (engine_)
            engine_->zap_reply(reply);  // may fail the engine, and drop it
    } else if (c.what == command::kind::pipe_term) {
        // The handler went away unanswered: HANDSHAKE_IVL ends the wait.
        zap_.close();
    }
}

void session::pipe_command(command& c) {
    if (state_ != state::finished && zap_.owns(c.target.get())) {
        zap_command(c);
        return;
    }
    if (state_ == state::finished || c.target != pipe_)
        return;
    switch (c.what) {
    case command::kind::activate_read:
        pull_from_pipe();
        break;
    case command::kind::activate_write:
        if (engine_)
            engine_->resume_input();
        break;
    case command::kind::pipe_term:
        begin_linger();
        break;
    default:
        break;
    }
}

void session::begin_linger() {
    if (lingering_)
        return;
    lingering_ = true;
    const int linger = pipe_->peer_linger();
    if (linger == 0) {
        finish();
        return;
    }
    if (!engine_ && link_.engine == engine_kind::raw) {
        finish();  // a raw connection is not made again once its socket let go
        return;
    }
    if (linger > 0)
        thread_.loop().add_timer(linger, this, linger_timer);
    pull_from_pipe();
    // With no connection yet, what is queued waits for one (or the linger).
    finish_if_nothing_left();
}

void session::on_timer(int) {
    finish();  // the linger ran out: what is still queued is dropped
}

void session::finish_if_flushed() {
    // The session lives on only to send what the closed socket left behind.
    if (lingering_ && pipe_ && pipe_->at_delimiter() && engine_ && engine_->buffered() == 0)
        thread_.post([this] { finish(); });
}

void session::finish_if_nothing_left() {
    if (lingering_ && !engine_ && pipe_ && pipe_->at_delimiter())
        finish();
}

void session::finish() {
    if (state_ == state::finished)
        return;
    state_ = state::finished;
    thread_.loop().cancel_timer(this, linger_timer);
    if (connecter_)
        connecter_->cancel();
    if (engine_)
        drop_engine();
    if (pipe_)
        let_go_of_pipe();
    thread_.retire(this);
}

void session::let_go_of_pipe() {
    pipe_->terminate();
    // Commands for it may still wait in the mailbox, to run after this
    // session is gone: they must find no owner.
    pipe_->attach(nullptr);
    pipe_.reset();
}

} // namespace zmx
