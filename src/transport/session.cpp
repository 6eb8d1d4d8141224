#include "transport/session.hpp"

#include "io/pipe.hpp"
#include "transport/descriptor_tuning.hpp"
#include "transport/peer_address.hpp"
#include "transport/raw_engine.hpp"
#include "transport/stream_engine.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <zmq.h>

#include <cerrno>
#include <limits>
#include <random>

namespace zmx {

namespace {

constexpr int reconnect_timer = 1;
constexpr int linger_timer = 2;
constexpr int connect_timer = 3;
constexpr size_t write_batch = 64 * 1024;  // bytes handed to the kernel at once

bool is_tcp(const std::string& endpoint) { return endpoint.starts_with("tcp://"); }

}  // namespace

session::session(io_worker& worker, const socket_link& link, int fd, std::string listener_endpoint)
    : io_object(worker),
      link_(link),
      pipe_endpoint_(std::move(listener_endpoint)),
      connecting_side_(false),
      connecting_fd_(fd) {}

session::session(io_worker& worker, const socket_link& link, std::shared_ptr<pipe> pipe_end,
                 std::shared_ptr<connect_handle> handle)
    : io_object(worker),
      link_(link),
      pipe_endpoint_(link.endpoint),
      pipe_(std::move(pipe_end)),
      handle_(std::move(handle)),
      connecting_side_(true) {}

session::~session() {
    if (connecting_fd_ >= 0)
        ::close(connecting_fd_);
    if (properties_)
        properties_->release();
}

void session::start() {
    if (!connecting_side_) {
        const int fd = std::exchange(connecting_fd_, -1);
        start_engine(fd);
        return;
    }
    handle_->session_ = this;
    if (pipe_) {
        pipe_->attach(this);
        pipe_->set_mailbox(worker_.mailbox());
        // A socket that closed before we got here posted its pipe_term to
        // no mailbox.
        if (pipe_->peer_closed())
            begin_linger();
        if (finished_)
            return;
    }
    connect_now();
}

void session::context_terminating() {
    if (!pipe_)
        finish();  // a handshake, or a connect, nobody waits for any more
}

void session::cancel() {
    // With a pipe, the socket terminates it too, and we end once what it
    // queued is sent (within its linger).
    if (!pipe_)
        finish();
}

// ---------------------------------------------------------------- connecting

void session::connect_now() {
    endpoint_uri ep;
    peer_address peer;
    if (ep.parse(link_.endpoint.c_str()) < 0 || resolve_peer_address(ep, link_.ipv6, peer) < 0) {
        retry_later();
        return;
    }
    const socket_address& destination = peer.destination;
    const int fd = ::socket(destination.family(), SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd >= 0)
        tune_before_connecting(fd, link_.transport.tcp, is_tcp(link_.endpoint));
    if (fd < 0 || (peer.has_source && ::bind(fd, peer.source.get(), peer.source.length) < 0)) {
        if (fd >= 0)
            ::close(fd);
        retry_later();
        return;
    }
    if (::connect(fd, destination.get(), destination.length) == 0) {
        connected(fd);
        return;
    }
    if (errno != EINPROGRESS) {
        abandon_attempt(fd, errno);
        return;
    }
    emit(ZMQ_EVENT_CONNECT_DELAYED, EINPROGRESS);
    connecting_fd_ = fd;
    worker_.loop().add_fd(fd, this);
    worker_.loop().want_write(fd, true);
    if (link_.transport.connect_timeout > 0 && is_tcp(link_.endpoint))
        worker_.loop().add_timer(link_.transport.connect_timeout, this, connect_timer);
}

void session::on_writable() {
    const int fd = take_pending_connect();
    int error = 0;
    socklen_t size = sizeof error;
    if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size) < 0 || error != 0) {
        abandon_attempt(fd, error);
        return;
    }
    connected(fd);
}

