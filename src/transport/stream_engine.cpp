#include "transport/stream_engine.hpp"

#include "zmtp/encoder.hpp"
#include "zmtp/group_frames.hpp"
#include "zmtp/mechanism_factory.hpp"

#include <zmq.h>

#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace zmx {

namespace {

// The frame size limit while the handshake lasts (ZMQ_MAXMSGSIZE if lower).
int64_t handshake_limit(int64_t max_message_size) {
    return max_message_size >= 0 ? std::min(max_message_size, zmtp::handshake_frame_limit)
                                 : zmtp::handshake_frame_limit;
}

std::unique_ptr<zmtp::mechanism> mechanism_for(const socket_link& link, const std::string& peer_address) {
    zmtp::property_list metadata(link.metadata.begin(), link.metadata.end());
    zmtp::our_properties us{.socket_type = link.type,
                            .announce_routing_id = link.announces_routing_id,
                            .routing_id = link.routing_id,
                            .metadata = std::move(metadata),
                            .peer_address = peer_address,
                            .zap_domain = link.security.zap_domain,
                            .zap_enforce_domain = link.security.zap_enforce_domain};
    return zmtp::make_mechanism(link.security, std::move(us));
}

}  // namespace

stream_engine::stream_engine(reactor& loop, int fd, const socket_link& link, events& sink)
    : fd_engine(loop, fd, link, sink),
      mechanism_(mechanism_for(link, peer_address())),
      ws_(ws_wire::for_link(link, mechanism_->name(), handshake_limit(link.maxmsgsize))),
      greeting_({.mechanism = std::string(mechanism_->name()),
                 .as_server = zmtp::announces_server(link.security),
                 .socket_type = static_cast<uint8_t>(link.type),
                 .routing_id = link.routing_id,
                 .asks_zap = !link.security.zap_domain.empty()}),
      decoder_(handshake_limit(link.maxmsgsize)),
      heartbeat_(loop, link.transport.heartbeat, *this) {
    if (ws_)
        state_ = state::upgrade;
}

stream_engine::~stream_engine() { cancel_handshake_timer(); }

void stream_engine::start() {
    loop_.add_fd(fd_, this);
    loop_.want_read(fd_, true);
    if (link_.handshake_ivl > 0) {
        loop_.add_timer(link_.handshake_ivl, this, handshake_timer);
        handshake_timer_armed_ = true;
    }
    if (ws_)
        ws_->start(out_);
    else
        greeting_.start(out_);
    flush();
}

void stream_engine::fail(uint32_t protocol_error, int os_error) {
    if (stopped())
        return;
    if (framing_ != zmtp::framing::zmtp3) {
        // libzmq 4.3's monitor never sees a legacy handshake end: a lost
        // legacy connection is a failed handshake to it, a protocol error
        // goes unreported.
        if (protocol_error == 0)
            emit(ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL, static_cast<uint32_t>(os_error));
    } else if (state_ != state::active) {
        if (protocol_error != 0)
            emit(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, protocol_error);
        else
            emit(ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL, static_cast<uint32_t>(os_error));
    }
    close_connection(protocol_error != 0);
}

void stream_engine::on_hang_up() {
    int error = 0;
    socklen_t size = sizeof error;
    if (getsockopt(fd_, SOL_SOCKET, SO_ERROR, &error, &size) != 0 || error == 0)
        error = EPIPE;  // an orderly close, as a read of 0 bytes would say
    fail(0, error);
}

void stream_engine::on_timer(int id) {
    if (id != handshake_timer)
        return;
    // A peer that does not finish its handshake in time holds a descriptor
    // and a session for nothing: libzmq reports it as a failed handshake.
    handshake_timer_armed_ = false;
    fail();
}

void stream_engine::cancel_handshake_timer() {
    if (handshake_timer_armed_)
        loop_.cancel_timer(this, handshake_timer);
    handshake_timer_armed_ = false;
}

void stream_engine::close_connection(bool protocol_error) {
    emit(ZMQ_EVENT_DISCONNECTED, static_cast<uint32_t>(fd_));
    stop();
    sink_.engine_failed(protocol_error);  // may destroy this engine: nothing may follow
}

void stream_engine::send(msg& m) {
    zmtp::bytes command;
    // ZWS 2.0 carries subscriptions in message form, as libzmq sends them.
    const bool subscription_commands = !ws_ && greeting_.peer().has_subscription_commands();
    if (framing_ == zmtp::framing::zmtp1)
        zmtp::append_zmtp1_frame(out_, m);
    else if (m.has(msg::subscription) && subscription_commands && zmtp::subscription_command(command, m))
        put_command(command);
    else if (m.has(msg::join) || m.has(msg::leave)) {
        zmtp::encode_join_leave(command, m);
        put_command(command);
    } else if (link_.groups == group_role::radio)
        send_with_group(m);
    else if (!sealer_ && !ws_ && splices(m))  // CURVE and ws transform the body
        put_large_frame(m);
    else
        put_frame(m);
    m.close();
}

