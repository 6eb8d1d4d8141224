// The HTTP/1.1 upgrade that opens a ZWS 2.0 connection (RFC 6455 section
// 4, ZeroMQ RFC 45): the client asks for its path with a fresh
// Sec-WebSocket-Key and the subprotocol "ZWS2.0/<mechanism>"; the server
// answers 101 with the accept key and the subprotocol it chose. The
// security mechanism is the subprotocol's: there is no ZMTP greeting, and
// the mechanism's handshake follows at once as command frames.
//
// A server that may (NULL mechanism, no ZAP) also takes libzmq's bare
// "ZWS2.0" when the client offers no "ZWS2.0/<mechanism>": no handshake,
// each side's first message is its routing id. A browser can offer nothing
// else: its WebSocket API refuses a subprotocol with a '/' in it.
//
// The server refuses, with a 400 response, a request that is not a GET
// upgrade to websocket over HTTP/1.1, lacks a valid key, names another
// WebSocket version than 13, or offers no subprotocol it speaks. The
// client refuses a response that is not 101 or has a wrong accept key or
// subprotocol. Heads are read within http_head's bounds (16 KiB at most).
//
// Sans-I/O. Threading: the one thread driving its connection.
#pragma once

#include "transport/http_head.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace zmx {

enum class upgrade_status { need_more, done, refused };

// "ZWS2.0/NULL" for the mechanism named "NULL".
std::string zws_subprotocol(std::string_view mechanism);

class ws_upgrade_server {
public:
    ws_upgrade_server(std::string_view mechanism, bool accepts_bare)
        : subprotocol_(zws_subprotocol(mechanism)), accepts_bare_(accepts_bare) {}

    // Reads the request; on done appends the 101 response to `out`, on
    // refused a 400 response (the connection then closes).
    upgrade_status feed(std::span<const uint8_t> in, size_t& consumed, std::vector<uint8_t>& out);
    // Once done: the client got bare "ZWS2.0" (no mechanism).
    bool bare() const { return bare_; }

private:
    // Picks the subprotocol (sets bare_); false when none is acceptable.
    bool acceptable();

    std::string subprotocol_;
    bool accepts_bare_;
    bool bare_ = false;
    http_head request_;
};

class ws_upgrade_client {
public:
    ws_upgrade_client(std::string_view mechanism, std::string host, std::string path)
        : subprotocol_(zws_subprotocol(mechanism)), host_(std::move(host)), path_(std::move(path)) {}

    // Appends the request to `out`.
    void start(std::vector<uint8_t>& out);
    // Reads the server's response.
    upgrade_status feed(std::span<const uint8_t> in, size_t& consumed);

private:
    bool acceptable() const;

    std::string subprotocol_;
    std::string host_;
    std::string path_;
    std::string key_;
    http_head response_;
};

} // namespace zmx