int session::take_pending_connect() {
    worker_.loop().cancel_timer(this, connect_timer);
    worker_.loop().remove_fd(connecting_fd_);
    return std::exchange(connecting_fd_, -1);
}

void session::abandon_attempt(int fd, int error) {
    ::close(fd);
    emit(ZMQ_EVENT_CLOSED, static_cast<uint32_t>(fd));  // as libzmq reports a refused connect
    if (error == ECONNREFUSED && (link_.transport.reconnect_stop & ZMQ_RECONNECT_STOP_CONN_REFUSED))
        finish();  // the application asked us to give up on a refusing peer
    else
        retry_later();
}

void session::connected(int fd) {
    emit(ZMQ_EVENT_CONNECTED, static_cast<uint32_t>(fd));
    start_engine(fd);
}

void session::retry_later() {
    if (link_.reconnect_ivl < 0)
        return;  // the application asked for no reconnection
    const int interval = next_reconnect_interval();
    emit(ZMQ_EVENT_CONNECT_RETRIED, static_cast<uint32_t>(interval));
    worker_.loop().add_timer(interval, this, reconnect_timer);
}

int session::next_reconnect_interval() {
    // A random part spreads the reconnections of many peers after an
    // outage; the base doubles per failure up to RECONNECT_IVL_MAX.
    const int base = link_.reconnect_ivl;
    if (backoff_ivl_ < base)
        backoff_ivl_ = base;
    thread_local std::minstd_rand jitter_source(std::random_device{}());
    const int jitter = base > 0 ? static_cast<int>(jitter_source() % static_cast<unsigned>(base)) : 0;
    const int interval = backoff_ivl_ > std::numeric_limits<int>::max() - jitter ? std::numeric_limits<int>::max()
                                                                                 : backoff_ivl_ + jitter;
    if (link_.reconnect_ivl_max > base)
        backoff_ivl_ = backoff_ivl_ > link_.reconnect_ivl_max / 2 ? link_.reconnect_ivl_max : backoff_ivl_ * 2;
    return interval;
}

void session::emit(int event, uint32_t value) { link_.events->emit(event, value, link_.endpoint); }

void session::on_timer(int id) {
    if (finished_)
        return;
    switch (id) {
    case linger_timer:
        finish();  // the linger ran out: what is still queued is dropped
        break;
    case connect_timer:
        abandon_attempt(take_pending_connect(), ETIMEDOUT);  // ZMQ_CONNECT_TIMEOUT
        break;
    default:
        connect_now();
    }
}

// ---------------------------------------------------------------- the engine

void session::start_engine(int fd) {
    if (is_tcp(link_.endpoint))
        tune_connected_tcp(fd, link_.transport.tcp);
    handshaken_ = false;
    auto& sink = static_cast<engine::events&>(*this);
    if (link_.type == ZMQ_STREAM)
        engine_ = std::make_unique<raw_engine>(worker_.loop(), fd, link_, sink);
    else
        engine_ = std::make_unique<stream_engine>(worker_.loop(), fd, link_, sink);
    engine_->start();
}

void session::drop_engine() {
    // The engine may be inside its own call stack: stop it now, destroy it later.
    engine_->stop();
    std::shared_ptr<engine> doomed(engine_.release());
    worker_.loop().post([doomed] {});
}

void session::engine_ready(const zmtp::property_list& peer) {
    handshaken_ = true;
    backoff_ivl_ = link_.reconnect_ivl;  // a connection that worked resets the back-off
    metadata::properties props;
    std::string identity;
    for (const auto& [name, value] : peer) {
        props[name] = value;
        if (name == "Identity")
            identity = value;
    }
    if (!engine_->peer_address().empty())
        props["Peer-Address"] = engine_->peer_address();
    if (properties_)
        properties_->release();
    properties_ = new metadata(std::move(props), engine_->fd());

    if (!pipe_) {
        if (!open_pipe_to_socket(identity)) {
            finish();
            return;
        }
    } else if (!announced_) {
        pipe_->announce_routing_id(identity);
        announced_ = true;
    }
    pull_from_pipe();
}

