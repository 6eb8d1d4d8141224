#include "zmtp/mechanism.hpp"

#include "zmtp/encoder.hpp"
#include "zmtp/socket_type_table.hpp"

#include <zmq.h>

#include <utility>

namespace zmx::zmtp {

mechanism::outcome mechanism::succeed(property_list peer) {
    peer_ = std::move(peer);
    return outcome::ready;
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
