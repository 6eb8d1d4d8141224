#include "zmtp/zap.hpp"

#include <zmq.h>

namespace zmx::zmtp {

frame_list zap_request(const zap_request_fields& fields) {
    frame_list frames{"", "1.0", "1", fields.domain, fields.address, fields.routing_id, fields.mechanism};
    frames.insert(frames.end(), fields.credentials.begin(), fields.credentials.end());
    return frames;
}

namespace {

// The status codes RFC 27 defines; anything else breaks the protocol.
int status_of(const std::string& code) {
    if (code == "200" || code == "300" || code == "400" || code == "500")
        return (code[0] - '0') * 100;
    return 0;
}

}  // namespace

std::variant<zap_reply, uint32_t> parse_zap_reply(const frame_list& frames) {
    // Checked in the order libzmq checks them, so the monitor hears the
    // same code for the same broken reply.
    if (frames.size() != 7)
        return uint32_t{ZMQ_PROTOCOL_ERROR_ZAP_MALFORMED_REPLY};
    if (!frames[0].empty())
        return uint32_t{ZMQ_PROTOCOL_ERROR_ZAP_UNSPECIFIED};  // a delimiter that is not one
    if (frames[1] != "1.0")
        return uint32_t{ZMQ_PROTOCOL_ERROR_ZAP_BAD_VERSION};
    if (frames[2] != "1")
        return uint32_t{ZMQ_PROTOCOL_ERROR_ZAP_BAD_REQUEST_ID};
    zap_reply reply;
    reply.status = status_of(frames[3]);
    if (reply.status == 0)
        return uint32_t{ZMQ_PROTOCOL_ERROR_ZAP_INVALID_STATUS_CODE};
    reply.user_id = frames[5];
    const auto& raw = frames[6];
    auto metadata = parse_properties(byte_view(reinterpret_cast<const uint8_t*>(raw.data()), raw.size()));
    if (!metadata)
        return uint32_t{ZMQ_PROTOCOL_ERROR_ZAP_INVALID_METADATA};
    reply.metadata = std::move(*metadata);
    return reply;
}

} // namespace zmx::zmtp