void stream_engine::put_frame(const msg& m) {
    if (sealer_) {
        const zmtp::byte_view body(static_cast<const uint8_t*>(m.data()), m.size());
        put_sealed(m.has(msg::more) ? zmtp::more_flag : 0, body);
    } else if (ws_) {
        ws_->put_message(out_, m);
    } else {
        zmtp::append_frame(out_, m);
    }
}

void stream_engine::put_large_frame(msg& m) {
    zmtp::append_frame_header(out_, m.size(), m.has(msg::more), false);
    output_.splice(m);
}

void stream_engine::put_command(zmtp::byte_view body) {
    if (sealer_)
        put_sealed(zmtp::command_flag, body);
    else if (ws_)
        ws_->put_command(out_, body);
    else
        zmtp::append_command(out_, body);
}

// The mechanism frames a sealed frame for ZMTP; over ws that frame goes
// as a WebSocket message, as libzmq sends it.
void stream_engine::put_sealed(uint8_t flags, zmtp::byte_view body) {
    if (!ws_) {
        sealer_->seal(flags, body, out_);
        return;
    }
    sealer_->seal(flags, body, ws_->handshake_output());
    ws_->take_handshake_output(out_);
}

void stream_engine::send_with_group(const msg& m) {
    msg group;
    if (zmtp::group_frame(group, m) < 0)
        return;  // out of memory: the message is lost, as a full pipe would lose it
    put_frame(group);
    group.close();
    put_frame(m);
}

bool stream_engine::process_input() {
    if (state_ == state::upgrade && !process_upgrade())
        return false;
    if (state_ == state::greeting && !process_greeting())
        return false;
    if (state_ != state::greeting && state_ != state::upgrade)
        return process_frames();
    return true;
}

bool stream_engine::process_greeting() {
    size_t consumed = 0;
    const auto status = greeting_.feed(in_.bytes(), consumed, out_);
    in_.consume(consumed);
    if (status == zmtp::greeting_exchange::status::need_more) {
        flush();  // the next stage of our greeting, if the peer's bytes called for it
        return !stopped();
    }
    if (status == zmtp::greeting_exchange::status::refused) {
        close_connection(true);  // as libzmq: only DISCONNECTED, and no retrying
        return false;
    }
    if (greeting_.peer().version != zmtp::peer_version::zmtp3)
        return start_legacy();
    if (greeting_.peer().mechanism != mechanism_->name()) {
        // The rest of our greeting first: the peer then sees the mismatch
        // too and, as with libzmq, does not connect again.
        flush();
        if (!stopped())
            fail(ZMQ_PROTOCOL_ERROR_ZMTP_MECHANISM_MISMATCH);
        return false;
    }
    // Only now, with the peer's whole greeting in, does the handshake start.
    state_ = state::handshake;
    return take_mechanism_outcome(mechanism_->start(mechanism_output()));
}

stream_engine::incoming stream_engine::next_zmtp_frame() {
    size_t consumed = 0;
    const auto result = decoder_.decode(in_.bytes(), consumed);
    in_.consume(consumed);
    switch (result) {
    case zmtp::decoder::result::need_more:
        return incoming::need_more;
    case zmtp::decoder::result::message:
        return incoming::message;
    case zmtp::decoder::result::command:
        return incoming::command;
    case zmtp::decoder::result::error:
        break;
    }
    return incoming::error;
}

bool stream_engine::process_frames() {
    while ((!in_.empty() || decoder_.body_complete()) && state_ != state::awaiting_zap) {
        switch (ws_ ? next_ws_frame() : next_zmtp_frame()) {
        case incoming::need_more:
        case incoming::control:
            break;
        case incoming::closed:
            return false;
        case incoming::error:
            // Before the handshake is seen done, a first message is held to
            // the handshake's limit, itself no more than ZMQ_MAXMSGSIZE.
            if (link_.maxmsgsize >= 0 && frame_over_maximum())
                link_.events->refused_oversize();
            fail(ws_ ? ZMQ_PROTOCOL_ERROR_WS_UNSPECIFIED : ZMQ_PROTOCOL_ERROR_ZMTP_UNSPECIFIED);
            return false;
        case incoming::command:
            if (sealer_) {
                if (!take_sealed(current_frame()))
                    return !stopped();
                break;
            }
            if (!handle_command(current_frame()))
                return false;
            break;
        case incoming::message:
            if (sealer_) {
                if (!take_sealed(current_frame()))
                    return !stopped();  // failed, or held until the pipe has room
                break;
            }
            if (state_ == state::legacy_identity) {
                if (!take_legacy_identity(current_frame()))
                    return false;
                break;
            }
            if (state_ != state::active) {
                fail(ZMQ_PROTOCOL_ERROR_ZMTP_UNEXPECTED_COMMAND);  // data before the handshake finished
                return false;
            }
            if (!take_message(current_frame()))
                return !stopped();  // failed, or held until the pipe has room
            break;
        }
    }
    return true;
}

