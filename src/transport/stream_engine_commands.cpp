// stream_engine's ZMTP 3.x commands once the handshake is done: PING
// answered with PONG, SUBSCRIBE/CANCEL and JOIN/LEAVE passed to the socket
// as messages, ERROR ending the connection, and the heartbeat's own PINGs.
// Over ZMTP 2.0 there are no commands (libzmq drops such frames).
#include "transport/stream_engine.hpp"

#include "zmtp/group_frames.hpp"

#include <zmq.h>

namespace zmx {

bool stream_engine::handle_command(const msg& body) {
    if (framing_ != zmtp::framing::zmtp3)
        return true;  // 2.0 has no commands: libzmq drops such frames
    const zmtp::byte_view bytes(static_cast<const uint8_t*>(body.data()), body.size());
    if (state_ == state::handshake)
        return take_handshake_command(bytes);
    const auto command = zmtp::parse_command(bytes);
    if (!command) {
        fail(ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_UNSPECIFIED);
        return false;
    }
    if (command->name == zmtp::ping_command) {
        const auto ping = zmtp::parse_ping(command->data);
        if (ping) {
            heartbeat_.ping_received(ping->ttl);
            zmtp::bytes pong;
            zmtp::encode_pong(pong, ping->context);
            put_command(pong);
            flush();
        }
        return !stopped();
    }
    if (command->name == zmtp::subscribe_command || command->name == zmtp::cancel_command) {
        return pass_subscription(command->name == zmtp::subscribe_command, command->data);
    }
    if (link_.groups == group_role::radio &&
        (command->name == zmtp::join_command || command->name == zmtp::leave_command))
        return pass_join_leave(command->name == zmtp::join_command, command->data);
    if (command->name == zmtp::error_command) {
        fail();
        return false;
    }
    return true;  // commands we do not know are ignored
}

bool stream_engine::pass_subscription(bool subscribe, zmtp::byte_view topic) {
    msg m;
    if (zmtp::subscription_message(m, subscribe, topic) < 0) {
        fail();
        return false;
    }
    if (!sink_.engine_received(m))
        m.close();  // a subscription never waits behind a full pipe
    return true;
}

bool stream_engine::pass_join_leave(bool join, zmtp::byte_view group) {
    msg m;
    if (zmtp::join_leave_message(m, join, group) < 0) {
        fail(ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_UNSPECIFIED);
        return false;
    }
    if (!sink_.engine_received(m))
        m.close();  // as a subscription: never waits behind a full pipe
    return true;
}

void stream_engine::heartbeat_ping(uint16_t ttl) {
    if (stopped())
        return;  // a timer that was due as the connection ended
    if (ws_) {
        send_ws_ping();  // over WebSocket a ping is a control frame, as libzmq sends it
        return;
    }
    zmtp::bytes ping;
    zmtp::encode_ping(ping, ttl, {});
    put_command(ping);
    flush();
}

} // namespace zmx
