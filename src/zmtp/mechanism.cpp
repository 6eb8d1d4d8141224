#include "zmtp/mechanism.hpp"

#include "zmtp/encoder.hpp"
#include "zmtp/socket_type_table.hpp"

#include <zmq.h>

#include <string>
#include <utility>
#include <variant>

namespace zmx::zmtp {

mechanism::outcome mechanism::succeed(property_list peer) {
    peer_ = std::move(peer);
    peer_.insert(peer_.end(), zap_properties_.begin(), zap_properties_.end());
    return outcome::ready;
}

mechanism::outcome mechanism::ask_zap(const our_properties& us, std::string_view mechanism_name,
                                      frame_list credentials) {
    zap_request_ = zmtp::zap_request(
        {us.zap_domain, us.peer_address, us.routing_id, std::string(mechanism_name), std::move(credentials)});
    return outcome::awaiting_zap;
}

mechanism::outcome mechanism::take_zap_reply(const frame_list& frames, bytes& out) {
    zap_request_.clear();
    auto parsed = parse_zap_reply(frames);
    if (const auto* code = std::get_if<uint32_t>(&parsed))
        return fail(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, *code);
    auto& reply = std::get<zap_reply>(parsed);
    if (reply.status != 200) {
        // The peer hears the status code in an ERROR, except 300: a
        // temporary failure, after which libzmq drops the client without a
        // word, so that it connects again.
        if (reply.status != 300)
            append_refusal(out, std::to_string(reply.status));
        return fail(ZMQ_EVENT_HANDSHAKE_FAILED_AUTH, static_cast<uint32_t>(reply.status));
    }
    zap_properties_ = std::move(reply.metadata);
    zap_properties_.emplace_back("User-Id", reply.user_id);
    return zap_approved(out);
}

void mechanism::append_refusal(bytes& out, std::string_view status) const {
    bytes error;
    if (encode_error(error, status))
        append_command(out, error);
}

mechanism::outcome mechanism::peer_refused(byte_view data) {
    const auto reason = parse_error(data);
    if (!reason)
        return fail(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_ERROR);
    const std::string_view r = *reason;
    if (r.size() == 3 && r[1] == '0' && r[2] == '0' && r[0] >= '3' && r[0] <= '5')
        return fail(ZMQ_EVENT_HANDSHAKE_FAILED_AUTH, static_cast<uint32_t>((r[0] - '0') * 100));
    return fail(0, 0);
}

mechanism::outcome mechanism::fail(int event, uint32_t value) {
    failure_ = {event, value};
    return outcome::failed;
}

mechanism::outcome mechanism::refuse(std::string_view reason, bytes& out) {
    // ZMTP 3.1: tell the peer why before closing.
    bytes error;
    if (encode_error(error, reason))
        append_command(out, error);
    return fail(0, 0);
}

mechanism::outcome mechanism::check_peer_properties(byte_view data, int our_type, uint32_t malformed_error,
                                                    bytes& out) {
    auto properties = parse_properties(data);
    if (!properties)
        return fail(ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, malformed_error);
    std::string_view peer_type;
    for (const auto& [name, value] : *properties)
        if (name == "Socket-Type")
            peer_type = value;
    if (!compatible(our_type, peer_type))
        return refuse("Invalid socket type", out);
    return succeed(std::move(*properties));
}

property_list announcement(const our_properties& us) {
    property_list props{{"Socket-Type", std::string(socket_type_name(us.socket_type))}};
    if (us.announce_routing_id)
        props.emplace_back("Identity", us.routing_id);
    props.insert(props.end(), us.metadata.begin(), us.metadata.end());
    return props;
}

} // namespace zmx::zmtp