bool stream_engine::take_sealed(msg& frame) {
    switch (sealer_->open(frame)) {
    case zmtp::frame_sealer::opened::message:
        return take_message(frame);
    case zmtp::frame_sealer::opened::command:
        return handle_command(frame);
    case zmtp::frame_sealer::opened::error:
        break;
    }
    // As libzmq: a MESSAGE that does not open is reported as a failed
    // handshake even once the connection is up.
    emit(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, sealer_->error());
    fail(sealer_->error());
    return false;
}

bool stream_engine::take_message(msg& frame) {
    if (link_.groups == group_role::dish) {
        switch (groups_.take(frame)) {
        case zmtp::group_frame_reader::result::need_body:
            return true;
        case zmtp::group_frame_reader::result::error:
            fail(ZMQ_PROTOCOL_ERROR_ZMTP_UNSPECIFIED);
            return false;
        case zmtp::group_frame_reader::result::body_ready:
            break;
        }
    }
    return deliver(frame);
}

void stream_engine::resume_input() {
    const bool read_on =
        release_held() && !stopped() && process_input() && !holding() && state_ != state::awaiting_zap;
    sink_.engine_input_done();
    if (!read_on)
        return;
    loop_.want_read(fd_, true);
    if (input_in_hand())
        on_readable();  // TLS records already read: the descriptor will not signal them
}

bool stream_engine::take_handshake_command(zmtp::byte_view body) {
    return take_mechanism_outcome(mechanism_->take_command(body, mechanism_output()));
}

void stream_engine::zap_reply(const zmtp::frame_list& reply) {
    if (state_ != state::awaiting_zap || stopped())
        return;
    loop_.want_hang_up(fd_, false);
    state_ = state::handshake;
    if (take_mechanism_outcome(mechanism_->take_zap_reply(reply, mechanism_output())))
        resume_after_zap();
}

void stream_engine::resume_after_zap() {
    // What the peer sent meanwhile waited in in_, kept by the engine.
    const bool read_on = process_input() && !holding() && !stopped();
    sink_.engine_input_done();
    if (read_on && state_ != state::awaiting_zap)
        loop_.want_read(fd_, true);
}

bool stream_engine::take_mechanism_outcome(zmtp::mechanism::outcome result) {
    if (ws_)
        ws_->take_handshake_output(out_);
    switch (result) {
    case zmtp::mechanism::outcome::awaiting_zap:
        if (!sink_.engine_zap_request(mechanism_->zap_request()))
            return take_mechanism_outcome(mechanism_->no_zap_handler(mechanism_output()));
        // The peer's next commands wait until the handler has answered;
        // its hang-up does not (on_hang_up).
        state_ = state::awaiting_zap;
        loop_.want_read(fd_, false);
        loop_.want_hang_up(fd_, true);
        flush();
        return !stopped();
    case zmtp::mechanism::outcome::handshaking:
        flush();
        return !stopped();
    case zmtp::mechanism::outcome::failed:
        end_handshake_in_failure();
        return false;
    case zmtp::mechanism::outcome::ready:
        break;
    }
    flush();
    if (stopped())
        return false;
    state_ = state::active;
    sealer_ = mechanism_->sealer();
    heartbeat_.start();
    cancel_handshake_timer();
    decoder_.set_max_message_size(link_.maxmsgsize);
    if (ws_)
        ws_->decoder().set_max_message_size(link_.maxmsgsize);
    sink_.engine_ready(mechanism_->peer_properties());
    // Only now, as libzmq: a program that sends once it has seen this event
    // finds the peer's pipe already offered to its socket.
    emit(ZMQ_EVENT_HANDSHAKE_SUCCEEDED, 0);
    return !stopped();  // the session may have stopped us
}

void stream_engine::end_handshake_in_failure() {
    // The mechanism's last word (an ERROR) is sent if the socket takes it
    // now; the connection ends either way, and is not made again.
    const std::span<const uint8_t> last_word = output_.unsent_bytes();
    if (!last_word.empty())
        ::send(fd_, last_word.data(), last_word.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    const zmtp::handshake_failure& why = mechanism_->failure();
    if (why.event != 0)
        emit(why.event, why.value);
    close_connection(true);
}

} // namespace zmx
