// stream_engine over ws:// (ZWS 2.0, ZeroMQ RFC 45): the HTTP upgrade
// takes the greeting's place and picks the mechanism by subprotocol, whose
// handshake then starts at once; afterwards each ZMTP frame travels as one
// WebSocket binary message (ws_wire.hpp). Control frames are answered
// here, as libzmq answers them: a ping with a pong carrying its payload, a
// close with a close, after which the connection ends as if the peer had
// hung up (a connecting side tries again).
#include "transport/stream_engine.hpp"

#include <zmq.h>

#include <algorithm>
#include <cerrno>

namespace zmx {

bool stream_engine::process_upgrade() {
    size_t consumed = 0;
    const auto status = ws_->upgrade(in_.bytes(), consumed, out_);
    in_.consume(consumed);
    if (status == upgrade_status::need_more)
        return true;
    if (status == upgrade_status::refused) {
        flush();  // a server's 400 goes out first, if the socket takes it now
        if (!stopped())
            fail(ZMQ_PROTOCOL_ERROR_WS_UNSPECIFIED);
        return false;
    }
    if (ws_->bare())
        return start_bare_zws();
    state_ = state::handshake;
    return take_mechanism_outcome(mechanism_->start(mechanism_output()));
}

// libzmq's bare "ZWS2.0", what a browser speaks: no mechanism, so no READY,
// no metadata and no socket-type check; each side first sends its routing
// id (ZMQ_ROUTING_ID, empty when unset) as a message, and the peer's is
// taken as a ZMTP 1.0 peer's identity is (take_legacy_identity).
bool stream_engine::start_bare_zws() {
    msg routing_id;
    if (routing_id.init_copy_of(link_.routing_id.data(), link_.routing_id.size()) < 0) {
        fail(0, ENOMEM);
        return false;
    }
    ws_->put_message(out_, routing_id);
    routing_id.close();
    state_ = state::legacy_identity;
    flush();
    return !stopped();
}

stream_engine::incoming stream_engine::next_ws_frame() {
    size_t consumed = 0;
    ws::frame_decoder& decoder = ws_->decoder();
    const auto result = decoder.decode(in_.bytes(), consumed);
    in_.consume(consumed);
    switch (result) {
    case ws::frame_decoder::result::need_more:
        return incoming::need_more;
    case ws::frame_decoder::result::message:
        return incoming::message;
    case ws::frame_decoder::result::command:
        return incoming::command;
    case ws::frame_decoder::result::pong:
        return incoming::control;  // its arrival already counted as traffic
    case ws::frame_decoder::result::ping:
        ws_->put_control(out_, ws::opcode::pong, decoder.control_payload());
        flush();
        return stopped() ? incoming::closed : incoming::control;
    case ws::frame_decoder::result::close: {
        // RFC 6455 5.5.1: the answer echoes the status code (its first two bytes).
        const auto& payload = decoder.control_payload();
        ws_->put_control(out_, ws::opcode::close,
                         zmtp::byte_view(payload.data(), std::min<size_t>(payload.size(), 2)));
        flush();
        fail(0, EPIPE);
        return incoming::closed;
    }
    case ws::frame_decoder::result::error:
        break;
    }
    return incoming::error;
}

bool stream_engine::frame_over_maximum() const {
    if (ws_)
        return ws_->decoder().refused_oversize();
    return decoder_.error() == zmtp::decoder::error_kind::too_large;
}

void stream_engine::send_ws_ping() {
    ws_->put_control(out_, ws::opcode::ping, {});
    flush();
}

} // namespace zmx