bool session::open_pipe_to_socket(const std::string& identity) {
    auto link = pipe_pair::create();
    pipe& socket_end = link->end(0);
    socket_end.set_hwms(link_.sndhwm, link_.rcvhwm);
    socket_end.set_endpoint(pipe_endpoint_);  // for zmq_disconnect and zmq_unbind
    if (connecting_side_ && !link_.connect_routing_id.empty())
        socket_end.preset_peer_routing_id(link_.connect_routing_id);
    pipe_ = link->end(1).self();
    pipe_->attach(this);
    socket_end.set_mailbox(link_.mailbox);
    pipe_->set_mailbox(worker_.mailbox());
    pipe_->announce_routing_id(identity);
    announced_ = true;
    command attach{command::kind::attach, socket_end.self(), connecting_side_};
    return link_.mailbox->post(attach);
}

bool session::engine_received(msg& frame) {
    if (!pipe_) {  // we gave up on this connection: drop what still arrives
        frame.close();
        return true;
    }
    frame.set_properties(properties_);
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
    drop_engine();
    // Not made again, as in libzmq: an accepted connection, one to a peer
    // that broke the protocol or refused us, or any when the application
    // asked for no reconnection (RECONNECT_IVL -1: libzmq drops the pipe
    // too) or none after a failed handshake (ZMQ_RECONNECT_STOP).
    const bool stop_after_handshake_failure =
        !handshaken_ && (link_.transport.reconnect_stop & ZMQ_RECONNECT_STOP_HANDSHAKE_FAILED);
    if (!connecting_side_ || protocol_error || link_.reconnect_ivl < 0 || stop_after_handshake_failure) {
        finish();
        return;
    }
    if (link_.immediate && pipe_ && !lingering_) {
        // With ZMQ_IMMEDIATE the socket only has pipes to live peers.
        let_go_of_pipe();
    }
    finish_if_nothing_left();
    if (!finished_)
        retry_later();
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

void session::pipe_delimited(pipe*) { delimited_ = true; }

void session::pipe_command(command& c) {
    if (finished_ || c.target != pipe_)
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
    if (!engine_ && link_.type == ZMQ_STREAM) {
        finish();  // a raw connection is not made again once its socket let go
        return;
    }
    if (linger > 0)
        worker_.loop().add_timer(linger, this, linger_timer);
    pull_from_pipe();
    // With no connection yet, what is queued waits for one (or the linger).
    finish_if_nothing_left();
}

void session::finish_if_flushed() {
    // The session lives on only to send what the closed socket left behind.
    if (lingering_ && delimited_ && engine_ && engine_->buffered() == 0)
        worker_.loop().post([this] { finish(); });
}

void session::finish_if_nothing_left() {
    if (lingering_ && !engine_ && pipe_ && (delimited_ || pipe_->at_delimiter()))
        finish();
}

void session::finish() {
    if (finished_)
        return;
    finished_ = true;
    worker_.loop().cancel_timer(this, reconnect_timer);
    worker_.loop().cancel_timer(this, linger_timer);
    worker_.loop().cancel_timer(this, connect_timer);
    if (handle_)
        handle_->session_ = nullptr;
    if (connecting_fd_ >= 0) {
        worker_.loop().remove_fd(connecting_fd_);
        ::close(std::exchange(connecting_fd_, -1));
    }
    if (engine_)
        drop_engine();
    if (pipe_)
        let_go_of_pipe();
    worker_.retire(this);
}

void session::let_go_of_pipe() {
    pipe_->terminate();
    // Commands for it may still wait in the worker's mailbox, to run after
    // this session is gone: they must find no owner.
    pipe_->attach(nullptr);
    pipe_.reset();
}

} // namespace zmx
