#include "zmtp/null_mechanism.hpp"

#include "zmtp/encoder.hpp"

#include <zmq.h>

#include <cerrno>

namespace zmx::zmtp {

mechanism::outcome null_mechanism::start(bytes& out) {
    if (!us_.zap_domain.empty())
        return ask_zap(us_, name(), {});
    return zap_approved(out);
}

mechanism::outcome null_mechanism::zap_approved(bytes& out) {
    bytes ready;
    encode_ready(ready, announcement(us_));
    append_command(out, ready);
    return outcome::handshaking;
}

mechanism::outcome null_mechanism::no_zap_handler(bytes& out) {
    if (us_.zap_enforce_domain)
        return fail(ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL, EFAULT);
    return zap_approved(out);
}

mechanism::outcome null_mechanism::take_command(byte_view body, bytes& out) {
    const auto command = parse_command(body);
    if (!command)
        return fail(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_UNSPECIFIED);
    if (command->name == ready_command)
        return check_peer_properties(command->data, us_.socket_type, ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_READY,
                                     out);
    if (command->name == error_command)
        return peer_refused(command->data);
    return fail(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, ZMQ_PROTOCOL_ERROR_ZMTP_UNEXPECTED_COMMAND);
}

} // namespace zmx::zmtp
