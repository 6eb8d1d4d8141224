// ZAP (RFC 27), sans I/O: the request a mechanism sends to the
// application's handler at inproc://zeromq.zap.01 and the reply it reads
// back, as frames. The session carries them; this file only builds and
// checks them.
//
// The layout is the one libzmq's handlers expect: an empty delimiter
// frame first (the handler is a REP or a ROUTER), then version "1.0",
// request id "1", domain, peer address, our routing id, mechanism, and the
// mechanism's credentials. A reply is the delimiter, "1.0", "1", a status
// code (200, 300, 400 or 500), status text, user id and metadata.
//
// Threading: stateless functions.
#pragma once

#include "zmtp/commands.hpp"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace zmx::zmtp {

using frame_list = std::vector<std::string>;

struct zap_request_fields {
    std::string domain;
    std::string address;     // the peer's, without its port
    std::string routing_id;  // ours
    std::string mechanism;   // "NULL", "PLAIN" or "CURVE"
    frame_list credentials;  // PLAIN: user name, password; CURVE: the client's key
};

frame_list zap_request(const zap_request_fields& fields);

struct zap_reply {
    int status = 0;  // 200, 300, 400 or 500
    std::string user_id;
    property_list metadata;
};

// A reply, or the ZMQ_PROTOCOL_ERROR_ZAP_* code of what is wrong with it.
std::variant<zap_reply, uint32_t> parse_zap_reply(const frame_list& frames);

} // namespace zmx::zmtp
