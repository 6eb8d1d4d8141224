#include "zmtp/null_mechanism.hpp"

#include "zmtp/encoder.hpp"

#include <zmq.h>

namespace zmx::zmtp {

void null_mechanism::start(bytes& out) {
    bytes ready;
    encode_ready(ready, announcement(us_));
    append_command(out, ready);
}

mechanism::outcome null_mechanism::take_command(byte_view body, bytes& out) {
    const auto command = parse_command(body);
    if (!command)
        return fail(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_UNSPECIFIED);
    if (command->name == ready_command)
        return check_peer_properties(command->data, us_.socket_type, ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_READY,
                                     out);
    if (command->name == error_command)
        return fail(0, 0);  // the peer refused us: libzmq reports only the disconnection
    return fail(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, ZMQ_PROTOCOL_ERROR_ZMTP_UNEXPECTED_COMMAND);
}

} // namespace zmx::zmtp
